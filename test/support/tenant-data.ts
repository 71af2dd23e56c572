/**
 * A customer's tenant as Microsoft Graph documents it (v1.0 resources subscribedSku,
 * identitySecurityDefaultsEnforcementPolicy, conditionalAccessPolicy, userRegistrationDetails),
 * for the unit tests and the Graph stand-in. Service plan names and ids are Microsoft's
 * ("Product names and service plan identifiers for licensing").
 */

export type Json = Record<string, unknown>;

const plan = (servicePlanName: string, servicePlanId: string, provisioningStatus = 'Success') => ({
  servicePlanId,
  servicePlanName,
  provisioningStatus,
  appliesTo: 'User',
});

/** Microsoft 365 E3: Entra ID P1, Intune, Purview IP. */
export function m365E3(capabilityStatus = 'Enabled'): Json {
  return {
    capabilityStatus,
    consumedUnits: 5,
    id: 'tenant_05e9a617-0261-4cee-bb44-138d3ef5d965',
    prepaidUnits: { enabled: 25, suspended: 0, warning: 0, lockedOut: 0 },
    skuId: '05e9a617-0261-4cee-bb44-138d3ef5d965',
    skuPartNumber: 'SPE_E3',
    appliesTo: 'User',
    servicePlans: [
      plan('AAD_PREMIUM', '41781fb2-bc02-4b7c-bd55-b576c07bb09d'),
      plan('INTUNE_A', 'c1ec4a95-1f05-45b3-a911-aa3fa01094f5'),
      plan('RMS_S_PREMIUM', '6c57d4b6-3b23-47a5-9bc9-69f17b4947b3'),
      plan('ADALLOM_S_DISCOVERY', '932ad362-64a8-4783-9106-97849a1a30b9'),
      plan('INTUNE_O365', '882e1d05-acd1-4ccb-8708-6ee03664b117', 'PendingActivation'),
    ],
  };
}

/** Office 365 E3: no Entra ID P1, Intune only as basic mobility (INTUNE_O365). */
export function o365E3(): Json {
  return {
    capabilityStatus: 'Enabled',
    consumedUnits: 5,
    id: 'tenant_6fd2c87f-b296-42f0-b197-1e91e994b900',
    prepaidUnits: { enabled: 25, suspended: 0, warning: 0, lockedOut: 0 },
    skuId: '6fd2c87f-b296-42f0-b197-1e91e994b900',
    skuPartNumber: 'ENTERPRISEPACK',
    appliesTo: 'User',
    servicePlans: [
      plan('INTUNE_O365', '882e1d05-acd1-4ccb-8708-6ee03664b117'),
      plan('RMS_S_ENTERPRISE', 'bea4c11e-220a-4e6d-8eb8-8ea15d019f90'),
      plan('MIP_S_CLP1', '5136a095-5cf0-4aff-bec3-e84448b38ea5'),
    ],
  };
}

export const securityDefaultsPolicy = (isEnabled: boolean): Json => ({
  '@odata.context':
    'https://graph.microsoft.com/v1.0/$metadata#policies/identitySecurityDefaultsEnforcementPolicy/$entity',
  id: '00000000-0000-0000-0000-000000000005',
  displayName: 'Security Defaults',
  description:
    'Security defaults is a set of basic identity security mechanisms recommended by Microsoft.',
  isEnabled,
});

/** The two cloud-only break-glass accounts, by object id. */
export const BREAK_GLASS = [
  'b9a4a8e0-1b1e-4c59-9f47-0a0000000001',
  'b9a4a8e0-1b1e-4c59-9f47-0a0000000002',
];
export const GLOBAL_ADMIN = '62e90394-69f5-4237-9190-012177145e10';

export type PolicyState = 'enabled' | 'disabled' | 'enabledForReportingButNotEnforced';

interface PolicyShape {
  id: string;
  name: string;
  state: PolicyState;
  users?: Json;
  clientAppTypes?: string[];
  grant: Json | null;
}

function policy(p: PolicyShape): Json {
  return {
    id: p.id,
    templateId: null,
    displayName: p.name,
    createdDateTime: '2026-11-02T09:12:00Z',
    modifiedDateTime: null,
    state: p.state,
    sessionControls: null,
    conditions: {
      userRiskLevels: [],
      signInRiskLevels: [],
      clientAppTypes: p.clientAppTypes ?? ['all'],
      platforms: null,
      locations: null,
      devices: null,
      clientApplications: null,
      applications: {
        includeApplications: ['All'],
        excludeApplications: [],
        includeUserActions: [],
        includeAuthenticationContextClassReferences: [],
      },
      users: {
        includeUsers: ['All'],
        excludeUsers: [...BREAK_GLASS],
        includeGroups: [],
        excludeGroups: [],
        includeRoles: [],
        excludeRoles: [],
        ...p.users,
      },
    },
    grantControls: p.grant,
  };
}

/** Grant controls with a built-in control. */
const builtIn = (control: string): Json => ({
  operator: 'OR',
  builtInControls: [control],
  customAuthenticationFactors: [],
  termsOfUse: [],
});
/** Grant controls with the built-in "Multifactor authentication" strength (as the template makes it). */
const mfaStrength = (): Json => ({
  operator: 'OR',
  builtInControls: [],
  customAuthenticationFactors: [],
  termsOfUse: [],
  authenticationStrength: {
    id: '00000000-0000-0000-0000-000000000002',
    displayName: 'Multifactor authentication',
    policyType: 'builtIn',
    requirementsSatisfied: 'mfa',
    allowedCombinations: [
      'windowsHelloForBusiness',
      'fido2',
      'password,microsoftAuthenticatorPush',
    ],
  },
});

/** The four playbook policies, names chosen by the customer (matched by conditions, not names). */
export function playbookPolicies(state: {
  blockAll?: PolicyState;
  adminMfa?: PolicyState;
  allUsersMfa?: PolicyState;
  blockLegacy?: PolicyState;
}): Json[] {
  const out: Json[] = [];
  if (state.blockAll)
    out.push(
      policy({
        id: 'ca-1',
        name: 'CONTOSO-000 Lockdown',
        state: state.blockAll,
        grant: builtIn('block'),
      }),
    );
  if (state.adminMfa)
    out.push(
      policy({
        id: 'ca-2',
        name: 'CONTOSO-001 Admins strong auth',
        state: state.adminMfa,
        users: {
          includeUsers: [],
          includeRoles: [GLOBAL_ADMIN, '194ae4cb-b126-40b2-bd5b-6091b380977d'],
        },
        grant: builtIn('mfa'),
      }),
    );
  if (state.allUsersMfa)
    out.push(
      policy({
        id: 'ca-3',
        name: 'CONTOSO-002 Everyone MFA',
        state: state.allUsersMfa,
        grant: mfaStrength(),
      }),
    );
  if (state.blockLegacy)
    out.push(
      policy({
        id: 'ca-4',
        name: 'CONTOSO-003 No old protocols',
        state: state.blockLegacy,
        clientAppTypes: ['exchangeActiveSync', 'other'],
        users: { excludeUsers: [] },
        grant: builtIn('block'),
      }),
    );
  return out;
}

/** A user of userRegistrationDetails. */
export function registration(id: string, registered: boolean, capable = registered): Json {
  return {
    id,
    userPrincipalName: `${id.slice(-4)}@contoso.com`,
    userDisplayName: `User ${id.slice(-4)}`,
    userType: 'member',
    isAdmin: false,
    isSsprRegistered: false,
    isSsprEnabled: false,
    isSsprCapable: false,
    isMfaRegistered: registered,
    isMfaCapable: capable,
    isPasswordlessCapable: false,
    methodsRegistered: registered ? ['microsoftAuthenticatorPush'] : [],
    isSystemPreferredAuthenticationMethodEnabled: true,
    systemPreferredAuthenticationMethods: [],
    userPreferredMethodForSecondaryAuthentication: registered ? 'push' : 'none',
    lastUpdatedDateTime: '2026-11-20T08:00:00Z',
  };
}

/** `registered` of `total` users registered for MFA, plus the two break-glass accounts (registered). */
export function users(registered: number, total: number): Json[] {
  const id = (n: number) => `7d1c0000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  return [
    ...Array.from({ length: total }, (_, i) => registration(id(i + 1), i < registered)),
    ...BREAK_GLASS.map((b) => registration(b, true)),
  ];
}
