import { ACTION_VERB_LIST, VERBS } from '../../src/door/verbs/index.js';
import type { Action, ActionType } from '../../src/playbook/actions.js';
import { apply } from '../../src/playbook/apply.js';
import type { Role } from '../../src/playbook/catalog.js';
import type { Actor } from '../../src/playbook/engagement.js';
import { openInState, PERMISSIONS } from '../../src/playbook/permissions.js';
import { BDM, beforeKickoff, FE, FM, movedOn, NOW, SME } from '../support/engagements.js';

const ACTORS: Record<Role, Actor> = { FM, FE, SME, stakeholder: BDM };

/** Well-formed actions of the types the playbook still takes after moving on; the rest are refused before their fields are read. */
const SAMPLES: Partial<Record<ActionType, Action>> = {
  assignRole: { type: 'assignRole', personId: 'aad-new', name: 'New Person', role: 'SME' },
  handOverFm: { type: 'handOverFm', personId: 'aad-new', name: 'New Person', then: 'FE' },
  submitHandoff: {
    type: 'submitHandoff',
    form: {
      authRationale: '',
      mfaApproach: 'caPolicy',
      mfaRegistered: 1,
      saasApps: [],
      devicePlan: '',
      mobileAppPlan: '',
      risks: '',
      recommendedWorkshops: [],
      notes: '',
    },
  },
  scheduleFollowUp: {
    type: 'scheduleFollowUp',
    kind: 'bvd',
    startsAt: '2025-06-01T09:00:00.000Z',
    timeZone: 'UTC',
    attendees: [],
    agenda: '',
    leadMinutes: 30,
  },
  rescheduleFollowUp: {
    type: 'rescheduleFollowUp',
    followUpId: 'fu-1',
    startsAt: '2025-06-02T09:00:00.000Z',
    timeZone: 'UTC',
    leadMinutes: 30,
  },
  cancelFollowUp: { type: 'cancelFollowUp', followUpId: 'fu-1' },
  deleteEngagement: { type: 'deleteEngagement', confirmation: 'Contoso Ltd' },
};

const MOVED_ON = /moved on to the next phase/i;

test.each(ACTION_VERB_LIST)(
  'the cards hide %s after moving on exactly when the playbook refuses it',
  (verb) => {
    const type = VERBS[verb].action;
    const e = movedOn();
    const actor = ACTORS[PERMISSIONS[type][0]!];
    const action = SAMPLES[type] ?? ({ type } as Action);
    const outcome = apply(e, action, actor, NOW);
    const refusedForMovingOn = !outcome.ok && MOVED_ON.test(outcome.refusal.message);
    expect(openInState(e, type)).toBe(!refusedForMovingOn);
  },
);

test.each(ACTION_VERB_LIST)(
  'the cards offer %s before the kickoff exactly when the playbook takes it',
  (verb) => {
    const type = VERBS[verb].action;
    const e = beforeKickoff();
    const actor = ACTORS[PERMISSIONS[type][0]!];
    const outcome = apply(e, SAMPLES[type] ?? ({ type } as Action), actor, NOW);
    const refusedByG1 = !outcome.ok && outcome.refusal.message.startsWith('Gate G1');
    expect(openInState(e, type)).toBe(!refusedByG1);
  },
);
