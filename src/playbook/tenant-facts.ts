import type { Action } from './actions.js';
import {
  CA_POLICIES,
  titleOf,
  type CaPolicyId,
  type CaPolicyState,
  type ChecklistStepId,
} from './catalog.js';
import type { Engagement } from './engagement.js';
import { capabilitiesOf, PATHS, pathFor, type Capability, type PathId } from './licences.js';
import { refuse, type Refusal } from './refusal.js';
import type { MfaCount, TenantFacts, TenantPolicyId } from './tenant-read.js';
import { sayInstant } from './time.js';

/**
 * The facts read from the customer's tenant that the rules use instead of typed values: those of
 * the last read while access is granted. Once the admin withdraws consent, typed values count again.
 */
export function tenantFacts(e: Engagement): TenantFacts | undefined {
  return e.tenant?.access.state === 'granted' ? e.tenant.facts : undefined;
}

/** "read from the tenant at Wed, 25 Nov 2026, 10:02 (UTC)". */
export function readAtText(f: TenantFacts): string {
  return `read from the tenant at ${sayInstant(f.readAt, 'UTC')}`;
}

/** The path the tenant's licences take: CA with Entra ID P1 among its service plans. */
export function readPath(f: TenantFacts): PathId {
  return f.capabilities.includes('entraP1') ? 'ca' : 'securityDefaults';
}

/** What the licences include: as read from the tenant, else as recorded (EMS only as recorded). */
export function capabilitiesIn(e: Engagement): Set<Capability> {
  const typed = e.licensing ? capabilitiesOf(e.licensing) : new Set<Capability>();
  const f = tenantFacts(e);
  if (!f) return typed;
  return new Set([...f.capabilities, ...(typed.has('ems') ? (['ems'] as const) : [])]);
}

/** The licences' path: from the tenant where read, else from the licences recorded. */
export function pathIn(e: Engagement): PathId | undefined {
  const f = tenantFacts(e);
  return f ? readPath(f) : pathFor(e.licensing);
}

/** The playbook's policies as a card lists them and as the history names them. */
export const TENANT_POLICIES: readonly { id: TenantPolicyId; title: string; short: string }[] = [
  { id: 'blockAll', title: 'Block all access (4.5)', short: 'block-all' },
  { id: 'mfaAdmins', title: 'MFA for administrators (4.6)', short: 'MFA for administrators' },
  { id: 'mfaAllUsers', title: 'MFA for all users', short: 'MFA for all users' },
  { id: 'blockLegacy', title: 'Block legacy authentication', short: 'block legacy authentication' },
];
export const POLICY_STATE_WORDS = { on: 'on', reportOnly: 'report-only', off: 'off' } as const;

/** The tenant policy that stands for a workshop policy or a Prepare Identity step. */
const POLICY_FOR: Partial<Record<CaPolicyId | ChecklistStepId, TenantPolicyId>> = {
  mfaAllUsers: 'mfaAllUsers',
  blockLegacy: 'blockLegacy',
  admins: 'mfaAdmins',
  blockAllCa: 'blockAll',
  mfaAdmins: 'mfaAdmins',
};

const POLICY_TITLES: Record<TenantPolicyId, string> = {
  blockAll: 'Block all access (break-glass accounts excluded)',
  mfaAllUsers: titleOf(CA_POLICIES, 'mfaAllUsers'),
  blockLegacy: titleOf(CA_POLICIES, 'blockLegacy'),
  mfaAdmins: titleOf(CA_POLICIES, 'admins'),
};

/**
 * What the tenant lacks for a policy to be in force, in words; '' when it is on; undefined when
 * nothing was read (the typed record decides then). Report-only is not in force.
 */
export function policyGap(e: Engagement, id: TenantPolicyId): string | undefined {
  const f = tenantFacts(e);
  if (!f) return undefined;
  const title = `"${POLICY_TITLES[id]}"`;
  const found = f.policies[id];
  if (!found)
    return `a Conditional Access policy ${title} in the tenant (none found by its conditions, ${readAtText(f)})`;
  if (found.state === 'on') return '';
  const state = found.state === 'reportOnly' ? 'in report-only mode' : 'off';
  return `the Conditional Access policy ${title} turned on: "${found.name}" is ${state} in the tenant (${readAtText(f)})`;
}

/** A playbook policy's state as the hand-off records it, from the tenant where read (report-only is planned). */
export function readCaState(e: Engagement, id: CaPolicyId): CaPolicyState | undefined {
  const f = tenantFacts(e);
  const tenantId = POLICY_FOR[id];
  if (!f || !tenantId) return undefined;
  const state = f.policies[tenantId]?.state;
  return state === 'on' ? 'created' : state === 'reportOnly' ? 'planned' : 'none';
}

/** The MFA registration the tenant reported, when it was read (Entra ID P1 needed for the report). */
export function mfaRead(e: Engagement): MfaCount | undefined {
  const mfa = tenantFacts(e)?.mfa;
  return mfa && !('unavailable' in mfa) ? mfa : undefined;
}

/** "3 of 5 users registered for MFA (2 break-glass accounts left out), read from the tenant at …". */
export function mfaText(e: Engagement, m: MfaCount): string {
  const f = tenantFacts(e);
  const left = m.breakGlass ? `, ${m.breakGlass} break-glass account(s) left out` : '';
  return `${m.registered} of ${m.total} users registered for MFA (${m.capable} capable${left}), ${f ? readAtText(f) : ''}`;
}

/** Security defaults as read: a gap in words, '' when on, undefined when not read. */
export function securityDefaultsGap(e: Engagement): string | undefined {
  const f = tenantFacts(e);
  if (!f) return undefined;
  return f.securityDefaults ? '' : `security defaults turned on (they are off, ${readAtText(f)})`;
}

function clash(typed: string, read: string): Refusal {
  return refuse(
    'invalid',
    `${typed}; ${read}. The tenant's value stands: check it in the tenant, then press "Refresh from tenant".`,
  );
}

/** A checklist step or CA policy typed as done while the tenant says otherwise (or the reverse). */
function policyClash(e: Engagement, key: CaPolicyId | ChecklistStepId, done: boolean) {
  const id = POLICY_FOR[key];
  const gap = id && pathIn(e) === 'ca' ? policyGap(e, id) : undefined;
  if (gap === undefined || (gap === '') === done) return undefined;
  const title = `"${POLICY_TITLES[id as TenantPolicyId]}"`;
  return done
    ? clash(`You recorded ${title} as in place`, `the tenant lacks ${gap}`)
    : clash(`You recorded ${title} as not created`, `the tenant has it on`);
}

/**
 * A typed value that contradicts what was read from the tenant, refused with both shown; undefined
 * when the action agrees with the tenant or nothing was read.
 */
export function typedClash(e: Engagement, action: Action): Refusal | undefined {
  const f = tenantFacts(e);
  if (!f) return undefined;
  switch (action.type) {
    case 'recordLicensing': {
      const typed = pathFor(action);
      const read = readPath(f);
      if (typed === read) return undefined;
      return clash(
        `The licences you chose take the ${PATHS[typed as PathId].title}`,
        `the tenant's subscriptions (${f.skus.join(', ') || 'none'}, ${readAtText(f)}) take the ${PATHS[read].title}`,
      );
    }
    case 'recordCaPolicy':
      return policyClash(e, action.policy, action.state === 'created');
    case 'completeIdentityStep': {
      if (pathIn(e) === 'securityDefaults' && ['blockAllCa', 'mfaAdmins'].includes(action.step)) {
        const gap = securityDefaultsGap(e);
        return gap
          ? clash('You recorded security defaults as on', `the tenant lacks ${gap}`)
          : undefined;
      }
      return policyClash(e, action.step, true);
    }
    case 'recordMfaRegistration': {
      const m = mfaRead(e);
      if (!m || (m.registered === action.registered && m.total === action.total)) return undefined;
      return clash(
        `You typed ${action.registered} of ${action.total} users registered for MFA`,
        `the tenant reported ${mfaText(e, m)}`,
      );
    }
    default:
      return undefined;
  }
}
