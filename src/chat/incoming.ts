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
}

/** A card button pressed: its verb, the data and inputs it sent, and whether Teams pressed it (refresh). */
export interface CardAction {
  verb: string;
  data: Record<string, unknown>;
  automatic: boolean;
}
