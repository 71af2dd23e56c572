import type { ActionType } from './actions.js';
import { ROLE_LABELS } from './catalog.js';
import type { Actor, Engagement, Person } from './engagement.js';
import { PERMISSIONS } from './permissions.js';
import { refuse, type Refusal } from './refusal.js';

/**
 * Where a person stands in an engagement. The engagement belongs to the chat and to the tenant
 * hosting it; a person takes part through the role the FM gave them, whichever organization they
 * come from. Their identity is their Entra object id in their tenant: an activity counts as theirs
 * when it names the hosting tenant (guests, and everyone where Teams reports the host) or the
 * tenant Teams' member list reported for them (a shared channel's external member).
 */
export type Standing =
  /** Holds a role, is in the chat, and the activity's tenant is one the person acts in. */
  | { kind: 'holder'; person: Person }
  /** No role in the engagement; `hostTenant` when the activity names the hosting tenant. */
  | { kind: 'noRole'; hostTenant: boolean }
  /** Holds a role on the record, but Teams said they left the chat. */
  | { kind: 'removed'; person: Person }
  /** The object id holds a role, but the activity names neither the host nor the person's tenant. */
  | { kind: 'otherTenant' };

/** The tenant a person's identity belongs to; records made before it was kept are the host's. */
export function homeTenantOf(e: Engagement, person: Person): string {
  return person.homeTenantId ?? e.tenantId;
}

export function standing(e: Engagement, actor: Actor): Standing {
  const person = e.people[actor.id];
  if (!person) return { kind: 'noRole', hostTenant: actor.tenantId === e.tenantId };
  if (actor.tenantId !== e.tenantId && actor.tenantId !== homeTenantOf(e, person))
    return { kind: 'otherTenant' };
  if (person.removed) return { kind: 'removed', person };
  return { kind: 'holder', person };
}

/** The active role holder behind the actor, or undefined for anyone who may not act at all. */
export function holderOf(e: Engagement, actor: Actor | undefined): Person | undefined {
  if (!actor) return undefined;
  const s = standing(e, actor);
  return s.kind === 'holder' ? s.person : undefined;
}

/**
 * Why someone without an active role may not act: never naming the customer or anyone in the
 * engagement, since the person may not even be in the chat.
 */
export function outsiderRefusal(s: Exclude<Standing, { kind: 'holder' }>): Refusal {
  switch (s.kind) {
    case 'noRole':
      return refuse(
        'outsider',
        "You have no role in this chat's engagement: the FastTrack Manager gives roles on the roles card. Nothing was changed.",
      );
    case 'removed':
      return refuse(
        'outsider',
        'You are no longer in this chat, so you can no longer act in its engagement; what you recorded is kept. Nothing was changed.',
      );
    case 'otherTenant':
      return refuse(
        'outsider',
        'You are signed in to another organization than the one this engagement knows you from. Nothing was changed.',
      );
  }
}

/** Whether the actor may act on this engagement at all, and may take this action. */
export function checkActor(e: Engagement, type: ActionType, actor: Actor): Refusal | undefined {
  const s = standing(e, actor);
  if (s.kind !== 'holder') return outsiderRefusal(s);
  const allowed = PERMISSIONS[type];
  if (!allowed.includes(s.person.role)) {
    const who = allowed.map((r) => ROLE_LABELS[r]).join(' or ');
    return refuse(
      'notAllowed',
      `Only the ${who} can do that; you are the ${ROLE_LABELS[s.person.role]}. Nothing was changed.`,
    );
  }
  return undefined;
}
