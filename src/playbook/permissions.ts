import type { ActionType } from './actions.js';
import type { Role } from './catalog.js';
import type { Engagement } from './engagement.js';
import { g1Missing } from './gates.js';
import { refuse, type Refusal } from './refusal.js';

/** Which roles may take each action. The server checks this for every action, whatever a card shows. */
export const PERMISSIONS: Record<ActionType, readonly Role[]> = {
  confirmKickoff: ['FM'],
  assignRole: ['FM'],
  handOverFm: ['FM'],
  recordLicensing: ['FM'],
  scheduleConversation: ['FM'],
  acknowledgeAgenda: ['stakeholder'],
  selfAssess: ['stakeholder'],
  deliverConversation: ['FM'],
  completeIdentityStep: ['FE'],
  statePreference: ['stakeholder'],
  finalizeAuthMethod: ['FE'],
  markSyncReady: ['FE'],
  /** The customer decides per feature (and says why not); the FE leads the workshop. */
  decideFeature: ['stakeholder'],
  recordCaPolicy: ['FE'],
  recordMfaRegistration: ['FE'],
  removeBlockAll: ['FE'],
  deliverWorkshop: ['FE'],
  submitHandoff: ['FE', 'SME'],
  scheduleFollowUp: ['FM'],
  rescheduleFollowUp: ['FM'],
  cancelFollowUp: ['FM'],
  moveToNextPhase: ['FM'],
  deleteEngagement: ['FM'],
};

export function mayTake(role: Role | undefined, action: ActionType): boolean {
  return role !== undefined && PERMISSIONS[action].includes(role);
}

/** Actions allowed before gate G1 (the kickoff): setting up who is who is not a playbook step. */
export const BEFORE_KICKOFF: readonly ActionType[] = [
  'confirmKickoff',
  'assignRole',
  'handOverFm',
  'deleteEngagement',
];

/** Actions that still make sense once the engagement has moved on to the next phase. */
export const AFTER_MOVING_ON: readonly ActionType[] = [
  'assignRole',
  'handOverFm',
  'submitHandoff',
  'scheduleFollowUp',
  'rescheduleFollowUp',
  'cancelFollowUp',
  'deleteEngagement',
];

/**
 * Why the engagement, as it stands, takes this action from nobody: gate G1 before the kickoff,
 * or Deploy Securely is closed once the engagement moved on.
 */
export function closedInState(e: Engagement, type: ActionType): Refusal | undefined {
  if (!BEFORE_KICKOFF.includes(type)) {
    const missing = g1Missing(e);
    if (missing.length > 0)
      return refuse(
        'gate',
        'Gate G1: nothing starts before the kickoff call is confirmed.',
        missing,
      );
  }
  if (e.movedOn && !AFTER_MOVING_ON.includes(type))
    return refuse(
      'invalid',
      'The engagement has moved on to the next phase; Deploy Securely is closed.',
    );
  return undefined;
}

/** Whether the engagement, in its current state, takes this action at all (whoever asks). */
export function openInState(e: Engagement | undefined, type: ActionType): boolean {
  return e !== undefined && closedInState(e, type) === undefined;
}
