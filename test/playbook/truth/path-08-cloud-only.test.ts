/**
 * Path 8: cloud-only identities are not synchronized: Microsoft Entra Connect Sync (4.3) and task
 * 1141 do not apply, G3 says so, and Prepare Identity goes from 4.2 to 4.4.
 */
import { gate } from '../../../src/playbook/gates.js';
import { blockers, taskStatus } from '../../../src/playbook/outputs.js';
import { BDM, BUILD_TIME, exactly, expectRefused, FE, identityThrough, step } from '../builders.js';

const cloudOnly = () =>
  step(identityThrough('forests'), FE, {
    type: 'finalizeAuthMethod',
    method: 'cloudOnly',
    rationale: 'No on-premises directory',
    decidedBy: BDM.name,
  });
const NA =
  'cloud-only identities are not synchronized, so task 1141 and Microsoft Entra Connect Sync (Prepare Identity 4.3) do not apply';

describe('path 8: cloud-only forces no false step', () => {
  test('4.3 is refused as not applicable', () => {
    expectRefused(
      cloudOnly(),
      FE,
      { type: 'completeIdentityStep', step: 'aadConnect', note: '' },
      'invalid',
      /^"Microsoft Entra Connect Sync \(AAD Connect\) configured, identities not synchronized" does not apply: cloud-only identities are not synchronized, so there is no Microsoft Entra Connect Sync to configure\.$/,
    );
  });

  test('Prepare Identity goes from 4.2 to 4.4', () => {
    const e = step(cloudOnly(), FE, { type: 'completeIdentityStep', step: 'breakGlass', note: '' });
    expect(e.identity.steps.breakGlass).toMatchObject({ by: FE.id });
  });

  test('task 1141 is not offered: marking it ready is refused, G3 reads "not applicable"', () => {
    let e = cloudOnly();
    for (const id of ['breakGlass', 'blockAllCa', 'mfaAdmins'] as const)
      e = step(e, FE, { type: 'completeIdentityStep', step: id, note: '' });
    expectRefused(
      e,
      FE,
      { type: 'markSyncReady' },
      'invalid',
      exactly(`Gate G3 does not apply: ${NA}.`),
    );
    expect(gate('G3').notApplicable?.(e)).toBe(NA);
    expect(taskStatus(e).find((t) => t.id === '1141')).toMatchObject({ notApplicable: NA });
    expect(taskStatus(e).find((t) => t.id === '1141')).not.toHaveProperty('done');
    expect(blockers(e, BUILD_TIME).map((b) => b.rule)).not.toContain('G3');
  });

  test('G4 for cloud-only asks for 4.4–4.6 in place, not synchronization', () => {
    let e = cloudOnly();
    e = step(e, FE, { type: 'completeIdentityStep', step: 'breakGlass', note: '' });
    e = step(e, FE, { type: 'completeIdentityStep', step: 'blockAllCa', note: '' });
    expect(expectRefused(e, FE, { type: 'removeBlockAll' }, 'gate', /Gate G4/).missing[0]).toBe(
      'Conditional Access policy "Require MFA for administrators" (the playbook\'s baseline policy "MFA for admins") (Prepare Identity 4.6)',
    );
  });
});
