/**
 * Who may take every action: each role, a stranger and someone from another tenant, against a
 * table written here from PRODUCT.md and the seeds (not read back from src/playbook/permissions.ts).
 */
import type { ActionType } from '../../src/playbook/actions.js';
import { apply } from '../../src/playbook/apply.js';
import type { Role } from '../../src/playbook/catalog.js';
import type { Actor } from '../../src/playbook/engagement.js';
import {
  BDM,
  BUILD_TIME,
  deepFreeze,
  FE,
  FM,
  OUTSIDER,
  refusalOf,
  SME,
  STRANGER,
} from './builders.js';
import { ACTION_TYPES, SCENARIOS } from './scenarios.js';

/** Written independently: who does what, from the "Who uses it" table and the seeds' primary roles. */
const ALLOWED: Record<ActionType, readonly Role[]> = {
  confirmKickoff: ['FM'],
  assignRole: ['FM'],
  handOverFm: ['FM'],
  recordLicensing: ['FM'],
  recordPreparation: ['FM'],
  // Reading the tenant decides nothing: the FM (licences) and the FE (identity, workshop) ask for it.
  recordTenantFacts: ['FM', 'FE'],
  scheduleConversation: ['FM'],
  acknowledgeAgenda: ['stakeholder'],
  selfAssess: ['stakeholder'],
  deliverConversation: ['FM'],
  completeIdentityStep: ['FE'],
  statePreference: ['stakeholder'],
  finalizeAuthMethod: ['FE'],
  markSyncReady: ['FE'],
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

const ACTOR_OF: Record<Role, Actor> = { FM, FE, SME, stakeholder: BDM };
const ROLE_NAMES: Record<Role, string> = {
  FM: 'FastTrack Manager',
  FE: 'FastTrack Engineer',
  SME: 'SME / engineer',
  stakeholder: 'Customer stakeholder',
};

type Case = [
  action: ActionType,
  who: Role | 'stranger' | 'other tenant',
  expected: 'allowed' | 'refused',
];
const cases: Case[] = ACTION_TYPES.flatMap((type): Case[] => [
  ...(['FM', 'FE', 'SME', 'stakeholder'] as const).map((role): Case => [
    type,
    role,
    ALLOWED[type].includes(role) ? 'allowed' : 'refused',
  ]),
  [type, 'stranger', 'refused'],
  [type, 'other tenant', 'refused'],
]);

describe('permissions of every action for every role', () => {
  test('the table covers every action type the playbook has', () => {
    expect([...ACTION_TYPES].sort()).toEqual(Object.keys(ALLOWED).sort());
    expect(cases).toHaveLength(ACTION_TYPES.length * 6);
  });

  test.each(cases)('%s by %s is %s', (type, who, expected) => {
    const scenario = SCENARIOS[type];
    const e = deepFreeze(scenario.state());
    const before = structuredClone(e);
    const actor = who === 'stranger' ? STRANGER : who === 'other tenant' ? OUTSIDER : ACTOR_OF[who];

    const outcome = apply(e, scenario.action, actor, BUILD_TIME);

    if (expected === 'allowed') {
      expect(outcome).toMatchObject({ ok: true, duplicate: false });
      if (outcome.ok) {
        expect(outcome.engagement).not.toBe(e);
        expect(outcome.engagement.history.at(-1)).toMatchObject({ by: actor.id, action: type });
      }
    } else {
      const refusal = refusalOf(outcome);
      expect(outcome).not.toHaveProperty('engagement');
      if (who === 'other tenant') {
        // The FM's object id, in a tenant that neither hosts the chat nor is the FM's own.
        expect(refusal.kind).toBe('outsider');
        expect(refusal.message).toMatch(/another organization than the one this engagement knows/);
      } else if (who === 'stranger') {
        expect(refusal.kind).toBe('outsider');
        expect(refusal.message).toMatch(/^You have no role in this chat's engagement/);
        expect(refusal.message).not.toContain('Contoso');
      } else {
        expect(refusal.kind).toBe('notAllowed');
        const allowedNames = ALLOWED[type].map((r) => ROLE_NAMES[r]).join(' or ');
        expect(refusal.message).toBe(
          `Only the ${allowedNames} can do that; you are the ${ROLE_NAMES[who]}. Nothing was changed.`,
        );
      }
    }
    // The input is never changed, allowed or not (it is frozen, and still equals its copy).
    expect(e).toEqual(before);
  });
});

describe('who the actor is', () => {
  test('a person removed from the engagement loses every permission at once', () => {
    const e = apply(
      SCENARIOS.completeIdentityStep.state(),
      { type: 'assignRole', personId: FE.id, name: FE.name, role: 'none' },
      FM,
      BUILD_TIME,
    );
    if (!e.ok) throw new Error('removing the FE was refused');
    const refusal = refusalOf(
      apply(e.engagement, SCENARIOS.completeIdentityStep.action, FE, BUILD_TIME),
    );
    expect(refusal.kind).toBe('outsider');
  });

  test('a new role takes effect for the next action', () => {
    const scenario = SCENARIOS.submitHandoff;
    const promoted = apply(
      scenario.state(),
      { type: 'assignRole', personId: BDM.id, name: BDM.name, role: 'SME' },
      FM,
      BUILD_TIME,
    );
    if (!promoted.ok) throw new Error('promoting the stakeholder was refused');
    expect(apply(promoted.engagement, scenario.action, BDM, BUILD_TIME).ok).toBe(true);
    expect(
      refusalOf(apply(promoted.engagement, SCENARIOS.decideFeature.action, BDM, BUILD_TIME)).kind,
    ).toBe('notAllowed');
  });
});
