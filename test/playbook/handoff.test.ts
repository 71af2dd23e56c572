import { BDM, FE, handoffForm, readyToMoveOn, SME, step } from './builders.js';

describe('the hand-off form (task 3721) keeps what was handed off', () => {
  it('stores with each revision what the engagement knew at that moment', () => {
    let e = step(readyToMoveOn(), FE, {
      type: 'recordMfaRegistration',
      registered: 40,
      total: 100,
    });
    e = step(e, SME, { type: 'submitHandoff', form: handoffForm() });
    e = step(e, FE, { type: 'recordMfaRegistration', registered: 100, total: 100 });
    e = step(e, BDM, { type: 'decideFeature', feature: 'saasSso', choice: 'enable' });
    e = step(e, FE, { type: 'submitHandoff', form: handoffForm({ risks: 'None left' }) });

    const [first, second] = e.handoff;
    expect(first.known).toMatchObject({
      customer: e.customer,
      tenantId: e.tenantId,
      authMethod: {
        method: e.identity.authMethod!.method,
        rationale: e.identity.authMethod!.rationale,
      },
      identityReady: { breakGlass: true, blockAllCa: true, mfaAdmins: true, syncReady: true },
      mfaRegistration: { registered: 40, total: 100 },
      decisions: { saasSso: { choice: 'notPlanned', reason: 'No SaaS apps in use' } },
    });
    expect(second.known.mfaRegistration).toEqual({ registered: 100, total: 100 });
    expect(second.known.decisions.saasSso).toEqual({ choice: 'enable' });
    expect([first.byName, second.byName]).toEqual([SME.name, FE.name]);
  });
});
