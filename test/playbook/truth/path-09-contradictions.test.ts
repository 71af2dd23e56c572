/**
 * Path 9: records that contradict each other do not pass G5 (and the cards show them): a feature
 * "not planned" while its policy exists, a planned target date that has passed by the time of G5.
 */
import { apply } from '../../../src/playbook/apply.js';
import {
  at,
  BDM,
  exactly,
  expectRefused,
  FE,
  FM,
  readyToMoveOn,
  refusalOf,
  step,
} from '../builders.js';

const MOVE_ON = { type: 'moveToNextPhase' as const, phases: ['Conduct Security Workshops'] };
const G5 = exactly('Gate G5: the engagement cannot move on to the next phase yet.');

describe('path 9: contradictory records pass G5', () => {
  test('"MFA for all users: not planned" with the CA policy "Require MFA for all users" created', () => {
    let e = step(readyToMoveOn(), FE, {
      type: 'recordCaPolicy',
      policy: 'mfaAllUsers',
      state: 'created',
    });
    e = step(e, BDM, {
      type: 'decideFeature',
      feature: 'mfaAllUsers',
      choice: 'notPlanned',
      reason: 'Users resist MFA',
    });
    expect(expectRefused(e, FM, MOVE_ON, 'gate', G5).missing).toEqual([
      '"MFA for all users" is not planned, yet the Conditional Access policy "Require MFA for all users" is created',
    ]);
  });

  test('a planned target date that lies in the past by the time of G5', () => {
    const e = step(readyToMoveOn(), BDM, {
      type: 'decideFeature',
      feature: 'deviceManagement',
      choice: 'planned',
      targetDate: '2025-03-10',
      timeZone: 'Europe/Paris',
    });
    const later = new Date('2025-03-11T09:00:00Z');
    const refusal = refusalOf(apply(e, MOVE_ON, FM, later));
    expect(refusal.message).toMatch(G5);
    expect(refusal.missing).toEqual([
      'the target date of "Device management" (10 Mar 2025) has passed: decide it again',
    ]);
    expect(apply(e, MOVE_ON, FM, at(60)).ok).toBe(true);
  });

  test('"Conditional Access policies: not planned" while 4.5/4.6 are Conditional Access policies', () => {
    const e = step(readyToMoveOn(), BDM, {
      type: 'decideFeature',
      feature: 'conditionalAccess',
      choice: 'notPlanned',
      reason: 'Too complex',
    });
    expect(expectRefused(e, FM, MOVE_ON, 'gate', G5).missing).toEqual([
      '"Conditional Access policies" is not planned, yet Conditional Access policies are in place (Prepare Identity 4.5/4.6 or the workshop\'s policies)',
    ]);
  });
});
