import type { Capability } from './licences.js';

/**
 * What Microsoft Graph says about the customer's tenant, as plain data (the fields the rules read,
 * named as Graph names them), and the facts the playbook draws from it. Policies are matched by
 * their conditions and grant controls, never by name; licences by their service plans, never by
 * SKU name (SPE_F1 is Microsoft 365 F3, O365_BUSINESS_PREMIUM is Business Standard).
 */

/** One of GET /subscribedSkus. */
export interface SkuRead {
  skuPartNumber: string;
  /** Enabled, Warning, Suspended, Deleted, LockedOut. */
  capabilityStatus: string;
  servicePlans: { servicePlanName: string; provisioningStatus: string }[];
}

/** One of GET /identity/conditionalAccess/policies. */
export interface CaPolicyRead {
  id: string;
  displayName: string;
  /** enabled, disabled or enabledForReportingButNotEnforced (report-only). */
  state: string;
  conditions: {
    users?: {
      includeUsers?: string[];
      excludeUsers?: string[];
      includeRoles?: string[];
      includeGroups?: string[];
    } | null;
    applications?: { includeApplications?: string[] } | null;
    clientAppTypes?: string[];
    signInRiskLevels?: string[];
    userRiskLevels?: string[];
    locations?: unknown;
    platforms?: unknown;
  };
  grantControls?: {
    builtInControls?: string[];
    authenticationStrength?: { id?: string } | null;
  } | null;
}

/** One of GET /reports/authenticationMethods/userRegistrationDetails. */
export interface RegistrationRead {
  /** The user's object id, as Conditional Access policies exclude users. */
  id: string;
  isMfaRegistered: boolean;
  isMfaCapable: boolean;
}

/** Everything one refresh reads. Registration details need Entra ID P1/P2 in the tenant. */
export interface TenantSnapshot {
  skus: SkuRead[];
  securityDefaults: boolean;
  caPolicies: CaPolicyRead[];
  registration: RegistrationRead[] | { unavailable: string };
}

export type PolicyState = 'on' | 'reportOnly' | 'off';
export type TenantPolicyId = 'blockAll' | 'mfaAllUsers' | 'blockLegacy' | 'mfaAdmins';

/** The policy of the tenant that does what the playbook asks, as found. */
export interface PolicyFound {
  name: string;
  state: PolicyState;
  /** Users excluded by object id (the break-glass accounts, for the block-all policy). */
  excludedUsers: number;
}

export interface MfaCount {
  registered: number;
  capable: number;
  total: number;
  /** Break-glass accounts left out of the count (excluded from the block-all policy by id). */
  breakGlass: number;
}

/** The facts one read of the tenant gave, stamped with when. */
export interface TenantFacts {
  readAt: string;
  capabilities: Capability[];
  /** The SKUs in force (Enabled or Warning), by part number, for the record. */
  skus: string[];
  securityDefaults: boolean;
  policies: Partial<Record<TenantPolicyId, PolicyFound>>;
  mfa: MfaCount | { unavailable: string };
}

/** Service plans that carry a capability of the licence table (Intune for Office 365 does not). */
const PLAN_CAPABILITIES: Record<string, readonly Capability[]> = {
  AAD_PREMIUM: ['entraP1'],
  AAD_PREMIUM_P2: ['entraP1', 'entraP2'],
  INTUNE_A: ['intune'],
  INTUNE_SMBIZ: ['intune'],
  ADALLOM_S_STANDALONE: ['defenderCloudApps'],
  RMS_S_PREMIUM: ['purviewInformationProtection'],
  RMS_S_PREMIUM2: ['purviewInformationProtection'],
  MIP_S_CLP1: ['purviewInformationProtection'],
  MIP_S_CLP2: ['purviewInformationProtection'],
};
const CAPABILITY_ORDER: readonly Capability[] = [
  'entraP1',
  'entraP2',
  'intune',
  'defenderCloudApps',
  'purviewInformationProtection',
];

const inForce = (sku: SkuRead) => ['Enabled', 'Warning'].includes(sku.capabilityStatus);

/** What the subscriptions in force include, from their provisioned service plans. */
export function capabilitiesFromSkus(skus: readonly SkuRead[]): Capability[] {
  const found = new Set<Capability>();
  for (const sku of skus.filter(inForce))
    for (const plan of sku.servicePlans)
      if (plan.provisioningStatus === 'Success')
        for (const c of PLAN_CAPABILITIES[plan.servicePlanName] ?? []) found.add(c);
  return CAPABILITY_ORDER.filter((c) => found.has(c));
}

/** Role template id of Global Administrator: a policy for administrators includes it. */
export const GLOBAL_ADMIN_ROLE = '62e90394-69f5-4237-9190-012177145e10';
const LEGACY_CLIENTS = ['exchangeActiveSync', 'other'];
const MODERN_CLIENTS = ['all', 'browser', 'mobileAppsAndDesktopClients'];

const has = (list: readonly string[] | undefined, value: string) => !!list?.includes(value);
const allUsers = (p: CaPolicyRead) => has(p.conditions.users?.includeUsers, 'All');
const allApps = (p: CaPolicyRead) => has(p.conditions.applications?.includeApplications, 'All');
const blocks = (p: CaPolicyRead) => has(p.grantControls?.builtInControls, 'block');
const asksMfa = (p: CaPolicyRead) =>
  has(p.grantControls?.builtInControls, 'mfa') || !!p.grantControls?.authenticationStrength;
/** No risk, location or platform condition narrows it: it applies to every sign-in. */
const unconditional = (p: CaPolicyRead) =>
  !p.conditions.signInRiskLevels?.length &&
  !p.conditions.userRiskLevels?.length &&
  !p.conditions.locations &&
  !p.conditions.platforms;
const everyClient = (p: CaPolicyRead) => {
  const types = p.conditions.clientAppTypes ?? [];
  return types.length === 0 || has(types, 'all');
};
const legacyOnly = (p: CaPolicyRead) => {
  const types = p.conditions.clientAppTypes ?? [];
  return (
    LEGACY_CLIENTS.every((t) => types.includes(t)) && !types.some((t) => MODERN_CLIENTS.includes(t))
  );
};

/** What each playbook policy is, as conditions and grant controls. */
const MATCHERS: Record<TenantPolicyId, (p: CaPolicyRead) => boolean> = {
  blockAll: (p) => allUsers(p) && allApps(p) && blocks(p) && everyClient(p) && unconditional(p),
  blockLegacy: (p) => allUsers(p) && allApps(p) && blocks(p) && legacyOnly(p),
  mfaAllUsers: (p) =>
    allUsers(p) && allApps(p) && asksMfa(p) && !blocks(p) && everyClient(p) && unconditional(p),
  mfaAdmins: (p) =>
    (has(p.conditions.users?.includeRoles, GLOBAL_ADMIN_ROLE) || allUsers(p)) &&
    allApps(p) &&
    asksMfa(p) &&
    !blocks(p) &&
    everyClient(p) &&
    unconditional(p),
};

const STATE_RANK: Record<PolicyState, number> = { on: 2, reportOnly: 1, off: 0 };

/** What one read keeps of names the tenant chose: enough to find them, bounded in the record. */
const MAX_NAME = 256;
const MAX_SKUS = 50;
const bounded = (text: string) =>
  text.length > MAX_NAME ? `${text.slice(0, MAX_NAME - 1)}…` : text;

export function policyState(state: string): PolicyState {
  if (state === 'enabled') return 'on';
  return state === 'enabledForReportingButNotEnforced' ? 'reportOnly' : 'off';
}

/** Users excluded by object id (not "GuestsOrExternalUsers" or other keywords). */
function excludedIds(p: CaPolicyRead): string[] {
  return (p.conditions.users?.excludeUsers ?? []).filter((id) => /^[0-9a-f-]{36}$/i.test(id));
}

/** The tenant's policy for each playbook policy: the one most in force when several match. */
export function matchPolicies(
  policies: readonly CaPolicyRead[],
): Partial<Record<TenantPolicyId, PolicyFound>> {
  const out: Partial<Record<TenantPolicyId, PolicyFound>> = {};
  for (const id of Object.keys(MATCHERS) as TenantPolicyId[]) {
    const best = policies
      .filter(MATCHERS[id])
      .sort((a, b) => STATE_RANK[policyState(b.state)] - STATE_RANK[policyState(a.state)])[0];
    if (best)
      out[id] = {
        name: bounded(best.displayName),
        state: policyState(best.state),
        excludedUsers: excludedIds(best).length,
      };
  }
  return out;
}

/**
 * The break-glass accounts, by object id: those the block-all policy excludes (the playbook
 * excludes them and no one else), or else those the MFA-for-all-users policy excludes.
 */
export function breakGlassIds(policies: readonly CaPolicyRead[]): Set<string> {
  for (const id of ['blockAll', 'mfaAllUsers'] as const) {
    const found = policies
      .filter(MATCHERS[id])
      .sort((a, b) => STATE_RANK[policyState(b.state)] - STATE_RANK[policyState(a.state)])[0];
    if (found) return new Set(excludedIds(found));
  }
  return new Set();
}

/** Users registered for MFA, capable of it, and in all, the break-glass accounts left out. */
export function countMfa(users: readonly RegistrationRead[], breakGlass: Set<string>): MfaCount {
  const counted = users.filter((u) => !breakGlass.has(u.id));
  return {
    registered: counted.filter((u) => u.isMfaRegistered).length,
    capable: counted.filter((u) => u.isMfaCapable).length,
    total: counted.length,
    breakGlass: users.length - counted.length,
  };
}

/** The facts of one read, at `readAt`. */
export function factsFrom(snapshot: TenantSnapshot, readAt: Date): TenantFacts {
  const { registration } = snapshot;
  return {
    readAt: readAt.toISOString(),
    capabilities: capabilitiesFromSkus(snapshot.skus),
    skus: snapshot.skus
      .filter(inForce)
      .slice(0, MAX_SKUS)
      .map((s) => bounded(s.skuPartNumber)),
    securityDefaults: snapshot.securityDefaults,
    policies: matchPolicies(snapshot.caPolicies),
    mfa:
      'unavailable' in registration
        ? { unavailable: registration.unavailable }
        : countMfa(registration, breakGlassIds(snapshot.caPolicies)),
  };
}
