/**
 * One scenario per action type: an engagement in which the action succeeds, a sample of the
 * action, and a person allowed to take it. Typed as a Record so a new action type fails to compile
 * until it has a scenario here.
 */
import type { Action, ActionType } from '../../src/playbook/actions.js';
import type { Actor, Engagement } from '../../src/playbook/engagement.js';
import {
  BDM,
  FE,
  FM,
  followUpAction,
  g4Met,
  handoffForm,
  identityThrough,
  conversationDelivered,
  conversationDue,
  kickedOff,
  licensed,
  readyToMoveOn,
  workshopDelivered,
  withFollowUp,
  withPeople,
} from './builders.js';
import { tenantFacts } from './tenant-builders.js';

export interface Scenario {
  state: () => Engagement;
  action: Action;
  /** Someone allowed to take the action. */
  by: Actor;
}

export const SCENARIOS: { [T in ActionType]: Scenario } = {
  confirmKickoff: { state: withPeople, action: { type: 'confirmKickoff' }, by: FM },
  assignRole: {
    state: kickedOff,
    action: {
      type: 'assignRole',
      personId: 'aad-new',
      name: 'Nia New',
      role: 'stakeholder',
      title: 'IT',
    },
    by: FM,
  },
  handOverFm: {
    state: kickedOff,
    action: { type: 'handOverFm', personId: FE.id, name: FE.name, then: 'SME' },
    by: FM,
  },
  recordLicensing: {
    state: kickedOff,
    action: {
      type: 'recordLicensing',
      licences: ['m365e5'],
      addOns: [],
      notes: 'EA renewal in June',
    },
    by: FM,
  },
  recordTenantFacts: {
    state: kickedOff,
    action: { type: 'recordTenantFacts', read: { ok: true, facts: tenantFacts() } },
    by: FE,
  },
  recordPreparation: {
    state: kickedOff,
    action: {
      type: 'recordPreparation',
      businessRequirements: 'Merger with Fabrikam in Q3',
      deploymentRequirements: 'Teams and Exchange Online first',
      supportAreas: ['identity', 'devices'],
      supportNote: '',
    },
    by: FM,
  },
  scheduleConversation: {
    state: kickedOff,
    action: {
      type: 'scheduleConversation',
      startsAt: '2025-03-10T14:00:00.000Z',
      invited: [BDM.id],
    },
    by: FM,
  },
  acknowledgeAgenda: {
    state: kickedOff,
    action: { type: 'acknowledgeAgenda', topics: ['importance', 'baseline'], question: '' },
    by: BDM,
  },
  selfAssess: {
    state: kickedOff,
    action: {
      type: 'selfAssess',
      levels: { identity: 'basic', device: 'new', information: 'working' },
    },
    by: BDM,
  },
  deliverConversation: {
    state: () => conversationDue(),
    action: { type: 'deliverConversation' },
    by: FM,
  },
  completeIdentityStep: {
    state: kickedOff,
    action: { type: 'completeIdentityStep', step: 'forests', note: 'One forest, 12 UPNs fixed' },
    by: FE,
  },
  statePreference: {
    state: kickedOff,
    action: { type: 'statePreference', method: 'pta', comment: 'Keep passwords on-premises' },
    by: BDM,
  },
  finalizeAuthMethod: {
    state: () => identityThrough('forests'),
    action: {
      type: 'finalizeAuthMethod',
      method: 'phs',
      rationale: 'Resilient',
      decidedBy: BDM.name,
    },
    by: FE,
  },
  markSyncReady: {
    state: () => identityThrough('mfaAdmins'),
    action: { type: 'markSyncReady' },
    by: FE,
  },
  decideFeature: {
    state: kickedOff,
    action: { type: 'decideFeature', feature: 'mfaAllUsers', choice: 'enable' },
    by: BDM,
  },
  recordCaPolicy: {
    state: () => licensed(),
    action: { type: 'recordCaPolicy', policy: 'blockLegacy', state: 'planned' },
    by: FE,
  },
  recordMfaRegistration: {
    state: kickedOff,
    action: { type: 'recordMfaRegistration', registered: 10, total: 100 },
    by: FE,
  },
  removeBlockAll: { state: () => g4Met(), action: { type: 'removeBlockAll' }, by: FE },
  deliverWorkshop: {
    state: () => conversationDelivered(),
    action: { type: 'deliverWorkshop' },
    by: FE,
  },
  submitHandoff: {
    state: () => workshopDelivered(),
    action: { type: 'submitHandoff', form: handoffForm() },
    by: FE,
  },
  scheduleFollowUp: { state: kickedOff, action: followUpAction(), by: FM },
  rescheduleFollowUp: {
    state: withFollowUp,
    action: {
      type: 'rescheduleFollowUp',
      followUpId: 'fu-1',
      startsAt: '2025-03-21T15:00:00.000Z',
      timeZone: 'Europe/London',
      leadMinutes: 30,
    },
    by: FM,
  },
  cancelFollowUp: {
    state: withFollowUp,
    action: { type: 'cancelFollowUp', followUpId: 'fu-1' },
    by: FM,
  },
  moveToNextPhase: {
    state: readyToMoveOn,
    action: { type: 'moveToNextPhase', phases: ['Conduct Security Workshops'] },
    by: FM,
  },
  deleteEngagement: {
    state: kickedOff,
    action: { type: 'deleteEngagement', confirmation: ' contoso  LTD ' },
    by: FM,
  },
};

export const ACTION_TYPES = Object.keys(SCENARIOS) as ActionType[];
