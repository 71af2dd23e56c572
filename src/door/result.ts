import type { Action, ActionOf } from '../playbook/actions.js';
import type { CardName } from './card-names.js';

/** What a card action becomes once read. */
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

/** A member of the chat, as Teams' member list gives it. */
export interface Member {
  /** Microsoft Entra object id. */
  id: string;
  name: string;
  /** Teams user id (29:…). */
  teamsId?: string;
  /** The member's tenant: a guest's is the chat's, a shared channel's external member's their own. */
  tenantId?: string;
  /** `user`, or `guest` for a guest account. */
  userRole?: string;
  email?: string;
  /** Someone of the engagement who is not in the chat's member list now: only their role can be removed. */
  departed?: boolean;
}

export interface DoorContext {
  /** Minutes before a follow-up its reminder is due (a setting of the bot). */
  leadMinutes: number;
  /** The zone of the person's client, or the bot's default: dates typed without a zone are in it. */
  timeZone: string;
  /** The chat roster: roles.assign takes the person's name from it. */
  members: Member[];
  /** Teams could not list the chat's members just now: nobody can be given a role. */
  rosterUnavailable?: boolean;
  /**
   * What reading the customer's tenant gave, for a verb that needs it: the read (or the tenant's
   * refusal), or why it could not be had now.
   */
  tenant?: ActionOf<'recordTenantFacts'>['read'] | { unavailable: string };
}

/** Input that cannot make an action: the message says why, in words a person reads. */
export interface Invalid {
  invalid: string;
}

/** Keys of an action's data that are not what a person typed. */
const TECHNICAL_KEYS = new Set(['verb', 'card', 'msteams', 'open']);

/** Bad input on `card`: the message, and what the person typed, to show again. */
export function invalid(
  card: CardName,
  message: string,
  data: Record<string, unknown>,
): DoorResult {
  const form = Object.fromEntries(Object.entries(data).filter(([k]) => !TECHNICAL_KEYS.has(k)));
  return { kind: 'invalid', card, message, form };
}
