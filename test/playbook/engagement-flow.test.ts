/**
 * One whole engagement, applied purely from startEngagement to moveToNextPhase, then the key
 * outputs, the task status and the blockers computed from it. Every engagement handed to `apply`
 * is deep-frozen first, so any change to an input would throw.
 */
import type { Action } from '../../src/playbook/actions.js';
import { blockers, keyOutputs, taskStatus } from '../../src/playbook/outputs.js';
import { BDM, FE, FM, handoffForm, SEC, SME, started, T0 } from './builders.js';
import {
  act,
  decide,
  flowFrom,
  identityStep,
  nowOf,
  refused,
  stakeholder,
  stampOf,
  waitUntil,
} from './flow.js';

describe('a whole Deploy Securely engagement', () => {
  const flow = flowFrom(started(T0));

  test('start, roles and kickoff', () => {
    expect(flow.e.people[FM.id]).toMatchObject({ role: 'FM', name: FM.name });
    expect(flow.e.history).toEqual([
      {
        by: FM.id,
        byName: FM.name,
        at: T0.toISOString(),
        action: 'start',
        summary: 'started the engagement with Contoso Ltd',
      },
    ]);
    act(flow, FM, { type: 'assignRole', personId: FE.id, name: FE.name, role: 'FE' });
    act(flow, FM, { type: 'assignRole', personId: SME.id, name: SME.name, role: 'SME' });
    act(flow, FM, stakeholder(BDM, 'BDM'));
    act(flow, FM, stakeholder(SEC, 'Security Architect'));
    expect(
      refused(flow, FM, { type: 'recordLicensing', licences: ['m365e3'], addOns: [], notes: '' })
        .kind,
    ).toBe('gate');
    act(flow, FM, { type: 'confirmKickoff' });
    expect(flow.e.people[BDM.id]).toMatchObject({ role: 'stakeholder', title: 'BDM' });
    expect(flow.e.people[SEC.id]).toMatchObject({
      role: 'stakeholder',
      title: 'Security Architect',
    });
  });

  test('licensing and the M365 Security Conversation (task 4017)', () => {
    act(flow, FM, {
      type: 'recordLicensing',
      licences: ['m365e3', 'emse3'],
      addOns: ['defenderIdentity'],
      notes: 'EA',
    });
    act(flow, FM, {
      type: 'scheduleConversation',
      startsAt: '2025-03-05T14:00:00Z',
      invited: [BDM.id, SEC.id],
    });
    act(flow, BDM, {
      type: 'acknowledgeAgenda',
      topics: ['importance', 'baseline', 'deploySecurely'],
      question: '',
    });
    act(flow, SEC, {
      type: 'acknowledgeAgenda',
      topics: ['baseline'],
      question: 'Do we need P2 for risk policies?',
    });
    act(flow, BDM, {
      type: 'selfAssess',
      levels: { identity: 'basic', device: 'new', information: 'basic' },
    });
    act(flow, SEC, {
      type: 'selfAssess',
      levels: { identity: 'advanced', device: 'working', information: 'working' },
    });
    expect(refused(flow, FM, { type: 'deliverConversation' }).missing).toEqual([
      'the scheduled start of the conversation, passed',
    ]);
    waitUntil(flow, new Date('2025-03-05T15:00:00Z'));
    act(flow, FM, { type: 'deliverConversation', attended: [FM.id, BDM.id, SEC.id] });
    const c = flow.e.conversation;
    expect(c.scheduledFor).toBe('2025-03-05T14:00:00.000Z');
    expect(Object.keys(c.acknowledgements).sort()).toEqual([BDM.id, SEC.id].sort());
    expect(c.acknowledgements[SEC.id]?.topics).toEqual(['baseline']);
    expect(c.questions).toEqual([
      {
        by: SEC.id,
        byName: SEC.name,
        at: flow.when.acknowledgeAgenda?.at,
        text: 'Do we need P2 for risk policies?',
      },
    ]);
    expect(c.selfAssessments[SEC.id]?.levels.identity).toBe('advanced');
    expect(c.delivered).toMatchObject({ by: FM.id });
    expect(c.invited).toEqual([BDM.id, SEC.id]);
    expect(c.attended).toEqual([FM.id, BDM.id, SEC.id]);
  });

  test('Prepare Identity in order, with G2 and G3', () => {
    const auth: Action = {
      type: 'finalizeAuthMethod',
      method: 'phs',
      rationale: 'Cloud sign-in survives on-premises outages',
      decidedBy: SEC.name,
    };
    expect(refused(flow, FE, auth).missing).toEqual([
      'Existing forests identified and malformed UPNs cleaned up (IdFix) (Prepare Identity 4.1)',
    ]);
    act(flow, FE, identityStep('forests', 'One forest; IdFix fixed 37 UPNs'));
    act(flow, BDM, { type: 'statePreference', method: 'phs', comment: 'Simplest' });
    act(flow, SEC, { type: 'statePreference', method: 'pta', comment: 'Hashes stay on-premises' });
    act(flow, FE, auth);
    act(flow, FE, identityStep('aadConnect', 'Staging mode'));
    act(flow, FE, identityStep('breakGlass'));
    act(flow, FE, identityStep('blockAllCa'));
    expect(refused(flow, FE, { type: 'markSyncReady' }).missing).toEqual([
      'Conditional Access policy "Require MFA for administrators" (the playbook\'s baseline policy "MFA for admins") (Prepare Identity 4.6)',
    ]);
    act(flow, FE, identityStep('mfaAdmins'));
    act(flow, FE, { type: 'markSyncReady' });
    expect(Object.keys(flow.e.identity.preferences)).toHaveLength(2);
    expect(flow.e.identity.authMethod).toMatchObject({
      method: 'phs',
      decidedBy: SEC.name,
      by: FE.id,
    });
    expect(
      refused(flow, BDM, { type: 'statePreference', method: 'adfs', comment: '' }).message,
    ).toMatch(/already finalized/);
  });

  test('workshop decisions, CA policies, MFA registration and G4', () => {
    act(flow, BDM, decide('mfaAllUsers', 'enable'));
    act(flow, SEC, decide('conditionalAccess', 'enable'));
    act(flow, SEC, decide('blockLegacyAuth', 'enable'));
    act(flow, BDM, decide('deviceManagement', 'planned', { targetDate: '2025-09-01' }));
    act(flow, BDM, decide('saasSso', 'notPlanned', { reason: 'No gallery apps in use' }));
    act(
      flow,
      SEC,
      decide('mobileAppManagement', 'notPlanned', { reason: 'No corporate data on phones' }),
    );
    act(flow, FE, { type: 'recordCaPolicy', policy: 'mfaAllUsers', state: 'created' });
    act(flow, FE, { type: 'recordCaPolicy', policy: 'blockLegacy', state: 'created' });
    act(flow, FE, { type: 'recordMfaRegistration', registered: 90, total: 100 });
    expect(refused(flow, FE, { type: 'removeBlockAll' }).missing).toEqual([
      'all users registered for MFA (10 of 100 not yet)',
    ]);
    act(flow, FE, { type: 'recordMfaRegistration', registered: 100, total: 100 });
    act(flow, FE, { type: 'removeBlockAll' });
    act(flow, FE, { type: 'deliverWorkshop' });
    expect(flow.e.workshop.blockAllRemoved).toMatchObject({
      by: FE.id,
      at: flow.when.removeBlockAll?.at,
    });
  });

  test('hand-off submitted and revised, both revisions kept', () => {
    act(flow, FE, { type: 'submitHandoff', form: handoffForm() });
    const first = flow.when.submitHandoff;
    act(flow, SME, { type: 'submitHandoff', form: handoffForm({ notes: 'All registered' }) });
    const second = flow.when.submitHandoff;
    expect(flow.e.handoff).toHaveLength(2);
    // The MFA approach and registration are the engagement's, not typed on the form.
    expect(flow.e.handoff[0]).toMatchObject({
      revision: 1,
      by: FE.id,
      at: first?.at,
      known: {
        path: 'ca',
        mfaApproach: 'caPolicy',
        mfaRegistration: { registered: 100, total: 100 },
        caPolicies: { mfaAllUsers: 'created', blockLegacy: 'created', admins: 'created' },
      },
    });
    expect(flow.e.handoff[0]).not.toHaveProperty('mfaRegistered');
    expect(flow.e.handoff[1]).toMatchObject({
      revision: 2,
      by: SME.id,
      at: second?.at,
      notes: 'All registered',
    });
    expect(flow.e.history.at(-1)?.summary).toBe(
      'revised the hand-off form (task 3721, revision 2)',
    );
  });

  test('follow-up scheduled, nothing blocks, then the engagement moves on', () => {
    act(flow, FM, {
      type: 'scheduleFollowUp',
      kind: 'securityWorkshop',
      startsAt: '2025-04-01T13:00:00Z',
      timeZone: 'Europe/Paris',
      attendees: [FM.id, FE.id, SEC.id],
      agenda: 'Close the gaps',
      leadMinutes: 60,
    });
    expect(flow.e.followUps[0]).toMatchObject({
      id: 'fu-1',
      startsAt: '2025-04-01T13:00:00.000Z',
      reminder: { dueAt: '2025-04-01T12:00:00.000Z', state: 'pending' },
    });
    expect(flow.e.nextReminderAt).toBe('2025-04-01T12:00:00.000Z');
    expect(blockers(flow.e, nowOf(flow))).toEqual([]);
    expect(keyOutputs(flow.e, nowOf(flow)).complete).toBe(true);
    expect(
      refused(flow, FM, { type: 'moveToNextPhase', phases: ['Conduct Services Workshops'] })
        .message,
    ).toMatch(/The hand-off recommends Conduct Security Workshops/);
    act(flow, FM, { type: 'moveToNextPhase', phases: ['Conduct Security Workshops'] });
    expect(flow.e.movedOn).toEqual({
      ...stampOf(flow, 'moveToNextPhase'),
      phases: ['Conduct Security Workshops'],
    });
    expect(flow.e.movedOn?.by).toBe(FM.id);
  });

  test('the key outputs', () => {
    const out = keyOutputs(flow.e, nowOf(flow));
    expect(out.authMethod).toEqual({
      title: 'Password hash synchronization',
      rationale: 'Cloud sign-in survives on-premises outages',
      decidedBy: SEC.name,
      recordedBy: FE.name,
      at: flow.when.finalizeAuthMethod?.at,
    });
    expect(out.notPlanned.map((f) => [f.id, f.reason, f.decidedBy])).toEqual([
      ['saasSso', 'No gallery apps in use', BDM.name],
      ['mobileAppManagement', 'No corporate data on phones', SEC.name],
    ]);
    expect(out.enabled.map((f) => f.id)).toEqual([
      'mfaAllUsers',
      'conditionalAccess',
      'blockLegacyAuth',
    ]);
    expect(out.planned).toEqual([
      {
        id: 'deviceManagement',
        title: 'Device management',
        choice: 'planned',
        targetDate: '2025-09-01',
        decidedBy: BDM.name,
        availability: {
          state: 'included',
          text: "Included in the customer's licences (Microsoft Intune)",
        },
      },
    ]);
    expect(out.undecided).toEqual([]);
    expect(out).toMatchObject({
      customer: 'Contoso Ltd',
      stakeholders: 2,
      stakeholdersAcknowledged: 2,
      complete: true,
      missing: [],
    });
  });

  test('every task done, with who and when; no blockers', () => {
    expect(taskStatus(flow.e).map((t) => [t.id, t.done])).toEqual([
      ['4017', stampOf(flow, 'deliverConversation')],
      ['3736', stampOf(flow, 'finalizeAuthMethod')],
      ['3720', stampOf(flow, 'deliverWorkshop')],
      ['3721', stampOf(flow, 'submitHandoff')],
      ['1141', stampOf(flow, 'markSyncReady')],
    ]);
    expect(
      taskStatus(flow.e)
        .filter((t) => t.phase === 'Enable')
        .map((t) => t.id),
    ).toEqual(['1141']);
    expect(blockers(flow.e, nowOf(flow))).toEqual([]);
  });

  test('the history holds every step, in order, with who, when and what', () => {
    const { history } = flow.e;
    expect(history).toHaveLength(1 + flow.e.appliedActivityIds.length);
    expect(history.map((h) => h.at)).toEqual([...history.map((h) => h.at)].sort());
    expect(history.every((h) => h.by && h.byName && h.at && h.action && h.summary)).toBe(true);
    expect(
      history.find(
        (h) => h.action === 'decideFeature' && h.by === BDM.id && h.summary.includes('SSO'),
      )?.summary,
    ).toBe(
      'decided "SSO and provisioning for non-Microsoft SaaS apps in the Microsoft Entra app gallery (Azure AD gallery)": Not planned: No gallery apps in use',
    );
    expect(flow.e.updatedAt).toBe(history.at(-1)?.at);
  });
});
