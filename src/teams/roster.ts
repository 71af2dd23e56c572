import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { Member } from '../door/result.js';

/** The chat's members (Azure AD object id, name, Teams id), up to 1,000; throws when Teams cannot tell. */
export async function readMembers(context: TurnContext): Promise<Member[]> {
  const members: Member[] = [];
  let token: string | undefined;
  do {
    const page = await TeamsInfo.getPagedMembers(context, 200, token);
    for (const m of page.members) {
      if (m.aadObjectId)
        members.push({
          id: m.aadObjectId,
          name: m.name || m.givenName || 'Unnamed member',
          teamsId: m.id,
        });
    }
    token = page.continuationToken;
  } while (token && members.length < 1000);
  return members;
}

/** The chat's members, for assigning roles. Empty when Teams cannot tell. */
export async function chatRoster(context: TurnContext, logger: Logger): Promise<Member[]> {
  try {
    return await readMembers(context);
  } catch (err) {
    logger.warn({ err: (err as Error).message }, 'could not read the chat roster');
    return [];
  }
}
