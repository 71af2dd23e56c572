import type { Role } from '../playbook/catalog.js';
import type { Engagement } from '../playbook/engagement.js';

export const CARD_NAMES = [
  'help',
  'welcome',
  'roles',
  'licensing',
  'agenda',
  'identity',
  'auth',
  'workshop',
  'handoff',
  'followup',
  'status',
  'summary',
  'reminder',
] as const;
export type CardName = (typeof CARD_NAMES)[number];

export function isCardName(value: unknown): value is CardName {
  return typeof value === 'string' && (CARD_NAMES as readonly string[]).includes(value);
}

export interface CardRequest {
  card: CardName;
  /** Undefined for help/welcome before an engagement exists. */
  engagement?: Engagement;
  /** Undefined = the SHARED card everyone in the chat sees. */
  viewer?: { id: string; role?: Role };
  /** The chat roster (the roles card's person choice). */
  members?: { id: string; name: string }[];
  /** Shown at the top, next to the form. */
  message?: { text: string; kind: 'error' | 'success' | 'info' };
  /** What the person typed, kept after a refusal (becomes the inputs' `value`). */
  form?: Record<string, unknown>;
  /** The follow-up a reminder card is about. */
  followUpId?: string;
  now: Date;
  /** IANA zone for dates that have no zone of their own (stamps, the conversation); default UTC. */
  timeZone?: string;
  /** Whom Teams asks to refresh the shared card (user MRIs); default the engagement's people ids. */
  refreshUserIds?: string[];
  /** The new member(s) a welcome card greets, by name. */
  welcomeNames?: string[];
}

/** A card's view model: plain data the card's template binds to. */
export type View = Record<string, unknown>;
