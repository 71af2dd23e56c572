/**
 * Path 1: identity synchronization needs the block-all policy in place, so the policy goes only
 * once synchronization was marked ready, never before; a record where it went first cannot be
 * marked ready afterwards, and in order the record keeps both facts.
 */
import { at, edited, expectRefused, FE, identityThrough, step } from '../builders.js';

/** 4.1–4.6 done, both CA policies created, 1 of 1 registered: all G4 asks for but synchronization. */
function allButSync() {
  let e = identityThrough('mfaAdmins');
  e = step(e, FE, { type: 'recordCaPolicy', policy: 'mfaAllUsers', state: 'created' });
  e = step(e, FE, { type: 'recordCaPolicy', policy: 'blockLegacy', state: 'created' });
  return step(e, FE, { type: 'recordMfaRegistration', registered: 1, total: 1 });
}

describe('path 1: G3 after the block-all policy is gone', () => {
  test('removing the policy before synchronization is ready is refused, naming task 1141', () => {
    const refusal = expectRefused(
      allButSync(),
      FE,
      { type: 'removeBlockAll' },
      'gate',
      /^Gate G4: the block-all Conditional Access policy must stay for now\.$/,
    );
    expect(refusal.missing).toEqual([
      'identity synchronization (task 1141) marked ready, under gate G3',
    ]);
  });

  test('a record whose policy went before synchronization cannot be marked ready', () => {
    // Built directly: `apply` no longer removes it first (records of schema version 1 may have).
    const e = edited(allButSync(), (d) => {
      d.workshop.blockAllRemoved = {
        by: FE.id,
        byName: FE.name,
        at: at(70).toISOString(),
        syncWasReady: false,
      };
    });
    const refusal = expectRefused(
      e,
      FE,
      { type: 'markSyncReady' },
      'gate',
      /^Gate G3: identity synchronization \(task 1141\) is not ready\.$/,
    );
    expect(refusal.missing).toEqual([
      'the block-all Conditional Access policy in place (Prepare Identity 4.5): it was removed before identity synchronization was ready',
    ]);
  });

  test('in order, the record keeps both facts: synchronization ready, then the policy removed', () => {
    let e = step(allButSync(), FE, { type: 'markSyncReady' }, at(100));
    e = step(e, FE, { type: 'removeBlockAll' }, at(110));
    expect(e.identity.syncReady).toEqual({ by: FE.id, byName: FE.name, at: at(100).toISOString() });
    expect(e.workshop.blockAllRemoved).toEqual({
      by: FE.id,
      byName: FE.name,
      at: at(110).toISOString(),
      syncWasReady: true,
    });
    expect(e.history.slice(-2).map((h) => h.summary)).toEqual([
      'marked identity synchronization (task 1141, Enable phase) ready',
      'removed the block-all Conditional Access policy',
    ]);
  });
});
