import { AGENDA_TOPICS, FEATURES, IDENTITY_STEPS, type IdentityStepId } from './catalog.js';
import type { Engagement } from './engagement.js';
import {
  hybridOf,
  identityStepApplies,
  identityStepDone,
  identityStepLabel,
  peopleWith,
  pathOf,
} from './facts.js';
import { mfaRead, mfaText, policyGap, securityDefaultsGap, tenantFacts } from './tenant-facts.js';
import type { TenantPolicyId } from './tenant-read.js';

/** What each rule of the gate table finds missing (the table itself is in gates.ts). */

export const LICENSING = "the customer's licences and security add-ons, recorded";

/**
 * Prepare Identity runs in the seed's order (4.1 -> 4.6): a step only once every applicable step
 * before it is recorded (4.3 does not apply to cloud-only identities).
 */
export function identityOrderMissing(e: Engagement, step: IdentityStepId): string[] {
  const index = IDENTITY_STEPS.findIndex((s) => s.id === step);
  return IDENTITY_STEPS.slice(0, Math.max(0, index))
    .filter((s) => identityStepApplies(e, s.id) && !identityStepDone(e, s.id))
    .map((s) => identityStepLabel(e, s.id));
}

export function cloudOnly(e: Engagement): string | undefined {
  return hybridOf(e) === false
    ? 'cloud-only identities are not synchronized, so task 1141 and Microsoft Entra Connect Sync (Prepare Identity 4.3) do not apply'
    : undefined;
}

/** G3's items: 4.2/4.3 (hybrid), 4.4, 4.5 in place, 4.6. */
export function g3Missing(e: Engagement): string[] {
  const missing: string[] = [];
  const need = (id: IdentityStepId) => {
    if (!identityStepDone(e, id)) missing.push(identityStepLabel(e, id));
  };
  need('authMethod');
  if (hybridOf(e) !== false) need('aadConnect');
  need('breakGlass');
  need('blockAllCa');
  const removal = e.workshop.blockAllRemoved;
  if (e.identity.steps.blockAllCa && removal && !removal.syncWasReady)
    missing.push(
      'the block-all Conditional Access policy in place (Prepare Identity 4.5): it was removed before identity synchronization was ready',
    );
  need('mfaAdmins');
  // Where the tenant was read, 4.5 and 4.6 must be in force there too.
  const read =
    pathOf(e) === 'ca'
      ? [policyGap(e, 'blockAll'), policyGap(e, 'mfaAdmins')]
      : [securityDefaultsGap(e)];
  for (const gap of read) if (gap) missing.push(gap);
  return missing;
}

/** A CA policy of G4: the tenant's where read (report-only is not in force), else the typed state. */
function policyMissing(
  e: Engagement,
  id: TenantPolicyId & ('mfaAllUsers' | 'blockLegacy'),
  typed: string,
): string[] {
  const gap = policyGap(e, id);
  if (gap !== undefined) return gap ? [gap] : [];
  return e.workshop.caPolicies[id]?.state === 'created' ? [] : [typed];
}

/** MFA registration for G4: the tenant's count where read, else the typed one. */
function registrationMissing(e: Engagement): string[] {
  const read = mfaRead(e);
  const m = read ?? e.workshop.mfaRegistration;
  if (!m || m.total === 0) return ['the number of users registered for MFA, recorded'];
  if (m.registered >= m.total) return [];
  const left = m.total - m.registered;
  const source = read ? `: ${mfaText(e, read)}` : '';
  return [`all users registered for MFA (${left} of ${m.total} not yet${source})`];
}

export function g4Missing(e: Engagement): string[] {
  const missing: string[] = [];
  if (hybridOf(e) === false) {
    for (const id of ['breakGlass', 'blockAllCa', 'mfaAdmins'] as const)
      if (!identityStepDone(e, id)) missing.push(identityStepLabel(e, id));
  } else if (!e.identity.syncReady) {
    missing.push('identity synchronization (task 1141) marked ready, under gate G3');
  }
  missing.push(
    ...policyMissing(
      e,
      'mfaAllUsers',
      'a Conditional Access policy requiring MFA for all users, created',
    ),
    ...policyMissing(
      e,
      'blockLegacy',
      'a Conditional Access policy blocking legacy authentication, created',
    ),
    ...registrationMissing(e),
  );
  return missing;
}

/** Features without a decision, or not planned without a reason. */
export function undecidedFeatures(e: Engagement): string[] {
  const missing: string[] = [];
  for (const feature of FEATURES) {
    const decision = e.workshop.decisions[feature.id];
    if (!decision) missing.push(`a decision on "${feature.title}"`);
    else if (decision.choice === 'notPlanned' && !decision.reason)
      missing.push(`the reason "${feature.title}" is not planned`);
  }
  return missing;
}

/** Agenda topics no stakeholder has acknowledged (the customer understands the features). */
export function unacknowledged(e: Engagement): string[] {
  const stakeholders = new Set(peopleWith(e, 'stakeholder').map((p) => p.id));
  const acks = Object.entries(e.conversation.acknowledgements).filter(([id]) =>
    stakeholders.has(id),
  );
  return AGENDA_TOPICS.filter((t) => !acks.some(([, a]) => a.topics.includes(t.id))).map(
    (t) => `the agenda topic "${t.title}" acknowledged by a stakeholder`,
  );
}

export function conversationMissing(e: Engagement, now: Date): string[] {
  const missing: string[] = [];
  const { scheduledFor, invited } = e.conversation;
  if (!e.licensing && !tenantFacts(e)) missing.push(LICENSING);
  if (!scheduledFor) missing.push('the conversation scheduled, with the stakeholders invited');
  else {
    if (Date.parse(scheduledFor) > now.getTime())
      missing.push('the scheduled start of the conversation, passed');
    if (invited.length === 0) missing.push('at least one stakeholder invited');
  }
  return missing;
}
