import type { ActionType } from '../playbook/actions.js';
import type { Role } from '../playbook/catalog.js';
import { ROLE_LABELS } from '../playbook/catalog.js';
import type { Engagement } from '../playbook/engagement.js';
import { AFTER_MOVING_ON, BEFORE_KICKOFF, PERMISSIONS, mayTake } from '../playbook/permissions.js';

/** Card verbs that become a playbook action, and the action they become. */
export const ACTION_VERBS = {
  'kickoff.confirm': 'confirmKickoff',
  'roles.assign': 'assignRole',
  'licensing.record': 'recordLicensing',
  'conversation.schedule': 'scheduleConversation',
  'agenda.acknowledge': 'acknowledgeAgenda',
  'agenda.assess': 'selfAssess',
  'conversation.deliver': 'deliverConversation',
  'identity.complete': 'completeIdentityStep',
  'auth.prefer': 'statePreference',
  'auth.finalize': 'finalizeAuthMethod',
  'identity.syncReady': 'markSyncReady',
  'workshop.decide': 'decideFeature',
  'workshop.caPolicy': 'recordCaPolicy',
  'workshop.mfa': 'recordMfaRegistration',
  'workshop.removeBlockAll': 'removeBlockAll',
  'workshop.deliver': 'deliverWorkshop',
  'handoff.submit': 'submitHandoff',
  'followup.schedule': 'scheduleFollowUp',
  'followup.reschedule': 'rescheduleFollowUp',
  'followup.cancel': 'cancelFollowUp',
  'phase.moveOn': 'moveToNextPhase',
} as const satisfies Record<string, ActionType>;
export type ActionVerb = keyof typeof ACTION_VERBS;

/** Verbs that change nothing in the playbook. */
export const OTHER_VERBS = ['engagement.start', 'show', 'refresh', 'summary.export'] as const;
export type OtherVerb = (typeof OTHER_VERBS)[number];
export type Verb = ActionVerb | OtherVerb;

export const ACTION_VERB_LIST = Object.keys(ACTION_VERBS) as ActionVerb[];

export function isActionVerb(verb: string): verb is ActionVerb {
  return Object.prototype.hasOwnProperty.call(ACTION_VERBS, verb);
}

/** Verbs whose buttons send the inputs around them; every other button sends no inputs. */
export const FORM_VERBS: readonly Verb[] = [
  'engagement.start',
  'roles.assign',
  'licensing.record',
  'conversation.schedule',
  'agenda.acknowledge',
  'agenda.assess',
  'identity.complete',
  'auth.prefer',
  'auth.finalize',
  'workshop.decide',
  'workshop.caPolicy',
  'workshop.mfa',
  'handoff.submit',
  'followup.schedule',
  'followup.reschedule',
];

/** May the engagement, in its current state, take this action at all (whoever asks)? */
export function openInState(e: Engagement | undefined, type: ActionType): boolean {
  if (!e) return false;
  if (!e.kickoff && !BEFORE_KICKOFF.includes(type)) return false;
  if (e.movedOn && !AFTER_MOVING_ON.includes(type)) return false;
  return true;
}

/**
 * Which buttons a view shows: the shared view (no viewer) shows every role's actions the
 * engagement's state allows; a viewer's view only those of their role. Navigation always shows.
 */
export function allowedVerbs(
  e: Engagement | undefined,
  shared: boolean,
  role: Role | undefined,
): Record<Verb, boolean> {
  const can = {} as Record<Verb, boolean>;
  for (const verb of ACTION_VERB_LIST) {
    const type = ACTION_VERBS[verb];
    can[verb] = openInState(e, type) && (shared || mayTake(role, type));
  }
  can['engagement.start'] = !e;
  can.show = true;
  can.refresh = true;
  can['summary.export'] = !!e;
  return can;
}

/** "For the FastTrack Manager", per action verb: the note the shared card shows by each form. */
export function whoMay(): Record<ActionVerb, string> {
  const who = {} as Record<ActionVerb, string>;
  for (const verb of ACTION_VERB_LIST) {
    const roles = PERMISSIONS[ACTION_VERBS[verb]].map((r) =>
      r === 'stakeholder' ? 'customer stakeholders' : `the ${ROLE_LABELS[r]}`,
    );
    who[verb] = `For ${roles.join(' or ')}`;
  }
  return who;
}
