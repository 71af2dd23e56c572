/**
 * Path 3: one source for each fact. The number of users cannot be typed down to the registered
 * count without a reason kept in the record; the hand-off takes the MFA approach and count from the
 * engagement (what a form types for them is not kept); CA policies cannot go back below "created"
 * once the block-all policy was removed on the strength of them.
 */
import { apply } from '../../../src/playbook/apply.js';
import {
  BUILD_TIME,
  conversationDelivered,
  expectRefused,
  FE,
  g4Met,
  handoffForm,
  licensed,
  step,
  workshopDelivered,
} from '../builders.js';

describe('path 3: numbers that contradict each other', () => {
  test('lowering the number of users needs a reason, which the record keeps', () => {
    const e = step(licensed(), FE, { type: 'recordMfaRegistration', registered: 1, total: 100 });
    const refusal = expectRefused(
      e,
      FE,
      { type: 'recordMfaRegistration', registered: 1, total: 1 },
      'invalid',
      /^The number of users was 100: say why it is now 1 \(the reason is kept in the record\)\.$/,
    );
    expect(refusal.missing).toEqual([]);
    const lowered = step(e, FE, {
      type: 'recordMfaRegistration',
      registered: 1,
      total: 80,
      reason: '20 shared mailboxes do not sign in',
    });
    expect(lowered.workshop.mfaRegistration).toMatchObject({ registered: 1, total: 80 });
    expect(lowered.workshop.totalLowered).toEqual([
      {
        by: FE.id,
        byName: FE.name,
        at: BUILD_TIME.toISOString(),
        from: 100,
        to: 80,
        reason: '20 shared mailboxes do not sign in',
      },
    ]);
    expect(lowered.history.at(-1)?.summary).toBe(
      'recorded 1 of 80 users registered for MFA (users lowered from 100: 20 shared mailboxes do not sign in)',
    );
    // Growing needs no reason.
    expect(
      step(lowered, FE, { type: 'recordMfaRegistration', registered: 1, total: 120 }).workshop
        .totalLowered,
    ).toHaveLength(1);
  });

  test('the hand-off keeps the engagement’s MFA numbers, not typed ones (999 against 1 of 1)', () => {
    let e = step(licensed(), FE, { type: 'recordMfaRegistration', registered: 1, total: 1 });
    e = workshopDelivered(conversationDelivered(e));
    const outcome = apply(
      e,
      {
        type: 'submitHandoff',
        form: handoffForm({ mfaRegistered: 999, mfaApproach: 'securityDefaults' }),
      },
      FE,
      BUILD_TIME,
    );
    expect(outcome.ok).toBe(true);
    const revision = outcome.ok ? outcome.engagement.handoff[0] : undefined;
    expect(revision).not.toHaveProperty('mfaRegistered');
    expect(revision).not.toHaveProperty('mfaApproach');
    expect(revision?.known).toMatchObject({
      mfaRegistration: { registered: 1, total: 1 },
      mfaApproach: 'caPolicy',
      path: 'ca',
    });
  });

  test('a CA policy cannot be set back to "none" after the block-all policy was removed', () => {
    const removed = step(g4Met(), FE, { type: 'removeBlockAll' });
    for (const policy of ['mfaAllUsers', 'blockLegacy'] as const) {
      const title =
        policy === 'mfaAllUsers' ? 'Require MFA for all users' : 'Block legacy authentication';
      for (const state of ['none', 'planned'] as const)
        expectRefused(
          removed,
          FE,
          { type: 'recordCaPolicy', policy, state },
          'invalid',
          new RegExp(
            `^"${title}" stays created: the block-all Conditional Access policy was removed on the strength of it \\(gate G4\\)\\.$`,
          ),
        );
    }
    // Before the removal the FE may still correct a state.
    expect(
      step(g4Met(), FE, { type: 'recordCaPolicy', policy: 'blockLegacy', state: 'planned' })
        .workshop.caPolicies.blockLegacy?.state,
    ).toBe('planned');
  });
});
