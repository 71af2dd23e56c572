import type { PathId } from './licences.js';
import type { LinkId } from './links.js';
import { NAMES } from './names.js';

/** Prepare Identity and the authentication methods, as data (part of the catalog). */

/** A Prepare Identity step as a path shapes it. */
interface StepForm {
  title: string;
  links: readonly LinkId[];
}

/**
 * Prepare Identity, in the seed's order. Step 4.2 is the authentication method (task 3736). Steps
 * 4.5 and 4.6 take the form of the licences' path; 4.3 applies to hybrid identities only.
 */
export const IDENTITY_STEPS = [
  {
    id: 'forests',
    n: '4.1',
    title: 'Existing forests identified and malformed UPNs cleaned up (IdFix)',
    links: ['prepareDirSync'],
  },
  {
    id: 'authMethod',
    n: '4.2',
    title: 'Authentication method finalized (task 3736)',
    links: ['chooseAuthMethod'],
  },
  {
    id: 'aadConnect',
    n: '4.3',
    title: `${NAMES.entraConnect} configured, identities not synchronized`,
    links: ['setUpDirSync', 'connectPrerequisites'],
    hybridOnly: true,
  },
  {
    id: 'breakGlass',
    n: '4.4',
    title: 'Two cloud-only break-glass accounts created',
    links: ['emergencyAccess'],
  },
  {
    id: 'blockAllCa',
    n: '4.5',
    title:
      'All access blocked before synchronization: a block-all Conditional Access policy, or security defaults without Microsoft Entra ID P1',
    links: ['caBlockAccess', 'securityDefaults'],
    forms: {
      ca: {
        title: 'Conditional Access policy blocking all access, break-glass accounts excluded',
        links: ['caBlockAccess', 'emergencyAccess'],
      },
      securityDefaults: {
        title:
          'Security defaults turned on (no block-all Conditional Access policy without Microsoft Entra ID P1)',
        links: ['securityDefaults'],
      },
    },
  },
  {
    id: 'mfaAdmins',
    n: '4.6',
    title:
      'MFA required for administrators: by Conditional Access, or by security defaults without Microsoft Entra ID P1',
    links: ['caAdminMfa', 'securityDefaults'],
    forms: {
      ca: {
        title:
          'Conditional Access policy "Require MFA for administrators" (the playbook\'s baseline policy "MFA for admins")',
        links: ['caAdminMfa'],
      },
      securityDefaults: {
        title: 'Administrators registered for MFA under security defaults',
        links: ['securityDefaults'],
      },
    },
  },
] as const satisfies readonly {
  id: string;
  n: string;
  title: string;
  links: readonly LinkId[];
  hybridOnly?: boolean;
  forms?: Record<PathId, StepForm>;
}[];
export type IdentityStepId = (typeof IDENTITY_STEPS)[number]['id'];
/** The steps recorded with the identity checklist (4.2 is recorded by finalizing the method). */
export type ChecklistStepId = Exclude<IdentityStepId, 'authMethod'>;
export const CHECKLIST_STEPS: readonly ChecklistStepId[] = [
  'forests',
  'aadConnect',
  'breakGlass',
  'blockAllCa',
  'mfaAdmins',
];
/** The steps whose form depends on the path (4.5 and 4.6): recorded only once the licences are. */
export const PATH_STEPS: readonly ChecklistStepId[] = ['blockAllCa', 'mfaAdmins'];

/** A Prepare Identity step's title and guidance on a path (the general form before licensing). */
export function identityStepOn(
  id: IdentityStepId,
  path: PathId | undefined,
): { n: string; title: string; links: readonly LinkId[] } {
  const step = IDENTITY_STEPS.find((s) => s.id === id) ?? IDENTITY_STEPS[0];
  const form = path && 'forms' in step ? step.forms[path] : undefined;
  return { n: step.n, title: form?.title ?? step.title, links: form?.links ?? step.links };
}

export const AUTH_METHODS = [
  {
    id: 'phs',
    title: 'Password hash synchronization',
    hybrid: true,
    links: ['chooseAuthMethod', 'passwordHashSync'],
  },
  {
    id: 'pta',
    title: 'Pass-through authentication',
    hybrid: true,
    links: ['chooseAuthMethod', 'passThroughAuth'],
  },
  {
    id: 'adfs',
    title: 'Federation with AD FS',
    hybrid: true,
    links: ['chooseAuthMethod', 'federation'],
  },
  {
    id: 'thirdPartyFederation',
    title: 'Federation with a third-party identity provider',
    hybrid: true,
    links: ['chooseAuthMethod', 'federation'],
  },
  { id: 'cloudOnly', title: 'Cloud-only identities', hybrid: false, links: ['chooseAuthMethod'] },
] as const satisfies readonly {
  id: string;
  title: string;
  hybrid: boolean;
  links: readonly LinkId[];
}[];
export type AuthMethodId = (typeof AUTH_METHODS)[number]['id'];

/** Whether identities are synchronized from on-premises with this method (all but cloud-only). */
export function isHybrid(method: AuthMethodId): boolean {
  return AUTH_METHODS.find((m) => m.id === method)?.hybrid ?? true;
}
