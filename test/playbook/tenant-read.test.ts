/**
 * Facts drawn from what Graph says about a tenant: licences by service plan, the playbook's
 * Conditional Access policies by conditions and grant controls, MFA registration without the
 * break-glass accounts.
 */
import {
  capabilitiesFromSkus,
  factsFrom,
  matchPolicies,
  type CaPolicyRead,
} from '../../src/playbook/tenant-read.js';
import { asPolicies, asRegistrations, asSkus } from '../../src/tenant/shapes.js';
import { m365E3, o365E3, playbookPolicies, users, type Json } from '../support/tenant-data.js';

const READ_AT = new Date('2026-11-25T10:02:00.000Z');
const policies = (state: Parameters<typeof playbookPolicies>[0]) =>
  asPolicies(playbookPolicies(state));
const edit = (p: Json, change: (c: CaPolicyRead) => void): CaPolicyRead => {
  const [read] = asPolicies([p]);
  change(read);
  return read;
};

describe('licences from service plans', () => {
  it('reads Microsoft 365 E3 as Entra ID P1, Intune and Purview IP (not from its SKU name)', () => {
    expect(capabilitiesFromSkus(asSkus([m365E3()]))).toEqual([
      'entraP1',
      'intune',
      'purviewInformationProtection',
    ]);
    const renamed = { ...m365E3(), skuPartNumber: 'SOMETHING_ELSE' };
    expect(capabilitiesFromSkus(asSkus([renamed]))).toContain('entraP1');
  });

  it('does not take Office 365 basic mobility (INTUNE_O365) for Intune, nor find P1 in Office 365 E3', () => {
    expect(capabilitiesFromSkus(asSkus([o365E3()]))).toEqual(['purviewInformationProtection']);
  });

  it('leaves out suspended subscriptions and plans not provisioned', () => {
    expect(capabilitiesFromSkus(asSkus([m365E3('Suspended')]))).toEqual([]);
    expect(capabilitiesFromSkus(asSkus([m365E3('Warning')]))).toContain('entraP1');
    const disabled = m365E3();
    (disabled.servicePlans as Json[])[0].provisioningStatus = 'Disabled';
    expect(capabilitiesFromSkus(asSkus([disabled]))).not.toContain('entraP1');
  });

  it('reads a SKU with missing or odd fields as holding nothing rather than failing', () => {
    expect(
      capabilitiesFromSkus(asSkus([{ skuPartNumber: 'X' }, { servicePlans: 'no' }, 7])),
    ).toEqual([]);
  });
});

describe('Conditional Access policies by their conditions', () => {
  it('finds the four playbook policies whatever their names, with their state', () => {
    const found = matchPolicies(
      policies({
        blockAll: 'enabled',
        adminMfa: 'enabled',
        allUsersMfa: 'enabledForReportingButNotEnforced',
        blockLegacy: 'disabled',
      }),
    );
    expect(found).toEqual({
      blockAll: { name: 'CONTOSO-000 Lockdown', state: 'on', excludedUsers: 2 },
      mfaAdmins: { name: 'CONTOSO-001 Admins strong auth', state: 'on', excludedUsers: 2 },
      mfaAllUsers: {
        name: 'CONTOSO-002 Everyone MFA',
        state: 'reportOnly',
        excludedUsers: 2,
      },
      blockLegacy: { name: 'CONTOSO-003 No old protocols', state: 'off', excludedUsers: 0 },
    });
  });

  it('takes MFA as a built-in control or as an authentication strength', () => {
    const [allUsers] = playbookPolicies({ allUsersMfa: 'enabled' });
    const builtIn = edit(allUsers, (p) => {
      p.grantControls = { builtInControls: ['mfa'], authenticationStrength: null };
    });
    expect(matchPolicies([builtIn]).mfaAllUsers?.state).toBe('on');
    const neither = edit(allUsers, (p) => {
      p.grantControls = { builtInControls: ['compliantDevice'], authenticationStrength: null };
    });
    expect(matchPolicies([neither]).mfaAllUsers).toBeUndefined();
  });

  it('does not take a narrower policy for a playbook one', () => {
    const [blockAll] = playbookPolicies({ blockAll: 'enabled' });
    const [allUsers] = playbookPolicies({ allUsersMfa: 'enabled' });
    const narrower = [
      edit(blockAll, (p) => {
        p.conditions.locations = { includeLocations: ['All'], excludeLocations: ['AllTrusted'] };
      }),
      edit(blockAll, (p) => {
        p.conditions.clientAppTypes = ['exchangeActiveSync', 'other'];
      }),
      edit(allUsers, (p) => {
        p.conditions.users = { includeUsers: [], includeGroups: ['pilot'], excludeUsers: [] };
      }),
      edit(allUsers, (p) => {
        p.conditions.applications = {
          includeApplications: ['00000003-0000-0ff1-ce00-000000000000'],
        };
      }),
      edit(allUsers, (p) => {
        p.conditions.signInRiskLevels = ['high'];
      }),
    ];
    const found = matchPolicies(narrower);
    expect(found.blockAll).toBeUndefined();
    expect(found.mfaAllUsers).toBeUndefined();
    // Blocking only legacy clients is the block-legacy policy, not block-all.
    expect(found.blockLegacy?.name).toBe('CONTOSO-000 Lockdown');
  });

  it('takes the policy most in force when several do the same', () => {
    const [on] = playbookPolicies({ allUsersMfa: 'enabled' });
    const [reportOnly] = playbookPolicies({ allUsersMfa: 'enabledForReportingButNotEnforced' });
    const found = matchPolicies(asPolicies([{ ...reportOnly, displayName: 'Pilot' }, on]));
    expect(found.mfaAllUsers).toMatchObject({ name: 'CONTOSO-002 Everyone MFA', state: 'on' });
  });

  it('counts MFA for all users as MFA for administrators too', () => {
    expect(matchPolicies(policies({ allUsersMfa: 'enabled' })).mfaAdmins?.state).toBe('on');
  });
});

describe('one read of the tenant', () => {
  it('counts MFA registration without the break-glass accounts the block-all policy excludes', () => {
    const facts = factsFrom(
      {
        skus: asSkus([m365E3()]),
        securityDefaults: false,
        caPolicies: policies({ blockAll: 'enabled' }),
        registration: asRegistrations(users(3, 5)),
      },
      READ_AT,
    );
    expect(facts.mfa).toEqual({ registered: 3, capable: 3, total: 5, breakGlass: 2 });
    expect(facts.readAt).toBe('2026-11-25T10:02:00.000Z');
    expect(facts.skus).toEqual(['SPE_E3']);
  });

  it('takes the break-glass accounts from the MFA-for-all-users policy when there is no block-all', () => {
    const facts = factsFrom(
      {
        skus: [],
        securityDefaults: true,
        caPolicies: policies({ allUsersMfa: 'enabled' }),
        registration: asRegistrations(users(5, 5)),
      },
      READ_AT,
    );
    expect(facts.mfa).toEqual({ registered: 5, capable: 5, total: 5, breakGlass: 2 });
  });

  it('counts everyone when no policy names break-glass accounts, and keeps why registration was not read', () => {
    const counted = factsFrom(
      {
        skus: [],
        securityDefaults: true,
        caPolicies: [],
        registration: asRegistrations(users(1, 2)),
      },
      READ_AT,
    );
    expect(counted.mfa).toEqual({ registered: 3, capable: 3, total: 4, breakGlass: 0 });
    const unread = factsFrom(
      { skus: [], securityDefaults: true, caPolicies: [], registration: { unavailable: 'no P1' } },
      READ_AT,
    );
    expect(unread.mfa).toEqual({ unavailable: 'no P1' });
  });
});

test('a read keeps at most 50 subscriptions and policy names of 256 characters in the record', () => {
  const many = Array.from({ length: 80 }, (_, i) => ({ ...m365E3(), skuPartNumber: `SKU_${i}` }));
  const [blockAll] = playbookPolicies({ blockAll: 'enabled' });
  const facts = factsFrom(
    {
      skus: asSkus(many),
      securityDefaults: false,
      caPolicies: asPolicies([{ ...blockAll, displayName: 'x'.repeat(1000) }]),
      registration: [],
    },
    READ_AT,
  );
  expect(facts.skus).toHaveLength(50);
  expect(facts.policies.blockAll?.name).toHaveLength(256);
  expect(facts.policies.blockAll?.name.endsWith('…')).toBe(true);
});
