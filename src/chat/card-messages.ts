import { createHash } from 'node:crypto';
import type { AdaptiveCard, CardRequest } from '../cards/types.js';
import { isCardName, type CardName } from '../door/card-names.js';
import {
  sameChatCards,
  withChatCards,
  withoutChatCards,
  type ChatCard,
} from '../playbook/chat-cards.js';
import type { Engagement } from '../playbook/engagement.js';
import { engagementIdFor } from '../playbook/start.js';
import type { Mutate } from '../store/mutate.js';
import type { CardAction, Incoming } from './incoming.js';
import type { Replies } from './replies.js';

/** A message of the chat to put a fresh card in, and what to record once it is in place. */
export interface CardUpdate {
  activityId: string;
  card: AdaptiveCard;
  record: ChatCard;
}

/** What a message shows, before its activity id is known. */
export type CardRecord = Omit<ChatCard, 'activityId'>;

/** A shared card ready to send, with the record of the message that will show it. */
export interface SharedCard {
  card: AdaptiveCard;
  record: CardRecord;
}

/** A short digest of a card's JSON: equal digests, equal cards. */
function digestOf(card: AdaptiveCard): string {
  return createHash('sha256').update(JSON.stringify(card)).digest('base64url').slice(0, 22);
}

/**
 * The card messages of each engagement's chat: which card each message shows, so an action never
 * turns a message into another card, and which messages a change leaves stale. Cost of a change:
 * one render per remembered message (at most CHAT_CARD_LIMITS.total), an update per message whose
 * shared card changed, and one conditional write of the records when any changed.
 */
export class CardMessages {
  constructor(
    private readonly deps: {
      replies: Replies;
      mutate: Mutate;
    },
  ) {}

  /** The card a message of the engagement's chat shows, when it is remembered. */
  recorded(e: Engagement | undefined, activityId: string | undefined): ChatCard | undefined {
    if (!e || !activityId) return undefined;
    return e.chatCards?.find((c) => c.activityId === activityId);
  }

  /**
   * The card of the message an action was pressed on: as remembered; else, for Action.Submit
   * (whose clients show no view of their own in place of a message) or a start (no other card
   * exists before it), the card the button was on. Undefined when it cannot be known: an
   * Action.Execute client may be showing the person's navigated view in that message.
   */
  pressedOn(
    e: Engagement | undefined,
    incoming: Incoming,
    action: CardAction,
    started = false,
  ): { card: CardName; followUpId?: string } | undefined {
    const known = this.recorded(e, incoming.replyToId);
    if (known && isCardName(known.card))
      return { card: known.card, ...(known.followUpId ? { followUpId: known.followUpId } : {}) };
    if (!incoming.replyToId || !(action.submitted || started)) return undefined;
    const { card, followUpId } = action.data;
    if (!isCardName(card)) return undefined;
    return { card, ...(typeof followUpId === 'string' ? { followUpId } : {}) };
  }

  /**
   * The shared card of this kind, fresh; `message` and `members` show in it but not in its
   * digest, so a later change that leaves the state as it is does not update it again.
   */
  shared(
    card: CardName,
    e: Engagement | undefined,
    extra: Pick<CardRequest, 'message' | 'members' | 'followUpId'> = {},
  ): SharedCard {
    const { replies } = this.deps;
    const followUpId = extra.followUpId;
    const plain = replies.shared(card, e, followUpId ? { followUpId } : {});
    const shown = extra.message || extra.members?.length ? replies.shared(card, e, extra) : plain;
    return {
      card: shown,
      record: { card, ...(followUpId ? { followUpId } : {}), digest: digestOf(plain) },
    };
  }

  /** The remembered messages (but `except`) whose shared card is not the one the engagement gives now. */
  stale(e: Engagement, except: ReadonlySet<string>): CardUpdate[] {
    const updates: CardUpdate[] = [];
    for (const message of e.chatCards ?? []) {
      if (except.has(message.activityId) || !isCardName(message.card)) continue;
      const followUpId = message.followUpId;
      const { card, record } = this.shared(message.card, e, followUpId ? { followUpId } : {});
      if (record.digest === message.digest) continue;
      updates.push({
        activityId: message.activityId,
        card,
        record: { ...record, activityId: message.activityId },
      });
    }
    return updates;
  }

  /**
   * The remembered messages (but `except`) of a deleted engagement, each emptied of it: its card
   * with no engagement and a note saying why.
   */
  cleared(e: Engagement, except: ReadonlySet<string>, note: string): CardUpdate[] {
    return (e.chatCards ?? []).flatMap((message) => {
      if (except.has(message.activityId) || !isCardName(message.card)) return [];
      const card = this.deps.replies.shared(message.card, undefined, {
        message: { kind: 'info', text: note },
      });
      return [{ activityId: message.activityId, card, record: message }];
    });
  }

  /**
   * Records these messages and forgets those gone from the chat, in one conditional write on the
   * engagement as it stands (none when the list stays as it is, or the engagement is gone).
   */
  async record(
    conversationId: string,
    records: readonly ChatCard[],
    gone: readonly string[] = [],
  ): Promise<void> {
    if (records.length === 0 && gone.length === 0) return;
    await this.deps.mutate(engagementIdFor(conversationId), (current) => {
      const e = current?.engagement;
      if (!e) return { result: undefined };
      const chatCards = withChatCards(withoutChatCards(e.chatCards, gone), records);
      if (sameChatCards(e.chatCards, chatCards)) return { result: undefined };
      return { write: { ...e, chatCards }, result: undefined };
    });
  }
}
