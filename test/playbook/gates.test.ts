/** Gates G1–G5, each on both sides: refused with what is missing named, and allowed once met. */
import type { ActionType } from '../../src/playbook/actions.js';
import { apply } from '../../src/playbook/apply.js';
import type { Engagement } from '../../src/playbook/engagement.js';
import {
  BDM,
  BUILD_TIME,
  deepFreeze,
  edited,
  FE,
  FM,
  g4Met,
  identityThrough,
  kickedOff,
  readyToMoveOn,
  refusalOf,
  step,
  withPeople,
} from './builders.js';
import { ACTION_TYPES, SCENARIOS } from './scenarios.js';

/** Apply, expect a gate refusal, and check the engagement given was not changed. */
function gateRefusal(e: Engagement, type: ActionType, actor = SCENARIOS[type].by) {
  const frozen = deepFreeze(e);
  const before = structuredClone(frozen);
  const refusal = refusalOf(apply(frozen, SCENARIOS[type].action, actor, BUILD_TIME));
  expect(refusal.kind).toBe('gate');
  expect(frozen).toEqual(before);
  return refusal;
}

describe('G1: nothing starts before the FM confirms the kickoff call', () => {
  const KICKOFF = 'the FastTrack manager confirms the kickoff call is completed';
  // Setting up who is who is not a playbook step (roles, handing the FM role over), and the
  // customer may ask for the engagement to be deleted at any time.
  const ungated = ['confirmKickoff', 'assignRole', 'handOverFm', 'deleteEngagement'];
  const gated = ACTION_TYPES.filter((t) => !ungated.includes(t));

  test('every action but confirming the kickoff, assigning roles, handing over and deleting is gated', () => {
    expect(gated).toHaveLength(21);
  });

  test('the FM can delete the engagement before the kickoff (the customer may ask any time)', () => {
    const e = withPeople();
    expect(
      apply(e, { type: 'deleteEngagement', confirmation: e.customer }, FM, BUILD_TIME).ok,
    ).toBe(true);
  });

  test.each(gated)('%s is refused before the kickoff, naming the kickoff', (type) => {
    const refusal = gateRefusal(withPeople(), type);
    expect(refusal.message).toMatch(/G1/);
    expect(refusal.missing).toEqual([KICKOFF]);
  });

  test.each(gated)('%s is allowed once the kickoff is confirmed', (type) => {
    const e = SCENARIOS[type].state();
    expect(e.kickoff).toMatchObject({ by: FM.id });
    expect(apply(e, SCENARIOS[type].action, SCENARIOS[type].by, BUILD_TIME).ok).toBe(true);
  });

  test('roles can be assigned and the kickoff confirmed before the kickoff', () => {
    const e = withPeople();
    expect(e.kickoff).toBeUndefined();
    expect(Object.keys(e.people)).toHaveLength(5);
    const after = step(e, FM, { type: 'confirmKickoff' });
    expect(after.kickoff).toEqual({ by: FM.id, byName: FM.name, at: BUILD_TIME.toISOString() });
  });
});

describe('G2: the authentication method only after forests and UPN clean-up', () => {
  const FORESTS =
    'Existing forests identified and malformed UPNs cleaned up (IdFix) (Prepare Identity 4.1)';

  test('refused before the forests step, naming it', () => {
    const refusal = gateRefusal(kickedOff(), 'finalizeAuthMethod');
    expect(refusal.message).toMatch(/G2/);
    expect(refusal.missing).toEqual([FORESTS]);
  });

  test('allowed after the forests step, with who decided and why', () => {
    const e = step(identityThrough('forests'), FE, {
      type: 'finalizeAuthMethod',
      method: 'adfs',
      rationale: 'Smart card sign-in required',
      decidedBy: BDM.name,
    });
    expect(e.identity.authMethod).toEqual({
      by: FE.id,
      byName: FE.name,
      at: BUILD_TIME.toISOString(),
      method: 'adfs',
      rationale: 'Smart card sign-in required',
      decidedBy: BDM.name,
    });
  });
});

describe('G3: identity synchronization ready only with 4.4, 4.5 and 4.6', () => {
  const G3_ITEMS = {
    breakGlass: 'Two cloud-only break-glass accounts created (Prepare Identity 4.4)',
    blockAllCa:
      'Conditional Access policy blocking all access, break-glass accounts excluded (Prepare Identity 4.5)',
    mfaAdmins:
      'Conditional Access policy "Require MFA for administrators" (the playbook\'s baseline policy "MFA for admins") (Prepare Identity 4.6)',
  } as const;
  type G3Item = keyof typeof G3_ITEMS;
  const ITEMS = Object.keys(G3_ITEMS) as G3Item[];
  // Every non-empty subset of the three items, as the set that is missing.
  const subsets: G3Item[][] = [1, 2, 3, 4, 5, 6, 7].map((mask) =>
    ITEMS.filter((_, i) => mask & (1 << i)),
  );

  test.each(subsets.map((s) => [s.join(' + '), s] as const))(
    'refused with %s missing',
    (_label, missing) => {
      // Built directly: the steps' order no longer lets `apply` leave, say, 4.4 out but record 4.5.
      const e = edited(identityThrough('mfaAdmins'), (d) => {
        for (const id of missing) delete d.identity.steps[id];
      });
      const refusal = gateRefusal(e, 'markSyncReady');
      expect(refusal.message).toMatch(/G3/);
      expect(refusal.missing).toEqual(missing.map((id) => G3_ITEMS[id]));
      for (const met of ITEMS.filter((id) => !missing.includes(id))) {
        expect(refusal.missing).not.toContain(G3_ITEMS[met]);
      }
    },
  );

  test('refused at each point of Prepare Identity before 4.6, naming what is left', () => {
    expect(gateRefusal(identityThrough('aadConnect'), 'markSyncReady').missing).toEqual(
      Object.values(G3_ITEMS),
    );
    expect(gateRefusal(identityThrough('breakGlass'), 'markSyncReady').missing).toEqual([
      G3_ITEMS.blockAllCa,
      G3_ITEMS.mfaAdmins,
    ]);
    expect(gateRefusal(identityThrough('blockAllCa'), 'markSyncReady').missing).toEqual([
      G3_ITEMS.mfaAdmins,
    ]);
  });

  test('allowed with all three, recorded as task 1141 ready', () => {
    const e = step(identityThrough('mfaAdmins'), FE, { type: 'markSyncReady' });
    expect(e.identity.syncReady).toEqual({
      by: FE.id,
      byName: FE.name,
      at: BUILD_TIME.toISOString(),
    });
  });
});

describe('G4: the block-all policy goes only after the CA policies and full MFA registration', () => {
  const MFA_POLICY = 'a Conditional Access policy requiring MFA for all users, created';
  const LEGACY_POLICY = 'a Conditional Access policy blocking legacy authentication, created';
  const REGISTRATION = 'the number of users registered for MFA, recorded';
  const SYNC = 'identity synchronization (task 1141) marked ready, under gate G3';
  const blockAllInPlace = () => identityThrough('mfaAdmins');

  test('refused with nothing recorded, naming all three', () => {
    const refusal = gateRefusal(blockAllInPlace(), 'removeBlockAll');
    expect(refusal.message).toMatch(/G4/);
    expect(refusal.missing).toEqual([SYNC, MFA_POLICY, LEGACY_POLICY, REGISTRATION]);
  });

  test('refused without the MFA-for-all-users policy', () => {
    const e = step(g4Met(), FE, {
      type: 'recordCaPolicy',
      policy: 'mfaAllUsers',
      state: 'planned',
    });
    expect(gateRefusal(e, 'removeBlockAll').missing).toEqual([MFA_POLICY]);
  });

  test('refused without the block-legacy-authentication policy', () => {
    const e = edited(g4Met(), (d) => delete d.workshop.caPolicies.blockLegacy);
    expect(gateRefusal(e, 'removeBlockAll').missing).toEqual([LEGACY_POLICY]);
  });

  test('refused while registration is incomplete (90 of 100)', () => {
    const e = step(g4Met(), FE, { type: 'recordMfaRegistration', registered: 90, total: 100 });
    expect(gateRefusal(e, 'removeBlockAll').missing).toEqual([
      'all users registered for MFA (10 of 100 not yet)',
    ]);
  });

  test('the policy for administrators (4.6) does not stand in for the required two', () => {
    let e = step(blockAllInPlace(), FE, { type: 'markSyncReady' });
    e = step(e, FE, { type: 'recordMfaRegistration', registered: 100, total: 100 });
    expect(e.identity.steps.mfaAdmins).toBeDefined();
    expect(gateRefusal(e, 'removeBlockAll').missing).toEqual([MFA_POLICY, LEGACY_POLICY]);
  });

  test('allowed once both policies exist and 100 of 100 registered', () => {
    const e = step(g4Met(), FE, { type: 'removeBlockAll' });
    expect(e.workshop.blockAllRemoved).toEqual({
      by: FE.id,
      byName: FE.name,
      at: BUILD_TIME.toISOString(),
      syncWasReady: true,
    });
  });
});

describe('G5: moving on needs 4017, 3736, 3720 and complete key outputs', () => {
  const FEATURE_TITLES = {
    mfaAllUsers: 'MFA for all users',
    conditionalAccess: 'Conditional Access policies',
    blockLegacyAuth: 'Block legacy authentication',
    saasSso:
      'SSO and provisioning for non-Microsoft SaaS apps in the Microsoft Entra app gallery (Azure AD gallery)',
    deviceManagement: 'Device management',
    mobileAppManagement: 'Mobile app management',
  } as const;
  type Feature = keyof typeof FEATURE_TITLES;

  const tasks: [string, (d: Engagement) => void, string][] = [
    [
      '4017',
      (d) => delete d.conversation.delivered,
      'task 4017: the M365 Security Conversation delivered',
    ],
    ['3736', (d) => delete d.identity.authMethod, 'task 3736: the authentication method chosen'],
    [
      '3720',
      (d) => delete d.workshop.delivered,
      'task 3720: the Identity and Device Security workshop delivered',
    ],
  ];

  test.each(tasks)('refused without task %s, naming it', (_id, undo, expected) => {
    const refusal = gateRefusal(edited(readyToMoveOn(), undo), 'moveToNextPhase');
    expect(refusal.message).toMatch(/G5/);
    expect(refusal.missing).toEqual([expected]);
  });

  test.each(Object.keys(FEATURE_TITLES) as Feature[])(
    'refused without a decision on %s, naming it',
    (feature) => {
      const e = edited(readyToMoveOn(), (d) => delete d.workshop.decisions[feature]);
      expect(gateRefusal(e, 'moveToNextPhase').missing).toEqual([
        `a decision on "${FEATURE_TITLES[feature]}"`,
      ]);
    },
  );

  test('refused for everything at once on a fresh engagement', () => {
    const missing = gateRefusal(kickedOff(), 'moveToNextPhase').missing;
    expect(missing).toEqual([
      ...tasks.map(([, , text]) => text),
      'the agenda topic "The importance of security" acknowledged by a stakeholder',
      'the agenda topic "Why a security baseline should be established" acknowledged by a stakeholder',
      'the agenda topic "Why productivity and collaboration workloads should deploy securely" acknowledged by a stakeholder',
      ...Object.values(FEATURE_TITLES).map((title) => `a decision on "${title}"`),
    ]);
  });

  test('a "not planned" without its reason cannot be recorded, and the gate names one found in old data', () => {
    const refusal = refusalOf(
      apply(
        readyToMoveOn(),
        { type: 'decideFeature', feature: 'deviceManagement', choice: 'notPlanned', reason: '  ' },
        BDM,
        BUILD_TIME,
      ),
    );
    expect(refusal.kind).toBe('invalid');
    expect(refusal.message).toContain('Device management');
    const e = edited(readyToMoveOn(), (d) => delete d.workshop.decisions.deviceManagement?.reason);
    expect(gateRefusal(e, 'moveToNextPhase').missing).toEqual([
      'the reason "Device management" is not planned',
    ]);
  });

  test('allowed once all is done; the engagement is then closed to playbook steps', () => {
    const e = step(readyToMoveOn(), FM, {
      type: 'moveToNextPhase',
      phases: ['Conduct Technical Assessment', 'Conduct Security Workshops'],
    });
    expect(e.movedOn).toEqual({
      by: FM.id,
      byName: FM.name,
      at: BUILD_TIME.toISOString(),
      phases: ['Conduct Technical Assessment', 'Conduct Security Workshops'],
    });
    const late = refusalOf(apply(e, { type: 'deliverWorkshop' }, FE, BUILD_TIME));
    expect(late.kind).toBe('invalid');
    expect(late.message).toMatch(/moved on/);
  });
});
