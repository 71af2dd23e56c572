import { ROLE_LABELS } from './catalog.js';
import { finishDraft, markApplied, recordHistory, wasApplied } from './draft.js';
import type { Engagement, Person, Stamp } from './engagement.js';

/** A member Teams says joined or left the chat: its Teams id (29:…) and, when given, its object id. */
export interface MemberRef {
  teamsId?: string;
  aadObjectId?: string;
}

/** What the bot itself records (membership changes Teams reports): no person did it. */
export const BOT_ID = 'deploy-securely-bot';
export const BOT_NAME = 'Deploy Securely';

function botStamp(now: Date): Stamp {
  return { by: BOT_ID, byName: BOT_NAME, at: now.toISOString() };
}

function matches(p: Person, refs: MemberRef[]): boolean {
  return refs.some(
    (r) => (!!r.aadObjectId && r.aadObjectId === p.id) || (!!r.teamsId && r.teamsId === p.teamsId),
  );
}

/**
 * The engagement after Teams said these members left the chat (`left`) or came (back) in
 * (`joined`): a role holder who leaves keeps their role on the record and can no longer act; one
 * who comes back acts again in the same role. Undefined when nothing changes (nobody concerned,
 * already so, or this activity was recorded before), so nothing is written.
 */
export function recordMembership(
  e: Engagement,
  change: { left: MemberRef[]; joined: MemberRef[] },
  now: Date,
  activityId?: string,
): Engagement | undefined {
  if (wasApplied(e, activityId)) return undefined;
  const stamp = botStamp(now);
  const leaving = Object.values(e.people).filter((p) => !p.removed && matches(p, change.left));
  const back = Object.values(e.people).filter(
    (p) => p.removed && matches(p, change.joined) && !matches(p, change.left),
  );
  if (leaving.length === 0 && back.length === 0) return undefined;
  const draft = structuredClone(e);
  for (const p of leaving) {
    draft.people[p.id] = { ...p, removed: stamp };
    recordHistory(
      draft,
      stamp,
      'memberLeft',
      `${p.name} left the chat and can no longer act; the ${ROLE_LABELS[p.role]} role stays on the record`,
    );
  }
  for (const p of back) {
    const person = { ...p };
    delete person.removed;
    draft.people[p.id] = person;
    recordHistory(
      draft,
      stamp,
      'memberBack',
      `${p.name} is back in the chat as ${ROLE_LABELS[p.role]}`,
    );
  }
  markApplied(draft, activityId);
  return finishDraft(draft, stamp.at);
}
