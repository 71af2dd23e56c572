import { identityStepOn, isHybrid, type IdentityStepId, type Role } from './catalog.js';
import type { Engagement, Person } from './engagement.js';
import type { Capability, PathId } from './licences.js';
import { capabilitiesIn, pathIn } from './tenant-facts.js';

/** What the record says, read one way by the steps, the gates, the outputs and the cards. */

/**
 * The licences' path: CA with Microsoft Entra ID P1, security defaults without, none before the
 * licences are recorded or read from the tenant (a read wins over what was typed).
 */
export function pathOf(e: Engagement): PathId | undefined {
  return pathIn(e);
}

/** What the licences and add-ons include, as read from the tenant or recorded (nothing before). */
export function capabilities(e: Engagement): Set<Capability> {
  return capabilitiesIn(e);
}

/** Whether identities are synchronized from on-premises; undefined before the method is chosen. */
export function hybridOf(e: Engagement): boolean | undefined {
  const method = e.identity.authMethod?.method;
  return method === undefined ? undefined : isHybrid(method);
}

/** Whether a Prepare Identity step applies: 4.3 does not for cloud-only identities. */
export function identityStepApplies(e: Engagement, id: IdentityStepId): boolean {
  return id !== 'aadConnect' || hybridOf(e) !== false;
}

/** Whether a Prepare Identity step is recorded (4.2 by finalizing the authentication method). */
export function identityStepDone(e: Engagement, id: IdentityStepId): boolean {
  return id === 'authMethod' ? Boolean(e.identity.authMethod) : Boolean(e.identity.steps[id]);
}

/** "Two cloud-only break-glass accounts created (Prepare Identity 4.4)", in the path's form. */
export function identityStepLabel(e: Engagement, id: IdentityStepId): string {
  const step = identityStepOn(id, pathOf(e));
  return `${step.title} (Prepare Identity ${step.n})`;
}

/** The block-all Conditional Access policy is recorded (4.5 on the CA path) and not removed. */
export function blockAllInPlace(e: Engagement): boolean {
  return pathOf(e) === 'ca' && !!e.identity.steps.blockAllCa && !e.workshop.blockAllRemoved;
}

/** Security defaults are on (4.5 on the security-defaults path). */
export function securityDefaultsOn(e: Engagement): boolean {
  return pathOf(e) === 'securityDefaults' && !!e.identity.steps.blockAllCa;
}

/** The engagement's people with a role, by role. */
export function peopleWith(e: Engagement, role: Role): Person[] {
  return Object.values(e.people).filter((p) => p.role === role);
}
