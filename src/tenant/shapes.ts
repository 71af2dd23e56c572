import { z } from 'zod';
import type { CaPolicyRead, RegistrationRead, SkuRead } from '../playbook/tenant-read.js';

/**
 * The fields the playbook reads from Graph's answers, taken leniently: a field Graph leaves out or
 * shapes otherwise reads as absent, so one odd policy never stops a read.
 */

const strings = z.array(z.string()).catch([]);
const text = z.string().catch('');

const sku = z.object({
  skuPartNumber: text,
  capabilityStatus: text,
  servicePlans: z
    .array(
      z.object({ servicePlanName: text, provisioningStatus: text }).catch({
        servicePlanName: '',
        provisioningStatus: '',
      }),
    )
    .catch([]),
});

const policy = z.object({
  id: text,
  displayName: text,
  state: text,
  conditions: z
    .object({
      users: z
        .object({ includeUsers: strings, excludeUsers: strings, includeRoles: strings })
        .nullish()
        .catch(null),
      applications: z.object({ includeApplications: strings }).nullish().catch(null),
      clientAppTypes: strings,
      signInRiskLevels: strings,
      userRiskLevels: strings,
      locations: z.unknown(),
      platforms: z.unknown(),
    })
    .catch({
      clientAppTypes: [],
      signInRiskLevels: [],
      userRiskLevels: [],
      locations: null,
      platforms: null,
    }),
  grantControls: z
    .object({
      builtInControls: strings,
      authenticationStrength: z.object({ id: z.string().optional() }).nullish().catch(null),
    })
    .nullish()
    .catch(null),
});

const registration = z.object({
  id: text,
  isMfaRegistered: z.boolean().catch(false),
  isMfaCapable: z.boolean().catch(false),
});

const listOf = <T>(item: z.ZodType<T>, items: unknown[]): T[] =>
  items.map((x) => item.safeParse(x)).flatMap((r) => (r.success ? [r.data] : []));

export const asSkus = (items: unknown[]): SkuRead[] => listOf(sku, items);
export const asPolicies = (items: unknown[]): CaPolicyRead[] => listOf(policy, items);
export const asRegistrations = (items: unknown[]): RegistrationRead[] =>
  listOf(registration, items);
