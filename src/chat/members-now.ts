import type { Member } from '../door/result.js';
import { holderOf } from '../playbook/actor.js';
import { StoreUnavailableError } from '../store/store.js';
import type { Engagements } from './engagements.js';
import { RosterUnavailableError, type Incoming } from './incoming.js';
import { ROSTER_UNAVAILABLE } from './replies.js';

/**
 * The chat's members as Teams lists them now, and the engagement's people who are not among
 * them (marked departed: they can only lose their role). With the store down, the chat's
 * members alone: the answer then says "not saved".
 */
export async function chatPeople(
  engagements: Engagements,
  incoming: Incoming,
  members: () => Promise<Member[]>,
): Promise<{ members: Member[]; rosterUnavailable?: boolean }> {
  const load = engagements.load(incoming.conversationId).catch((err: unknown) => {
    if (err instanceof StoreUnavailableError) return undefined;
    throw err;
  });
  const [roster, engagement] = await Promise.all([listed(members), load]);
  const known = new Set((roster ?? []).map((m) => m.id));
  // Only someone who takes part may see who else does.
  const people = engagement && holderOf(engagement, incoming.actor) ? engagement.people : {};
  const gone = Object.values(people)
    .filter((p) => !known.has(p.id))
    .map((p) => ({
      id: p.id,
      name: p.name,
      ...(p.teamsId ? { teamsId: p.teamsId } : {}),
      departed: true,
    }));
  return {
    members: [...(roster ?? []), ...gone],
    ...(roster ? {} : { rosterUnavailable: true }),
  };
}

/**
 * The person starting an engagement, as Teams' member list reports them (their tenant, account
 * kind and address go on their record), undefined when Teams cannot tell, or why they may not:
 * a card's invoke from someone the list does not hold. A message proves they are in the chat.
 */
export async function starter(
  incoming: Incoming,
  members: () => Promise<Member[]>,
): Promise<Member | undefined | string> {
  const roster = await listed(members);
  const me = roster?.find((m) => m.id === incoming.actor?.id);
  if (me || incoming.posted) return me;
  return roster ? NOT_A_MEMBER : `${ROSTER_UNAVAILABLE} Please try again.`;
}

const NOT_A_MEMBER =
  'Teams does not list you among the members of this chat, so you cannot start its engagement. Nothing was changed.';

/** The chat's members, or undefined when Teams cannot list them just now. */
async function listed(members: () => Promise<Member[]>): Promise<Member[] | undefined> {
  try {
    return await members();
  } catch (err) {
    if (err instanceof RosterUnavailableError) return undefined;
    throw err;
  }
}
