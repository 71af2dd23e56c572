/** Who did something and who takes part: the stamp every record carries, the actor and the person. */
import type { Role, StakeholderTitle } from './catalog.js';

/** Who did something, and when (ISO 8601, UTC). */
export interface Stamp {
  by: string;
  byName: string;
  at: string;
}

/**
 * The person acting: their Microsoft Entra object id, the same in every chat, and the tenant the
 * activity names (the conversation's tenant as Teams reports it, which hosts the chat).
 */
export interface Actor {
  id: string;
  name: string;
  tenantId: string;
  /** The person's Teams user id (29:…), which card refresh lists name; the id above is the key. */
  teamsId?: string;
}

/** A role a person held before the one they hold now, and who ended it when. */
export interface FormerRole {
  role: Role;
  title?: StakeholderTitle;
  until: Stamp;
}

/**
 * Someone the FM gave a role. A person is their Entra object id (`id`) in their tenant
 * (`homeTenantId`): for a guest, the tenant hosting the chat, where the guest account lives; for
 * a shared channel's external member, their own organization's.
 */
export interface Person {
  id: string;
  name: string;
  role: Role;
  title?: StakeholderTitle;
  /** Teams user id (29:…), for user-specific card views. */
  teamsId?: string;
  assigned: Stamp;
  /** The person's tenant as Teams' member list reports it; absent on older records (then the host's). */
  homeTenantId?: string;
  /** What Teams' member list calls the account: `user`, or `guest` for a guest account. */
  userRole?: string;
  /**
   * The mailbox address Teams' member list reports, lower-cased: it links a person's guest
   * account with their own for their list of engagements, and is never shown on a card.
   */
  email?: string;
  /** Teams said the person left the chat: the role stays on the record, and they can no longer act. */
  removed?: Stamp;
  /** Roles held before, oldest first (an FM who handed the role over keeps it here). */
  formerRoles?: FormerRole[];
}
