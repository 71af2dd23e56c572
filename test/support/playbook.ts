/**
 * The cast of every test engagement, and the one way a test takes an action it expects to
 * succeed. Fixture modules (test/support/engagements.ts, test/playbook/builders.ts,
 * test/store/fixtures.ts, test/reminders/build.ts) build their engagements from these.
 */
import type { Action } from '../../src/playbook/actions.js';
import { apply, type Applied } from '../../src/playbook/apply.js';
import type { Actor, Engagement } from '../../src/playbook/engagement.js';
import { describeRefusal, isRefusal } from '../../src/playbook/refusal.js';
import { startEngagement, type StartInput } from '../../src/playbook/start.js';

export const TENANT = 'tenant-contoso-0001';
export const OTHER_TENANT = 'tenant-fabrikam-0002';

export const person = (id: string, name: string, tenantId = TENANT): Actor => ({
  id,
  name,
  tenantId,
});
export const FM = person('aad-fm-fiona', 'Fiona Meyer');
export const FE = person('aad-fe-erik', 'Erik Lund');
export const SME = person('aad-sme-sofia', 'Sofia Rossi');
export const BDM = person('aad-sh-ana', 'Ana Ruiz');
export const ARCHITECT = person('aad-sh-sam', 'Sam Okafor');
/** Same organization, in the chat, never given a role. */
export const GUEST = person('aad-guest-olga', 'Olga Novak');

/** Applies the action and expects it taken; a refusal fails the test with its message. */
export function applied(
  e: Engagement,
  actor: Actor,
  action: Action,
  now: Date,
  activityId?: string,
): Applied {
  const decision = apply(e, action, actor, now, activityId);
  if (!decision.ok)
    throw new Error(
      `${action.type} by ${actor.name} was refused: ${describeRefusal(decision.refusal)}`,
    );
  return decision;
}

/** A new engagement started by `by` (the FM unless told), or the test fails with the refusal. */
export function started(input: StartInput, now: Date, by: Actor = FM): Engagement {
  const e = startEngagement(input, by, now);
  if (isRefusal(e)) throw new Error(describeRefusal(e));
  return e;
}
