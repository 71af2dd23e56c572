import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { CardUpdate } from '../chat/card-messages.js';
import type { ChatCard } from '../playbook/chat-cards.js';
import { statusOf } from './proactive.js';

/**
 * How many of the chat's card messages are updated at once after a change. Teams takes about 7
 * messages a second per conversation (updates count), so a few at a time keep within it.
 */
export const UPDATE_CONCURRENCY = 3;

/** What became of the updates: the messages now showing their fresh card, and those gone from the chat. */
export interface PutInPlace {
  updated: ChatCard[];
  gone: string[];
}

/**
 * Puts each fresh card in its message, UPDATE_CONCURRENCY at a time. A message that cannot be
 * updated is logged and left for the next change; one Teams no longer has (404) is forgotten.
 * Never throws: the answer these updates follow is already saved and sent.
 */
export async function putInPlace(
  context: TurnContext,
  updates: readonly CardUpdate[],
  logger: Logger,
): Promise<PutInPlace> {
  const result: PutInPlace = { updated: [], gone: [] };
  const queue = [...updates];
  const worker = async (): Promise<void> => {
    for (let update = queue.shift(); update; update = queue.shift()) {
      const activity = MessageFactory.attachment(CardFactory.adaptiveCard(update.card));
      try {
        await context.updateActivity({ ...activity, id: update.activityId });
        result.updated.push(update.record);
      } catch (err) {
        const status = statusOf(err);
        if (status === 404) result.gone.push(update.activityId);
        logger.warn(
          { status, card: update.record.card, err: (err as Error).message },
          'could not bring a card of the chat up to date',
        );
      }
    }
  };
  const workers = Math.min(UPDATE_CONCURRENCY, updates.length);
  await Promise.all(Array.from({ length: workers }, worker));
  if (updates.length > 0)
    logger.info(
      { stale: updates.length, updated: result.updated.length, gone: result.gone.length },
      'cards of the chat brought up to date',
    );
  return result;
}
