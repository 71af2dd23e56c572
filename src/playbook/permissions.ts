import { onBehalfOf, type Action, type ActionType, type OnBehalfActionType } from './actions.js';
import type { Role } from './catalog.js';
import type { Engagement } from './engagement.js';
import { gateRefusal } from './gates.js';
import { refuse, type Refusal } from './refusal.js';

/** Which roles may take each action. The server checks this for every action, whatever a card shows. */
export const PERMISSIONS: Record<ActionType, readonly Role[]> = {
  confirmKickoff: ['FM'],
  assignRole: ['FM'],
  handOverFm: ['FM'],
  recordLicensing: ['FM'],
  recordPreparation: ['FM'],
  /** Reading the tenant changes no decision: whoever leads the engagement may ask for it. */
  recordTenantFacts: ['FM', 'FE'],
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

/** Who may record a stakeholder's answer for them, given in the meeting. */
export const ON_BEHALF_PERMISSIONS: Record<OnBehalfActionType, readonly Role[]> = {
  acknowledgeAgenda: ['FM', 'FE'],
  statePreference: ['FM', 'FE'],
  decideFeature: ['FM', 'FE'],
};

/** Who may take this very action: a stakeholder's answer for them is the FM's or FE's to record. */
export function rolesFor(action: Action): readonly Role[] {
  return onBehalfOf(action) && action.type in ON_BEHALF_PERMISSIONS
    ? ON_BEHALF_PERMISSIONS[action.type as OnBehalfActionType]
    : PERMISSIONS[action.type];
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
    // G1 asks only whether the kickoff is confirmed: the time it is asked at does not matter.
    const closed = gateRefusal('G1', e, new Date(e.updatedAt));
    if (closed) return closed;
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

/** Who may take the engagement's documents (the summary and the hand-off) out of the chat. */
export const EXPORT_ROLES: readonly Role[] = ['FM', 'FE'];
