import type { ActionType } from './actions.js';
import type { Role } from './catalog.js';

/** Which roles may take each action. The server checks this for every action, whatever a card shows. */
export const PERMISSIONS: Record<ActionType, readonly Role[]> = {
  confirmKickoff: ['FM'],
  assignRole: ['FM'],
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
};

export function mayTake(role: Role | undefined, action: ActionType): boolean {
  return role !== undefined && PERMISSIONS[action].includes(role);
}

/** Actions allowed before gate G1 (the kickoff): setting up who is who is not a playbook step. */
export const BEFORE_KICKOFF: readonly ActionType[] = ['confirmKickoff', 'assignRole'];

/** Actions that still make sense once the engagement has moved on to the next phase. */
export const AFTER_MOVING_ON: readonly ActionType[] = [
  'assignRole',
  'submitHandoff',
  'scheduleFollowUp',
  'rescheduleFollowUp',
  'cancelFollowUp',
];
