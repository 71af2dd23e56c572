/**
 * Path 2: the block-all policy is removed only after task 1141 is ready (G4 requires G3 met and
 * synchronization marked ready), when synchronized users can have registered for MFA.
 */
import { BUILD_TIME, expectRefused, FE, identityThrough, step } from '../builders.js';

/** 4.1–4.6 done, both CA policies created, 1 of 1 registered: all G4 asks for but synchronization. */
function allButSync() {
  let e = identityThrough('mfaAdmins');
  e = step(e, FE, { type: 'recordCaPolicy', policy: 'mfaAllUsers', state: 'created' });
  e = step(e, FE, { type: 'recordCaPolicy', policy: 'blockLegacy', state: 'created' });
  return step(e, FE, { type: 'recordMfaRegistration', registered: 1, total: 1 });
}

describe('path 2: G4 before synchronization', () => {
  test('with everything else met, the removal waits for task 1141 and is allowed once it is ready', () => {
    const e = allButSync();
    expectRefused(e, FE, { type: 'removeBlockAll' }, 'gate', /Gate G4/);
    const ready = step(e, FE, { type: 'markSyncReady' });
    const removed = step(ready, FE, { type: 'removeBlockAll' });
    expect(removed.workshop.blockAllRemoved).toMatchObject({
      by: FE.id,
      at: BUILD_TIME.toISOString(),
    });
  });

  test('G4 lists synchronization with whatever else is missing', () => {
    const refusal = expectRefused(
      identityThrough('mfaAdmins'),
      FE,
      { type: 'removeBlockAll' },
      'gate',
      /Gate G4/,
    );
    expect(refusal.missing).toEqual([
      'identity synchronization (task 1141) marked ready, under gate G3',
      'a Conditional Access policy requiring MFA for all users, created',
      'a Conditional Access policy blocking legacy authentication, created',
      'the number of users registered for MFA, recorded',
    ]);
  });
});
