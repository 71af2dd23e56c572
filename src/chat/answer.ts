import type { AdaptiveCard, CardRequest } from '../cards/types.js';
import type { CardName } from '../door/card-names.js';
import type { Member } from '../door/result.js';
import type { Downloads } from '../documents/downloads.js';
import type { Actor, Engagement } from '../playbook/engagement.js';
import type { CardMessages, CardRecord } from './card-messages.js';
import type { Engagements } from './engagements.js';
import type { CardAction, Incoming } from './incoming.js';
import type { Post, Replies } from './replies.js';
import type { TenantLink } from './tenant.js';

/** What the bot does after a card action: answer the person, update the shared card, post to the chat. */
export interface Answer {
  card: AdaptiveCard;
  /** The shared card to put in place of the one that was clicked (everyone's view). */
  shared?: AdaptiveCard;
  post?: Post;
  /** The activity was applied before (Teams delivered it again): post nothing new. */
  duplicate?: boolean;
  /**
   * What the person who acted alone is told, when the answer is theirs only: why nothing changed
   * (a refusal, bad input, the store down), or that their documents are ready. Their own view
   * carries it; where the client has no view of its own (Action.Submit) a short reply mentioning
   * them does, never a card for the whole chat.
   */
  personal?: string;
  /** What the message that gets `shared` shows (recorded once it is in place). */
  sharedAs?: CardRecord;
  /** What the card in `post` shows (recorded once it is posted). */
  postedAs?: CardRecord;
  /** The engagement after a change: the chat's other card messages are brought up to it. */
  changed?: Engagement;
  /** The engagement was deleted: the chat's other card messages show it no more. */
  cleared?: { engagement: Engagement; note: string };
}

export interface AnswerDeps {
  replies: Replies;
  /** The engagement's card messages in the chat. */
  messages: CardMessages;
  /** The documents the FastTrack manager and engineer take away (signed links). */
  downloads: Downloads;
  engagements: Engagements;
  /** Minutes before a follow-up its reminder is due (a setting of the bot). */
  leadMinutes: number;
  /** Reading customers' tenants, when set up. */
  tenant?: TenantLink;
}

/** What one answer knows: who asked, in which zone, the roster it read, and the card's view for them. */
export interface Asked {
  incoming: Incoming;
  actor: Actor;
  action: CardAction;
  extra: Partial<CardRequest> & { timeZone: string };
  members: () => Promise<Member[]>;
  view: (card: CardName, e: Engagement | undefined, extra?: Partial<CardRequest>) => AdaptiveCard;
}
