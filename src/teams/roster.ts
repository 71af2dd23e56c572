import { TeamsInfo, type TeamsChannelAccount, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { RosterUnavailableError } from '../chat/incoming.js';
import type { Member } from '../door/result.js';

/** Members asked for per page (Teams serves 50 to 500), and the most read for one answer. */
const PAGE_SIZE = 200;
const MAX_MEMBERS = 1000;

/**
 * A member as Teams lists it. Teams' REST answer names the Entra object id `objectId` (as in
 * Microsoft's documented samples), which botbuilder passes through untyped; `aadObjectId` where
 * a client sends that.
 */
function member(m: TeamsChannelAccount & { objectId?: unknown }): Member | undefined {
  const id = m.aadObjectId || (typeof m.objectId === 'string' ? m.objectId : undefined);
  if (!id) return undefined;
  return {
    id,
    name: m.name || m.givenName || 'Unnamed member',
    teamsId: m.id,
    ...(m.tenantId ? { tenantId: m.tenantId } : {}),
    ...(m.userRole ? { userRole: m.userRole } : {}),
    ...(m.email ? { email: m.email } : {}),
  };
}

/**
 * The conversation's members as Teams lists them (`GET v3/conversations/{id}/pagedmembers`), up
 * to 1,000: in a channel, the channel's own members, a shared channel's external members
 * included, each with their tenant, account kind and address. TeamsInfo.getPagedMembers would
 * read the host team's member list in any channel, which lacks a shared channel's external
 * members; the conversation's id, without a reply thread's ";messageid=", names the channel
 * itself. Throws when Teams cannot tell.
 */
export async function readMembers(context: TurnContext): Promise<Member[]> {
  const conversationId = (context.activity.conversation?.id ?? '').split(';messageid=')[0];
  if (!conversationId) throw new Error('The activity names no conversation.');
  const members: Member[] = [];
  let token: string | undefined;
  do {
    // Despite its name, this reads GET v3/conversations/{the id given}/pagedmembers.
    const page = await TeamsInfo.getPagedTeamMembers(context, conversationId, PAGE_SIZE, token);
    for (const m of page.members) {
      const read = member(m);
      if (read) members.push(read);
    }
    token = page.continuationToken;
  } while (token && members.length < MAX_MEMBERS);
  return members;
}

/** The chat's members; RosterUnavailableError (logged) when Teams does not answer. */
export async function chatRoster(context: TurnContext, logger: Logger): Promise<Member[]> {
  try {
    return await readMembers(context);
  } catch (err) {
    logger.warn({ err: (err as Error).message }, 'could not read the chat roster');
    throw new RosterUnavailableError({ cause: err });
  }
}

/** The conversation's members for one turn: read from Teams once, when first needed. */
export function rosterOf(context: TurnContext, logger: Logger): () => Promise<Member[]> {
  let read: Promise<Member[]> | undefined;
  return () => (read ??= chatRoster(context, logger));
}
