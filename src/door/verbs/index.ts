import type { ActionType } from '../../playbook/actions.js';
import type { VerbEntry } from '../entry.js';
import { CONVERSATION_VERBS } from './conversation.js';
import { FOLLOW_UP_VERBS } from './followups.js';
import { HANDOFF_VERBS } from './handoff.js';
import { IDENTITY_VERBS } from './identity.js';
import { PHASE_VERBS } from './phase.js';
import { SETUP_VERBS } from './setup.js';
import { TENANT_VERBS } from './tenant.js';
import { WORKSHOP_VERBS } from './workshop.js';

/**
 * The one table of the door: every card verb that becomes a playbook action, one entry each,
 * grouped by the playbook step it serves (as in src/playbook/steps/). The lists the cards and the
 * door need (forms, who may use which button, what needs the roster) are derived from it.
 */
export const VERBS = {
  ...SETUP_VERBS,
  ...TENANT_VERBS,
  ...CONVERSATION_VERBS,
  ...IDENTITY_VERBS,
  ...WORKSHOP_VERBS,
  ...HANDOFF_VERBS,
  ...FOLLOW_UP_VERBS,
  ...PHASE_VERBS,
} satisfies Record<string, VerbEntry>;

export type ActionVerb = keyof typeof VERBS;
export const ACTION_VERB_LIST = Object.keys(VERBS) as ActionVerb[];

export function isActionVerb(verb: string): verb is ActionVerb {
  return Object.prototype.hasOwnProperty.call(VERBS, verb);
}

/** Holds only when nothing is left: the compiler names what is. */
type NoneLeft<T extends never> = T;
/** Every playbook action is some verb's: a new action type without one fails to compile here, by name. */
export type EveryActionHasAVerb = NoneLeft<
  Exclude<ActionType, (typeof VERBS)[ActionVerb]['action']>
>;
