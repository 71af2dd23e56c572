import type { Engagement } from '../../src/playbook/engagement.js';
import { factsFrom, type TenantFacts } from '../../src/playbook/tenant-read.js';
import { asPolicies, asRegistrations, asSkus } from '../../src/tenant/shapes.js';
import {
  m365E3,
  o365E3,
  playbookPolicies,
  users,
  type PolicyState,
} from '../support/tenant-data.js';
import { at, FE, step } from './builders.js';

/** When the tenant was read in these tests. */
export const READ_AT = at(200);

export interface TenantShape {
  p1?: boolean;
  securityDefaults?: boolean;
  policies?: Parameters<typeof playbookPolicies>[0];
  registered?: number;
  total?: number;
  /** The registration report refused (no Entra ID P1 in the tenant). */
  noReport?: boolean;
}

/** The facts a read of such a tenant gives. */
export function tenantFacts(shape: TenantShape = {}, readAt = READ_AT): TenantFacts {
  const on: PolicyState = 'enabled';
  return factsFrom(
    {
      skus: asSkus([shape.p1 === false ? o365E3() : m365E3()]),
      securityDefaults: shape.securityDefaults ?? false,
      caPolicies: asPolicies(
        playbookPolicies(
          shape.policies ?? { blockAll: on, adminMfa: on, allUsersMfa: on, blockLegacy: on },
        ),
      ),
      registration: shape.noReport
        ? { unavailable: 'the report needs Microsoft Entra ID P1' }
        : asRegistrations(users(shape.registered ?? 5, shape.total ?? 5)),
    },
    readAt,
  );
}

/** The engagement after the FE refreshed the facts from such a tenant. */
export function readTenant(e: Engagement, shape: TenantShape = {}, now = READ_AT): Engagement {
  return step(
    e,
    FE,
    { type: 'recordTenantFacts', read: { ok: true, facts: tenantFacts(shape, now) } },
    now,
  );
}

/** The engagement after a read the tenant refused (consent withdrawn). */
export function tenantRefused(e: Engagement, now = READ_AT): Engagement {
  return step(
    e,
    FE,
    {
      type: 'recordTenantFacts',
      read: { ok: false, denied: 'Authorization_RequestDenied.', at: now.toISOString() },
    },
    now,
  );
}
