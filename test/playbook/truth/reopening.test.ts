/**
 * What later changes reopen is kept, within its cap; the order rule of Prepare Identity reads
 * from the gate table like the gates.
 */
import { gate } from '../../../src/playbook/gates.js';
import { LIMITS } from '../../../src/playbook/limits.js';
import { jsonBytes } from '../../../src/playbook/text-size.js';
import { BUILD_TIME, FE, FM, identityThrough, kickedOff, step } from '../builders.js';

describe('reopened work in the record', () => {
  test('each flip of the path keeps what it reopened; the oldest go past the cap, long notes are cut', () => {
    let e = identityThrough('mfaAdmins');
    for (let i = 0; i <= LIMITS.superseded + 1; i++) {
      const toSd = i % 2 === 0;
      e = step(e, FM, {
        type: 'recordLicensing',
        licences: [toSd ? 'o365e3' : 'm365e3'],
        addOns: [],
        notes: '',
      });
      for (const id of ['blockAllCa', 'mfaAdmins'] as const)
        e = step(e, FE, { type: 'completeIdentityStep', step: id, note: 'n'.repeat(300) });
    }
    expect(e.superseded).toHaveLength(LIMITS.superseded);
    const detail = e.superseded.at(-1)?.items[0]?.detail ?? '';
    expect(jsonBytes(detail)).toBe(200);
    expect(detail.endsWith('…')).toBe(true);
  });
});

describe('the order rule of Prepare Identity, as a row of the table', () => {
  test('4.5 and 4.6 wait for the licences; otherwise the next step can be recorded', () => {
    const LICENSING = ["the customer's licences and security add-ons, recorded"];
    expect(
      gate('identityOrder').missing(identityThrough('breakGlass', kickedOff()), BUILD_TIME),
    ).toEqual(LICENSING);
    expect(
      gate('identityOrder').missing(identityThrough('aadConnect', kickedOff()), BUILD_TIME),
    ).toEqual([]);
    expect(gate('identityOrder').missing(identityThrough('breakGlass'), BUILD_TIME)).toEqual([]);
    expect(gate('identityOrder').missing(identityThrough('mfaAdmins'), BUILD_TIME)).toEqual([]);
  });

  test('an unknown rule is a programming error', () => {
    expect(() => gate('G9' as never)).toThrow('no rule G9');
  });
});
