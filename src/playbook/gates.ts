import { FEATURES, IDENTITY_STEPS, type IdentityStepId } from './catalog.js';
import type { Engagement } from './engagement.js';

const stepTitle = (id: IdentityStepId): string => {
  const step = IDENTITY_STEPS.find((s) => s.id === id);
  return step ? `${step.title} (Prepare Identity ${step.n})` : id;
};

/** Whether a Prepare Identity step is recorded (4.2 by finalizing the authentication method). */
export function identityStepDone(e: Engagement, id: IdentityStepId): boolean {
  return id === 'authMethod' ? Boolean(e.identity.authMethod) : Boolean(e.identity.steps[id]);
}

/**
 * Prepare Identity runs in the seed's order (4.1 -> 4.6): a step only once every step before it is
 * recorded. AAD Connect follows the initial identity steps (forests, authentication method); the
 * break-glass accounts come before the block-all policy that excludes them; MFA for admins is last.
 */
export function identityOrderMissing(e: Engagement, step: IdentityStepId): string[] {
  const index = IDENTITY_STEPS.findIndex((s) => s.id === step);
  return IDENTITY_STEPS.slice(0, Math.max(0, index))
    .filter((s) => !identityStepDone(e, s.id))
    .map((s) => stepTitle(s.id));
}

/** G1: nothing starts before the FM confirms the kickoff call. */
export function g1Missing(e: Engagement): string[] {
  return e.kickoff ? [] : ['the FastTrack manager confirms the kickoff call is completed'];
}

/** G2: the authentication method only after forests are identified and UPNs cleaned up. */
export function g2Missing(e: Engagement): string[] {
  return e.identity.steps.forests ? [] : [stepTitle('forests')];
}

/** G3: identity synchronization (task 1141) is ready only with 4.4, 4.5 and 4.6 done. */
export function g3Missing(e: Engagement): string[] {
  const required = ['breakGlass', 'blockAllCa', 'mfaAdmins'] as const;
  return required.filter((id) => !e.identity.steps[id]).map(stepTitle);
}

/** G4: the block-all CA policy goes only once the required CA policies exist and all users registered for MFA. */
export function g4Missing(e: Engagement): string[] {
  const missing: string[] = [];
  const { caPolicies, mfaRegistration } = e.workshop;
  if (caPolicies.mfaAllUsers?.state !== 'created')
    missing.push('a Conditional Access policy requiring MFA for all users, created');
  if (caPolicies.blockLegacy?.state !== 'created')
    missing.push('a Conditional Access policy blocking legacy authentication, created');
  if (!mfaRegistration || mfaRegistration.total === 0) {
    missing.push('the number of users registered for MFA, recorded');
  } else if (mfaRegistration.registered < mfaRegistration.total) {
    const left = mfaRegistration.total - mfaRegistration.registered;
    missing.push(`all users registered for MFA (${left} of ${mfaRegistration.total} not yet)`);
  }
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

/** G5: on to the next phase only with 4017, 3736, 3720 done and the key outputs complete. */
export function g5Missing(e: Engagement): string[] {
  const missing: string[] = [];
  if (!e.conversation.delivered)
    missing.push('task 4017: the M365 Security Conversation delivered');
  if (!e.identity.authMethod) missing.push('task 3736: the authentication method chosen');
  if (!e.workshop.delivered)
    missing.push('task 3720: the Identity and Device Security workshop delivered');
  return [...missing, ...undecidedFeatures(e)];
}
