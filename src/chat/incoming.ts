import type { Actor, ConversationReference } from '../playbook/engagement.js';

export type ConversationKind = 'personal' | 'groupChat' | 'channel';

/** What the bot needs to know of an activity, read at the edge, with the framework types left behind. */
export interface Incoming {
  activityId: string;
  actor: Actor | undefined;
  conversationId: string;
  conversationKind: ConversationKind;
  tenantId: string | undefined;
  /** The message the card was on (for updating it in place). */
  replyToId: string | undefined;
  timeZone: string | undefined;
  /** Where to write back to this chat later (reminders). */
  reference: ConversationReference;
  /**
   * The person posted in the chat (a message, or the message an old client's card button sends),
   * which Teams lets only members of the chat do; a card's invoke proves no membership.
   */
  posted: boolean;
  /** A Teams link that opens this chat, when the activity tells enough to build one. */
  chatUrl?: string;
}

/** Teams could not list the chat's members just now; nothing that needs them can be decided. */
export class RosterUnavailableError extends Error {
  constructor(options?: { cause?: unknown }) {
    super('Teams did not list the members of this chat.', options);
    this.name = 'RosterUnavailableError';
  }
}

/** A card button pressed: its verb, the data and inputs it sent, and whether Teams pressed it (refresh). */
export interface CardAction {
  verb: string;
  data: Record<string, unknown>;
  automatic: boolean;
  /**
   * Sent by Action.Submit (clients without Action.Execute): such a client shows no view of its
   * own in place of a message, so the card the button was on is the message's card.
   */
  submitted?: boolean;
}
