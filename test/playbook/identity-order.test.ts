/** Prepare Identity runs in the seed's order, 4.1 to 4.6, each step recorded with who and when. */
import { apply } from '../../src/playbook/apply.js';
import type { ChecklistStepId } from '../../src/playbook/catalog.js';
import type { Engagement } from '../../src/playbook/engagement.js';
import {
  at,
  BDM,
  BUILD_TIME,
  deepFreeze,
  FE,
  identityThrough,
  kickedOff,
  licensed,
  refusalOf,
  step,
} from './builders.js';

const TITLE = {
  forests:
    'Existing forests identified and malformed UPNs cleaned up (IdFix) (Prepare Identity 4.1)',
  authMethod: 'Authentication method finalized (task 3736) (Prepare Identity 4.2)',
  aadConnect:
    'Microsoft Entra Connect Sync (AAD Connect) configured, identities not synchronized (Prepare Identity 4.3)',
  breakGlass: 'Two cloud-only break-glass accounts created (Prepare Identity 4.4)',
  blockAllCa:
    'Conditional Access policy blocking all access, break-glass accounts excluded (Prepare Identity 4.5)',
} as const;

function orderRefusal(e: Engagement, stepId: ChecklistStepId) {
  const frozen = deepFreeze(e);
  const before = structuredClone(frozen);
  const refusal = refusalOf(
    apply(frozen, { type: 'completeIdentityStep', step: stepId, note: '' }, FE, BUILD_TIME),
  );
  expect(refusal.kind).toBe('gate');
  expect(refusal.message).toMatch(/in order/);
  expect(frozen).toEqual(before);
  return refusal.missing;
}

describe('Prepare Identity order', () => {
  test('the forests step comes first and needs nothing before it', () => {
    const e = step(kickedOff(), FE, {
      type: 'completeIdentityStep',
      step: 'forests',
      note: '2 forests',
    });
    expect(e.identity.steps.forests).toEqual({
      by: FE.id,
      byName: FE.name,
      at: BUILD_TIME.toISOString(),
      note: '2 forests',
    });
  });

  test('AAD Connect follows the forests and the authentication method', () => {
    expect(orderRefusal(kickedOff(), 'aadConnect')).toEqual([TITLE.forests, TITLE.authMethod]);
    expect(orderRefusal(identityThrough('forests'), 'aadConnect')).toEqual([TITLE.authMethod]);
  });

  test('the break-glass accounts follow AAD Connect', () => {
    expect(orderRefusal(identityThrough('authMethod'), 'breakGlass')).toEqual([TITLE.aadConnect]);
  });

  test('the block-all policy follows the break-glass accounts it excludes', () => {
    expect(orderRefusal(identityThrough('aadConnect'), 'blockAllCa')).toEqual([TITLE.breakGlass]);
  });

  test('MFA for admins comes last', () => {
    expect(orderRefusal(identityThrough('breakGlass'), 'mfaAdmins')).toEqual([TITLE.blockAllCa]);
    expect(orderRefusal(licensed(), 'mfaAdmins')).toEqual(Object.values(TITLE));
  });

  test('in order, every step is recorded with who and when', () => {
    let e = licensed();
    const order: (ChecklistStepId | 'authMethod')[] = [
      'forests',
      'authMethod',
      'aadConnect',
      'breakGlass',
      'blockAllCa',
      'mfaAdmins',
    ];
    order.forEach((id, i) => {
      e =
        id === 'authMethod'
          ? step(
              e,
              FE,
              {
                type: 'finalizeAuthMethod',
                method: 'pta',
                rationale: 'No hashes in the cloud',
                decidedBy: BDM.name,
              },
              at(100 + i),
            )
          : step(
              e,
              FE,
              { type: 'completeIdentityStep', step: id, note: `step ${i + 1}` },
              at(100 + i),
            );
    });
    expect(e.identity.authMethod).toMatchObject({
      by: FE.id,
      at: at(101).toISOString(),
      method: 'pta',
    });
    const checklist = ['forests', 'aadConnect', 'breakGlass', 'blockAllCa', 'mfaAdmins'] as const;
    for (const id of checklist) {
      const i = order.indexOf(id);
      expect(e.identity.steps[id]).toEqual({
        by: FE.id,
        byName: FE.name,
        at: at(100 + i).toISOString(),
        note: `step ${i + 1}`,
      });
    }
  });

  test('a step is recorded once', () => {
    const refusal = refusalOf(
      apply(
        identityThrough('forests'),
        { type: 'completeIdentityStep', step: 'forests', note: 'again' },
        FE,
        BUILD_TIME,
      ),
    );
    expect(refusal.kind).toBe('invalid');
    expect(refusal.message).toMatch(/Already recorded/);
  });

  test('the method can still be changed, which is said in the history', () => {
    const e = step(identityThrough('mfaAdmins'), FE, {
      type: 'finalizeAuthMethod',
      method: 'cloudOnly',
      rationale: 'Moving off AD',
      decidedBy: BDM.name,
    });
    expect(e.identity.authMethod).toMatchObject({
      method: 'cloudOnly',
      rationale: 'Moving off AD',
    });
    expect(e.history.at(-1)?.summary).toBe(
      'changed the authentication method to Cloud-only identities (task 3736); reopened: Microsoft Entra Connect Sync (AAD Connect) configured, identities not synchronized (Prepare Identity 4.3)',
    );
  });
});
