import type { CardName } from '../cards/types.js';
import type { Action } from '../playbook/actions.js';

export type DoorResult =
  /** A playbook action; re-render `card` after. */
  | { kind: 'action'; action: Action; card: CardName }
  | { kind: 'start'; customer: string }
  /** Navigation: open that card. */
  | { kind: 'show'; card: CardName }
  /** Automatic (Teams' user-specific views) or manual refresh of a card (a reminder's names its follow-up). */
  | { kind: 'refresh'; card: CardName; followUpId?: string }
  | { kind: 'export' }
  /** Bad input: show `message` on `card`, with what the person typed kept in `form`. */
  | { kind: 'invalid'; card: CardName; message: string; form: Record<string, unknown> };

export interface DoorContext {
  /** Minutes before a follow-up its reminder is due (a setting of the bot). */
  leadMinutes: number;
  /** The zone of the person's client, or the bot's default: dates typed without a zone are in it. */
  timeZone: string;
  /** The chat roster: roles.assign takes the person's name from it. */
  members: { id: string; name: string; teamsId?: string }[];
}

/** What a verb's builder gives back: the action, or a message when the input cannot make one. */
export type Built = Action | { invalid: string };
