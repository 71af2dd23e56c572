/**
 * Path 7: a new authentication method after Microsoft Entra Connect Sync was configured for the
 * old one (4.3) reopens what depends on it (4.3 and task 1141 readiness), says so, and keeps the
 * earlier decision in the record. Before 4.3 the method changes freely, still kept.
 */
import { at, BDM, expectRefused, FE, g4Met, identityThrough, licensed, step } from '../builders.js';

const pta = {
  type: 'finalizeAuthMethod' as const,
  method: 'pta' as const,
  rationale: 'Passwords must stay on-premises',
  decidedBy: BDM.name,
};
const AAD_CONNECT =
  'Microsoft Entra Connect Sync (AAD Connect) configured, identities not synchronized (Prepare Identity 4.3)';

describe('path 7: the authentication method changes under what is built on it', () => {
  test('after 4.3, G3 and sync ready, a new method reopens 4.3 and task 1141 readiness, and says so', () => {
    const before = step(identityThrough('mfaAdmins'), FE, { type: 'markSyncReady' }, at(100));
    const old = before.identity.authMethod;
    const e = step(before, FE, pta, at(200));
    expect(e.history.at(-1)?.summary).toBe(
      `changed the authentication method to Pass-through authentication (task 3736); reopened: ${AAD_CONNECT}; identity synchronization (task 1141) ready`,
    );
    expect(e.identity.steps.aadConnect).toBeUndefined();
    expect(e.identity.syncReady).toBeUndefined();
    expect(e.identity.authMethod).toMatchObject({ method: 'pta', at: at(200).toISOString() });
    expect(e.identity.authMethodHistory).toEqual([old]);
    expect(e.superseded).toEqual([
      {
        by: FE.id,
        byName: FE.name,
        at: at(200).toISOString(),
        reason:
          'the authentication method changed from Password hash synchronization to Pass-through authentication',
        items: [
          {
            what: AAD_CONNECT,
            was: before.identity.steps.aadConnect && {
              by: FE.id,
              byName: FE.name,
              at: before.identity.steps.aadConnect.at,
            },
            detail: 'configured for Password hash synchronization',
          },
          {
            what: 'identity synchronization (task 1141) ready',
            was: { by: FE.id, byName: FE.name, at: at(100).toISOString() },
          },
        ],
      },
    ]);
    // Synchronization is ready again once 4.3 is configured for the new method.
    expectRefused(e, FE, { type: 'markSyncReady' }, 'gate', /Gate G3/);
    const again = step(e, FE, {
      type: 'completeIdentityStep',
      step: 'aadConnect',
      note: 'PTA agents',
    });
    expect(step(again, FE, { type: 'markSyncReady' }).identity.syncReady).toBeDefined();
  });

  test('before 4.3 the method changes freely; the earlier decision is still kept', () => {
    const before = identityThrough('authMethod');
    const e = step(before, FE, pta);
    expect(e.superseded).toEqual([]);
    expect(e.identity.authMethodHistory).toEqual([before.identity.authMethod]);
    expect(e.history.at(-1)?.summary).toBe(
      'changed the authentication method to Pass-through authentication (task 3736)',
    );
  });

  test('the same method with a new rationale reopens nothing', () => {
    const before = identityThrough('mfaAdmins');
    const e = step(before, FE, { ...pta, method: 'phs', rationale: 'Leaked credential detection' });
    expect(e.identity.steps.aadConnect).toBeDefined();
    expect(e.history.at(-1)?.summary).toBe(
      'revised the rationale of the authentication method Password hash synchronization (task 3736)',
    );
  });

  test('the block-all removal stands: G4 rests on the CA policies and MFA registration, not the method', () => {
    const removed = step(g4Met(), FE, { type: 'removeBlockAll' });
    const e = step(removed, FE, pta);
    expect(e.workshop.blockAllRemoved).toEqual(removed.workshop.blockAllRemoved);
    // Synchronization can be ready again for the new method: the policy went under G4 after it was.
    const again = step(e, FE, { type: 'completeIdentityStep', step: 'aadConnect', note: '' });
    expect(step(again, FE, { type: 'markSyncReady' }).identity.syncReady).toBeDefined();
  });

  test('from cloud-only to a synchronized method after the block-all policy went, 4.5 and the removal reopen', () => {
    let e = step(licensed(), FE, { type: 'completeIdentityStep', step: 'forests', note: '' });
    e = step(e, FE, { ...pta, method: 'cloudOnly', rationale: 'No on-premises directory' });
    for (const id of ['breakGlass', 'blockAllCa', 'mfaAdmins'] as const)
      e = step(e, FE, { type: 'completeIdentityStep', step: id, note: '' });
    e = step(e, FE, { type: 'recordCaPolicy', policy: 'mfaAllUsers', state: 'created' });
    e = step(e, FE, { type: 'recordCaPolicy', policy: 'blockLegacy', state: 'created' });
    e = step(e, FE, { type: 'recordMfaRegistration', registered: 40, total: 40 });
    e = step(e, FE, { type: 'removeBlockAll' });
    expect(e.workshop.blockAllRemoved?.syncWasReady).toBe(false);
    const hybrid = step(e, FE, pta);
    expect(hybrid.identity.steps.blockAllCa).toBeUndefined();
    expect(hybrid.workshop.blockAllRemoved).toBeUndefined();
    expect(hybrid.history.at(-1)?.summary).toBe(
      'changed the authentication method to Pass-through authentication (task 3736); reopened: Conditional Access policy blocking all access, break-glass accounts excluded (Prepare Identity 4.5); the block-all Conditional Access policy removed',
    );
  });
});
