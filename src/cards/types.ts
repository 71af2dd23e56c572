import type { CardName } from '../door/card-names.js';
import type { Member } from '../door/result.js';
import type { Role } from '../playbook/catalog.js';
import type { Engagement } from '../playbook/engagement.js';

export interface CardRequest {
  card: CardName;
  /** Undefined for help/welcome before an engagement exists. */
  engagement?: Engagement;
  /** Undefined = the SHARED card everyone in the chat sees. */
  viewer?: { id: string; role?: Role };
  /** The chat roster (the roles card's person choice). */
  members?: Member[];
  /** Shown at the top, next to the form. */
  message?: { text: string; kind: 'error' | 'success' | 'info' };
  /** What the person typed, kept after a refusal (becomes the inputs' `value`). */
  form?: Record<string, unknown>;
  /** The store failed: an engagement missing from the request may exist, it just could not be read. */
  storeFailed?: boolean;
  /** The follow-up a reminder card is about. */
  followUpId?: string;
  now: Date;
  /** IANA zone for dates that have no zone of their own (stamps, the conversation); default UTC. */
  timeZone?: string;
  /** The viewer's own zone, as their Teams client named it; absent when it named none. */
  viewerZone?: string;
  /** The link that asks the customer's admin to consent to reading the tenant (when set up). */
  consentLink?: string;
  /** The new member(s) a welcome card greets, by name. */
  welcomeNames?: string[];
  /** Links to documents the viewer takes away (their own, short-lived), and a line about them. */
  downloads?: { title: string; url: string }[];
  downloadsNote?: string;
  /** The card answers someone who takes no part: it offers no action at all (not even a start). */
  noActions?: boolean;
  /** A person's engagements (the 1:1 list), each with the id of their account that takes part. */
  listing?: { engagement: Engagement; personId: string }[];
}

/** A card's view model: plain data the card's template binds to. */
export type View = Record<string, unknown>;

/** An Adaptive Card as JSON, ready to send. */
export type AdaptiveCard = Record<string, unknown>;
