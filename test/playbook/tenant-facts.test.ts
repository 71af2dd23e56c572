/**
 * Facts read from the tenant in the playbook: the gates decide on them, typed values that
 * contradict them are refused with both shown, and withdrawing consent brings typed values back.
 */
import { pathOf } from '../../src/playbook/facts.js';
import { gateRefusal } from '../../src/playbook/gates.js';
import { describeRefusal } from '../../src/playbook/refusal.js';
import {
  applied,
  BUILD_TIME,
  expectRefused,
  FE,
  FM,
  g4Met,
  identityThrough,
  kickedOff,
  licensed,
  licensedWithoutP1,
  refusalOf,
  step,
} from './builders.js';
import { apply } from '../../src/playbook/apply.js';
import { snapshot } from '../../src/playbook/steps/handoff.js';
import { READ_AT, readTenant, tenantRefused } from './tenant-builders.js';

const ON = 'enabled' as const;
const REPORT_ONLY = 'enabledForReportingButNotEnforced' as const;
const READ_TEXT = 'read from the tenant at Mon, 3 Mar 2025, 12:20 (UTC)';

describe('G4 on the facts read from the tenant', () => {
  it('refuses to remove block-all while "MFA for all users" is report-only, naming the policy', () => {
    const e = readTenant(g4Met(), {
      policies: { blockAll: ON, adminMfa: ON, allUsersMfa: REPORT_ONLY, blockLegacy: ON },
    });
    const refusal = expectRefused(e, FE, { type: 'removeBlockAll' }, 'gate', /^Gate G4/);
    expect(refusal.missing).toEqual([
      `the Conditional Access policy "Require MFA for all users" turned on: "CONTOSO-002 Everyone MFA" is in report-only mode in the tenant (${READ_TEXT})`,
    ]);
  });

  it('refuses with the count when 3 of 5 users registered, whatever was typed before', () => {
    // Typed 100 of 100 before the tenant was read: the read count decides.
    const e = readTenant(g4Met(), { registered: 3, total: 5 });
    const refusal = expectRefused(e, FE, { type: 'removeBlockAll' }, 'gate', /^Gate G4/);
    expect(refusal.missing).toEqual([
      `all users registered for MFA (2 of 5 not yet: 3 of 5 users registered for MFA (3 capable, 2 break-glass account(s) left out), ${READ_TEXT})`,
    ]);
  });

  it('names a policy the tenant lacks, and opens once the tenant has everything on', () => {
    const lacking = readTenant(g4Met(), {
      policies: { blockAll: ON, adminMfa: ON, allUsersMfa: ON },
    });
    expect(gateRefusal('G4', lacking, BUILD_TIME)?.missing).toEqual([
      `a Conditional Access policy "Block legacy authentication" in the tenant (none found by its conditions, ${READ_TEXT})`,
    ]);
    const ready = readTenant(g4Met());
    expect(applied(ready, FE, { type: 'removeBlockAll' }).summary).toBe(
      'removed the block-all Conditional Access policy',
    );
  });

  it('counts typed MFA numbers when the tenant refused the registration report (no Entra ID P1)', () => {
    const e = readTenant(g4Met(), { noReport: true });
    expect(gateRefusal('G4', e, BUILD_TIME)).toBeUndefined();
  });
});

describe('G3 on the facts read from the tenant', () => {
  it('refuses sync ready while the block-all policy is only reported on, though 4.5 was ticked', () => {
    const e = readTenant(licensed(), {
      policies: { blockAll: REPORT_ONLY, adminMfa: ON, allUsersMfa: ON, blockLegacy: ON },
    });
    const through = identityThrough('breakGlass', e);
    // Ticking 4.5 against the tenant is refused; the gate names the policy too.
    expectRefused(
      through,
      FE,
      { type: 'completeIdentityStep', step: 'blockAllCa', note: '' },
      'invalid',
      /You recorded "Block all access \(break-glass accounts excluded\)" as in place; the tenant lacks the Conditional Access policy .* "CONTOSO-000 Lockdown" is in report-only mode/,
    );
    const ticked = readTenant(identityThrough('mfaAdmins'), {
      policies: { blockAll: REPORT_ONLY, adminMfa: ON, allUsersMfa: ON, blockLegacy: ON },
    });
    expect(gateRefusal('G3', ticked, BUILD_TIME)?.missing).toEqual([
      `the Conditional Access policy "Block all access (break-glass accounts excluded)" turned on: "CONTOSO-000 Lockdown" is in report-only mode in the tenant (${READ_TEXT})`,
    ]);
  });
});

describe('typed values against read ones', () => {
  const read = () => readTenant(g4Met(), { registered: 3, total: 5 });

  it('refuses typed MFA numbers that differ from the tenant, showing both', () => {
    expectRefused(
      read(),
      FE,
      { type: 'recordMfaRegistration', registered: 5, total: 5 },
      'invalid',
      new RegExp(
        `^You typed 5 of 5 users registered for MFA; the tenant reported 3 of 5 users registered for MFA \\(3 capable, 2 break-glass account\\(s\\) left out\\), ${READ_TEXT.replace(/[()]/g, '\\$&')}\\. The tenant's value stands`,
      ),
    );
    expect(
      applied(read(), FE, {
        type: 'recordMfaRegistration',
        registered: 3,
        total: 5,
        reason: 'the tenant counts 5 users',
      }).ok,
    ).toBe(true);
  });

  it('refuses a CA policy typed created while the tenant has it report-only, and not created while on', () => {
    const e = readTenant(g4Met(), {
      policies: { blockAll: ON, adminMfa: ON, allUsersMfa: REPORT_ONLY, blockLegacy: ON },
    });
    expectRefused(
      e,
      FE,
      { type: 'recordCaPolicy', policy: 'mfaAllUsers', state: 'created' },
      'invalid',
      /^You recorded "Require MFA for all users" as in place; the tenant lacks .*report-only mode/,
    );
    expectRefused(
      e,
      FE,
      { type: 'recordCaPolicy', policy: 'blockLegacy', state: 'planned' },
      'invalid',
      /^You recorded "Block legacy authentication" as not created; the tenant has it on/,
    );
  });

  it('refuses licences whose path the tenant contradicts, naming its subscriptions', () => {
    const e = readTenant(kickedOff(), { p1: false, securityDefaults: true });
    expectRefused(
      e,
      FM,
      { type: 'recordLicensing', licences: ['m365e5'], addOns: [], notes: '' },
      'invalid',
      /^The licences you chose take the Conditional Access path; the tenant's subscriptions \(ENTERPRISEPACK, read from the tenant at .*\) take the Security defaults path/,
    );
    expect(
      applied(e, FM, { type: 'recordLicensing', licences: ['o365e3'], addOns: [], notes: '' }).ok,
    ).toBe(true);
  });
});

describe('the path from the facts', () => {
  it('takes the security-defaults path from a tenant without Entra ID P1, reopening 4.5/4.6 done the CA way', () => {
    const typed = identityThrough('mfaAdmins');
    expect(pathOf(typed)).toBe('ca');
    const after = applied(typed, FE, {
      type: 'recordTenantFacts',
      read: {
        ok: true,
        facts: readTenant(kickedOff(), { p1: false, securityDefaults: true }).tenant!.facts!,
      },
    });
    expect(pathOf(after.engagement)).toBe('securityDefaults');
    expect(after.engagement.identity.steps.blockAllCa).toBeUndefined();
    expect(after.summary).toMatch(/Security defaults path; security defaults on; .*reopened: /);
  });

  it('accepts 4.5 in its security-defaults form only when the tenant has security defaults on', () => {
    const off = identityThrough(
      'breakGlass',
      readTenant(licensedWithoutP1(), { p1: false, securityDefaults: false }),
    );
    expectRefused(
      off,
      FE,
      { type: 'completeIdentityStep', step: 'blockAllCa', note: '' },
      'invalid',
      /^You recorded security defaults as on; the tenant lacks security defaults turned on \(they are off, read from the tenant/,
    );
    const on = identityThrough(
      'breakGlass',
      readTenant(licensedWithoutP1(), { p1: false, securityDefaults: true }),
    );
    expect(applied(on, FE, { type: 'completeIdentityStep', step: 'blockAllCa', note: '' }).ok).toBe(
      true,
    );
  });
});

describe('consent withdrawn', () => {
  it('falls back to typed values and says so', () => {
    const e = readTenant(g4Met(), { registered: 3, total: 5 });
    expect(gateRefusal('G4', e, BUILD_TIME)).toBeDefined();
    const withdrawn = applied(e, FE, {
      type: 'recordTenantFacts',
      read: { ok: false, denied: 'Authorization_RequestDenied.', at: READ_AT.toISOString() },
    });
    expect(withdrawn.summary).toBe(
      "found that reading the customer's tenant is no longer allowed (Authorization_RequestDenied.); the facts typed here count again",
    );
    expect(withdrawn.engagement.tenant).toEqual({
      access: {
        state: 'withdrawn',
        since: READ_AT.toISOString(),
        checkedAt: READ_AT.toISOString(),
      },
    });
    // The typed 100 of 100 counts again.
    expect(gateRefusal('G4', withdrawn.engagement, BUILD_TIME)).toBeUndefined();
  });

  it('refuses a refused read when access was never granted, changing nothing', () => {
    const refusal = refusalOf(
      apply(
        kickedOff(),
        {
          type: 'recordTenantFacts',
          read: { ok: false, denied: 'No consent.', at: READ_AT.toISOString() },
        },
        FE,
        BUILD_TIME,
      ),
    );
    expect(describeRefusal(refusal)).toBe(
      "The customer's tenant cannot be read: No consent. Until the customer's admin consents, the facts typed here count, marked with who reported them.",
    );
  });

  it('keeps the time access was first granted across refreshes, and grants again after a withdrawal', () => {
    const first = readTenant(kickedOff());
    const again = readTenant(first, {}, new Date(READ_AT.getTime() + 60_000));
    expect(again.tenant?.access.since).toBe(READ_AT.toISOString());
    const back = readTenant(tenantRefused(again), {}, new Date(READ_AT.getTime() + 120_000));
    expect(back.tenant?.access).toMatchObject({
      state: 'granted',
      since: new Date(READ_AT.getTime() + 120_000).toISOString(),
    });
  });
});

test('only those who lead the engagement refresh from the tenant', () => {
  const e = kickedOff();
  expect(() =>
    step(e, FM, {
      type: 'recordTenantFacts',
      read: { ok: true, facts: readTenant(e).tenant!.facts! },
    }),
  ).not.toThrow();
});

test('the hand-off records what the tenant said, and when it was read', () => {
  const e = readTenant(g4Met(), {
    registered: 3,
    total: 5,
    policies: { blockAll: ON, adminMfa: ON, allUsersMfa: REPORT_ONLY },
  });
  expect(snapshot(e)).toMatchObject({
    caPolicies: { mfaAllUsers: 'planned', blockLegacy: 'none', admins: 'created' },
    mfaRegistration: { registered: 3, total: 5 },
    readFromTenantAt: READ_AT.toISOString(),
  });
  expect(snapshot(g4Met())).not.toHaveProperty('readFromTenantAt');
  expect(snapshot(g4Met()).mfaRegistration).toEqual({ registered: 100, total: 100 });
});
