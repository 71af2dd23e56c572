/**
 * Path 4: licences decide the path. With Office 365 E3 only (no Entra ID P1) the engagement takes
 * the security-defaults path: 4.5/4.6 take their security-defaults form, G4 does not apply, and
 * Conditional Access choices are refused naming the missing licence and what includes it. With
 * Entra ID P1 the same choices are taken (the CA path). Recording licences that flip the path
 * reopens what depended on it and keeps what was done.
 */
import { apply } from '../../../src/playbook/apply.js';
import type { Action } from '../../../src/playbook/actions.js';
import {
  BDM,
  BUILD_TIME,
  conversationDelivered,
  expectRefused,
  FE,
  FM,
  g4Met,
  handoffForm,
  identityThrough,
  kickedOff,
  licensed,
  licensedWithoutP1,
  step,
} from '../builders.js';

const CA_NEEDS_P1 =
  /^Conditional Access needs Microsoft Entra ID P1 \(included in Microsoft 365 E3, Microsoft 365 E5, Microsoft 365 F3, Microsoft 365 Business Premium, Enterprise Mobility \+ Security E3, Enterprise Mobility \+ Security E5, Microsoft Entra ID P1 \(Azure AD Premium P1\), standalone or Microsoft Entra ID P2 \(Azure AD Premium P2\), standalone\)\. The customer's licences take the security-defaults path/;

const sdIdentity = () => identityThrough('mfaAdmins', licensedWithoutP1());

describe('path 4: licence contradictions (Office 365 E3 only)', () => {
  test('with Microsoft 365 E3 (Entra ID P1) the same Conditional Access choices are taken', () => {
    let e = step(licensed(), FE, {
      type: 'recordCaPolicy',
      policy: 'mfaAllUsers',
      state: 'created',
    });
    e = step(e, BDM, { type: 'decideFeature', feature: 'conditionalAccess', choice: 'enable' });
    expect(e.workshop.caPolicies.mfaAllUsers?.state).toBe('created');
    expect(e.workshop.decisions.conditionalAccess?.choice).toBe('enable');
  });

  test.each<[string, Action]>([
    ['a CA policy "created"', { type: 'recordCaPolicy', policy: 'mfaAllUsers', state: 'created' }],
    ['a CA policy "planned"', { type: 'recordCaPolicy', policy: 'blockLegacy', state: 'planned' }],
  ])('%s is refused, naming Entra ID P1 and what includes it', (_label, action) => {
    const refusal = expectRefused(licensedWithoutP1(), FE, action, 'invalid', CA_NEEDS_P1);
    expect(refusal.message).toMatch(/record the licences again once Entra ID P1 is bought\.$/);
  });

  test.each(['enable', 'planned'] as const)(
    '"Conditional Access policies: %s" is refused the same way',
    (choice) => {
      expectRefused(
        licensedWithoutP1(),
        BDM,
        {
          type: 'decideFeature',
          feature: 'conditionalAccess',
          choice,
          ...(choice === 'planned' ? { targetDate: '2025-09-01' } : {}),
        },
        'invalid',
        CA_NEEDS_P1,
      );
    },
  );

  test('MFA for all users and blocking legacy authentication stay possible: security defaults provide them', () => {
    let e = step(licensedWithoutP1(), BDM, {
      type: 'decideFeature',
      feature: 'mfaAllUsers',
      choice: 'enable',
    });
    e = step(e, BDM, { type: 'decideFeature', feature: 'blockLegacyAuth', choice: 'enable' });
    e = step(e, BDM, {
      type: 'decideFeature',
      feature: 'conditionalAccess',
      choice: 'notPlanned',
      reason: 'No Entra ID P1',
    });
    expect(e.workshop.decisions.mfaAllUsers?.choice).toBe('enable');
  });

  test('4.5 and 4.6 take their security-defaults form', () => {
    const e = sdIdentity();
    expect(e.history.slice(-2).map((h) => h.summary)).toEqual([
      'recorded: Security defaults turned on (no block-all Conditional Access policy without Microsoft Entra ID P1)',
      'recorded: Administrators registered for MFA under security defaults',
    ]);
  });

  test('the block-all removal (G4) does not apply: there is no block-all policy', () => {
    expectRefused(
      sdIdentity(),
      FE,
      { type: 'removeBlockAll' },
      'invalid',
      /^Gate G4 does not apply: on the security-defaults path there is no block-all Conditional Access policy: security defaults stay on\.$/,
    );
  });

  test('synchronization is ready on the security-defaults path with 4.3–4.6 in that form', () => {
    const e = step(sdIdentity(), FE, { type: 'markSyncReady' });
    expect(e.identity.syncReady).toMatchObject({ by: FE.id });
  });

  test('the hand-off says "security defaults": derived from the licences, never typed', () => {
    let e = conversationDelivered(licensedWithoutP1());
    e = step(e, FE, { type: 'deliverWorkshop' });
    const outcome = apply(
      e,
      { type: 'submitHandoff', form: handoffForm({ mfaApproach: 'caPolicy' }) },
      FE,
      BUILD_TIME,
    );
    expect(outcome.ok && outcome.engagement.handoff[0]?.known).toMatchObject({
      path: 'securityDefaults',
      mfaApproach: 'securityDefaults',
      caPolicies: {},
    });
  });

  test('before the licences are recorded, CA choices and 4.5/4.6 wait for them', () => {
    const e = identityThrough('breakGlass', kickedOff());
    const LICENSING = ["the customer's licences and security add-ons, recorded"];
    expect(
      expectRefused(
        e,
        FE,
        { type: 'completeIdentityStep', step: 'blockAllCa', note: '' },
        'gate',
        /^Prepare Identity 4\.5 takes the form of the licences' path \(a Conditional Access policy with Microsoft Entra ID P1, security defaults without it\): the licences come first\.$/,
      ).missing,
    ).toEqual(LICENSING);
    expect(
      expectRefused(
        e,
        FE,
        { type: 'recordCaPolicy', policy: 'mfaAllUsers', state: 'planned' },
        'gate',
        /^Conditional Access policies need Microsoft Entra ID P1: the licences come first\.$/,
      ).missing,
    ).toEqual(LICENSING);
    expectRefused(
      e,
      BDM,
      { type: 'decideFeature', feature: 'conditionalAccess', choice: 'enable' },
      'invalid',
      /^Whether "Conditional Access policies" is included depends on the customer's licences: the FastTrack Manager records them first \(or choose not planned\)\.$/,
    );
  });
});

describe('path 4: licences recorded again flip the path and reopen what depended on it', () => {
  test('CA path to security defaults: 4.5, 4.6, sync readiness, the removal and the CA policies reopened, kept in the record', () => {
    let e = step(g4Met(), FE, { type: 'removeBlockAll' });
    e = step(e, BDM, { type: 'decideFeature', feature: 'conditionalAccess', choice: 'enable' });
    const flipped = step(e, FM, {
      type: 'recordLicensing',
      licences: ['o365e3'],
      addOns: [],
      notes: 'P1 not renewed',
    });
    expect(flipped.identity.steps.blockAllCa).toBeUndefined();
    expect(flipped.identity.steps.mfaAdmins).toBeUndefined();
    expect(flipped.identity.syncReady).toBeUndefined();
    expect(flipped.workshop.blockAllRemoved).toBeUndefined();
    expect(flipped.workshop.caPolicies).toEqual({});
    expect(flipped.workshop.decisions.conditionalAccess).toBeUndefined();
    expect(flipped.identity.steps.breakGlass).toBeDefined();
    const reopened = flipped.superseded.at(-1);
    expect(reopened).toMatchObject({
      by: FM.id,
      reason: 'the licences changed: Security defaults path',
    });
    expect(reopened?.items.map((i) => i.what)).toEqual([
      'Conditional Access policy blocking all access, break-glass accounts excluded (Prepare Identity 4.5)',
      'Conditional Access policy "Require MFA for administrators" (the playbook\'s baseline policy "MFA for admins") (Prepare Identity 4.6)',
      'identity synchronization (task 1141) ready',
      'the block-all Conditional Access policy removed',
      'the Conditional Access policy "Require MFA for all users" (created)',
      'the Conditional Access policy "Block legacy authentication" (created)',
      'the decision on "Conditional Access policies" (enable now)',
    ]);
    expect(reopened?.items.every((i) => i.was.by && i.was.at)).toBe(true);
    expect(flipped.history.at(-1)?.summary).toMatch(
      /^recorded licences: Office 365 E3; Security defaults path; reopened: Conditional Access policy blocking all access/,
    );
  });

  test('the same path again reopens nothing', () => {
    const e = step(identityThrough('mfaAdmins'), FM, {
      type: 'recordLicensing',
      licences: ['m365e5'],
      addOns: [],
      notes: '',
    });
    expect(e.superseded).toEqual([]);
    expect(e.identity.steps.mfaAdmins).toBeDefined();
  });
});
