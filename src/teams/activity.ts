import { TurnContext, type Activity } from 'botbuilder';
import type { CardAction, Incoming } from '../chat/incoming.js';
import type { ConversationReference } from '../playbook/engagement.js';
import { isTimeZone } from '../playbook/time.js';

/** What the bot needs of an activity, read from botbuilder's: who, where, and where to write back. */
export function readIncoming(activity: Activity): Incoming {
  const channelData = (activity.channelData ?? {}) as { tenant?: { id?: string } };
  const tenantId = activity.conversation?.tenantId ?? channelData.tenant?.id;
  const aadObjectId = activity.from?.aadObjectId;
  const kind = activity.conversation?.conversationType;
  // Checked once here: the cards say every instant in this zone, and an unknown one is no zone.
  const zone = activity.localTimezone;
  return {
    activityId: activity.id ?? '',
    actor:
      aadObjectId && tenantId
        ? {
            id: aadObjectId,
            name: activity.from.name?.trim() || 'Someone',
            tenantId,
            ...(activity.from.id ? { teamsId: activity.from.id } : {}),
          }
        : undefined,
    conversationId: activity.conversation?.id ?? '',
    conversationKind: kind === 'groupChat' || kind === 'channel' ? kind : 'personal',
    tenantId,
    replyToId: activity.replyToId,
    timeZone: zone && isTimeZone(zone) ? zone : undefined,
    reference: JSON.parse(
      JSON.stringify(TurnContext.getConversationReference(activity)),
    ) as ConversationReference,
  };
}

/** The typed text of a message, without the bot's @mention, trimmed. */
export function commandText(context: TurnContext): string {
  const text = TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '';
  return text
    .replace(/<at>[^<]*<\/at>/g, '')
    .replace(/&nbsp;/g, ' ')
    .trim();
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Action.Execute arrives as an `adaptiveCard/action` invoke; anything else is not a card action. */
export function readInvokeAction(value: unknown): CardAction | undefined {
  if (!isRecord(value) || !isRecord(value.action)) return undefined;
  const { verb, data } = value.action;
  if (typeof verb !== 'string') return undefined;
  return { verb, data: isRecord(data) ? data : {}, automatic: value.trigger === 'automatic' };
}

/** The Action.Submit fallback arrives as a message whose value carries the verb. */
export function readSubmitAction(value: unknown): CardAction | undefined {
  if (!isRecord(value)) return undefined;
  const { verb, ...data } = value;
  if (typeof verb !== 'string') return undefined;
  return { verb, data, automatic: false };
}
