/** Every answer kept with who, when and what; a redelivered activity changes nothing twice. */
import type { Action } from '../../src/playbook/actions.js';
import { apply } from '../../src/playbook/apply.js';
import {
  applied,
  BUILD_TIME,
  BDM,
  deepFreeze,
  FE,
  FM,
  kickedOff,
  refusalOf,
  step,
} from './builders.js';

describe('a redelivered activity', () => {
  const action: Action = { type: 'recordMfaRegistration', registered: 50, total: 100 };

  test('is applied once: the second time it is a duplicate and changes nothing', () => {
    const first = applied(kickedOff(), FE, action, BUILD_TIME, 'activity-1');
    expect(first.duplicate).toBe(false);
    expect(first.engagement.appliedActivityIds).toEqual(['activity-1']);
    const again = deepFreeze(first.engagement);
    const before = structuredClone(again);
    const later = new Date(BUILD_TIME.getTime() + 15_000);
    const outcome = applied(again, FE, { ...action, registered: 60 }, later, 'activity-1');
    expect(outcome).toMatchObject({ duplicate: true, summary: 'already recorded' });
    expect(outcome.engagement).toBe(again);
    expect(outcome.engagement).toEqual(before);
    expect(outcome.engagement.workshop.mfaRegistration?.registered).toBe(50);
  });

  test('another activity with the same content is applied again', () => {
    const first = applied(kickedOff(), FE, action, BUILD_TIME, 'activity-1');
    const second = applied(first.engagement, FE, action, BUILD_TIME, 'activity-2');
    expect(second.duplicate).toBe(false);
    expect(second.engagement.appliedActivityIds).toEqual(['activity-1', 'activity-2']);
    expect(second.engagement.history).toHaveLength(first.engagement.history.length + 1);
  });

  test('a refused activity is not remembered, so it can be retried once fixed', () => {
    const e = deepFreeze(kickedOff());
    const bad: Action = { type: 'recordLicensing', licences: [], addOns: [], notes: '' };
    refusalOf(apply(e, bad, FM, BUILD_TIME, 'activity-2'));
    const fixed = applied(e, FM, { ...bad, licences: ['m365bp'] }, BUILD_TIME, 'activity-2');
    expect(fixed.duplicate).toBe(false);
    expect(fixed.engagement.licensing?.licences).toEqual(['m365bp']);
  });
});

describe('the history', () => {
  test('records who, when and what for each applied action', () => {
    const when = new Date('2025-03-04T10:30:00.000Z');
    const e = step(
      kickedOff(),
      BDM,
      {
        type: 'decideFeature',
        feature: 'deviceManagement',
        choice: 'notPlanned',
        reason: 'Intune next year',
      },
      when,
    );
    expect(e.history.at(-1)).toEqual({
      by: BDM.id,
      byName: BDM.name,
      at: '2025-03-04T10:30:00.000Z',
      action: 'decideFeature',
      summary: 'decided "Device management": Not planned: Intune next year',
    });
    expect(e.workshop.decisions.deviceManagement).toEqual({
      by: BDM.id,
      byName: BDM.name,
      at: '2025-03-04T10:30:00.000Z',
      choice: 'notPlanned',
      reason: 'Intune next year',
    });
    expect(e.updatedAt).toBe('2025-03-04T10:30:00.000Z');
  });

  test('a later decision replaces the earlier one, and both stay in the history', () => {
    let e = step(kickedOff(), BDM, {
      type: 'decideFeature',
      feature: 'saasSso',
      choice: 'notPlanned',
      reason: 'None',
    });
    e = step(e, BDM, { type: 'decideFeature', feature: 'saasSso', choice: 'enable' });
    expect(e.workshop.decisions.saasSso).toEqual({
      by: BDM.id,
      byName: BDM.name,
      at: BUILD_TIME.toISOString(),
      choice: 'enable',
    });
    expect(e.history.filter((h) => h.action === 'decideFeature').map((h) => h.summary)).toEqual([
      'decided "SSO and provisioning for non-Microsoft SaaS apps in the Microsoft Entra app gallery (Azure AD gallery)": Not planned: None',
      'decided "SSO and provisioning for non-Microsoft SaaS apps in the Microsoft Entra app gallery (Azure AD gallery)": Enable now',
    ]);
  });

  test('a refused action adds nothing to it', () => {
    const e = deepFreeze(kickedOff());
    expect(apply(e, { type: 'removeBlockAll' }, FE, BUILD_TIME).ok).toBe(false);
    expect(apply(e, { type: 'deliverWorkshop' }, FE, BUILD_TIME).ok).toBe(false);
    const next = step(e, FE, { type: 'completeIdentityStep', step: 'forests', note: '' });
    expect(next.history.map((h) => h.action)).toEqual([
      'start',
      'assignRole',
      'assignRole',
      'assignRole',
      'assignRole',
      'confirmKickoff',
      'completeIdentityStep',
    ]);
  });
});
