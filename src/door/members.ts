import type { MemberFacts } from '../playbook/actions.js';
import { nameOf } from '../playbook/engagement.js';
import type { DoorContext, Invalid, Member } from './result.js';

/** Longest mailbox address (RFC 5321), tenant id and account kind kept from Teams' member list. */
export const MAX_EMAIL = 254;
export const MAX_TENANT_ID = 64;
export const MAX_USER_ROLE = 20;

/**
 * The chat member a form names, read from Teams' member list at the moment of the answer, never
 * from what the card sent. Someone of the engagement who left the chat can only lose their role
 * (`mayHaveLeft`).
 */
export function chatMember(
  ctx: DoorContext,
  personId: string,
  mayHaveLeft: boolean,
): Member | Invalid {
  const member = ctx.members.find((m) => m.id === personId);
  // Taking a role away grants nothing: it needs no member list.
  if (ctx.rosterUnavailable && !mayHaveLeft && (!member || member.departed))
    return {
      invalid:
        'Teams did not list the members of this chat just now, so I cannot check that person is in it. Please try again.',
    };
  if (!member) return { invalid: 'That person is not in this chat: choose someone from the list.' };
  if (member.departed && !mayHaveLeft)
    return {
      invalid: `${member.name} is not in this chat any more: only their role can be removed (choose "No role").`,
    };
  return member;
}

/** The member as an action names them: id, name, and what Teams' member list says of them. */
export function memberFacts(member: Member): { personId: string; name: string } & MemberFacts {
  const email = member.email?.trim().toLowerCase();
  return {
    personId: member.id,
    name: nameOf(member),
    ...(member.teamsId ? { teamsId: member.teamsId } : {}),
    ...(member.tenantId && member.tenantId.length <= MAX_TENANT_ID
      ? { homeTenantId: member.tenantId }
      : {}),
    ...(member.userRole ? { userRole: member.userRole.slice(0, MAX_USER_ROLE) } : {}),
    ...(email && email.length <= MAX_EMAIL ? { email } : {}),
  };
}
