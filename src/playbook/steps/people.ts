import type { ActionOf, MemberFacts } from '../actions.js';
import { ROLE_LABELS, type Role, type StakeholderTitle } from '../catalog.js';
import type { Person, Stamp } from '../engagement.js';
import { LIMITS } from '../limits.js';
import { refuse } from '../refusal.js';
import type { StepContext, StepResult } from './context.js';
import { tooLong } from './text.js';

/**
 * How many former roles one person's record keeps: the last two (an FM who handed over, and what
 * they were before). The history keeps every change; more would let 200 people's records outgrow
 * what one engagement document may hold.
 */
export const MAX_FORMER_ROLES = 2;

/**
 * What Teams' member list said of the person, newest first: the record's facts where the action
 * brings none. A person given a role from the member list is in the chat, so no longer "left".
 */
export function withFacts(a: MemberFacts, current: Person | undefined): MemberFacts {
  const teamsId = a.teamsId || current?.teamsId;
  const homeTenantId = a.homeTenantId || current?.homeTenantId;
  const userRole = a.userRole || current?.userRole;
  const email = a.email || current?.email;
  return {
    ...(teamsId ? { teamsId } : {}),
    ...(homeTenantId ? { homeTenantId } : {}),
    ...(userRole ? { userRole } : {}),
    ...(email ? { email } : {}),
  };
}

/** The former roles of a person whose role becomes `role`: the one they leave is added, with when. */
export function formerRolesAfter(
  current: Person | undefined,
  role: Role,
  title: StakeholderTitle | undefined,
  until: Stamp,
): Pick<Person, 'formerRoles'> {
  const before = current?.formerRoles ?? [];
  if (!current || (current.role === role && current.title === title))
    return before.length ? { formerRoles: before } : {};
  const left = { role: current.role, ...(current.title ? { title: current.title } : {}), until };
  return { formerRoles: [...before, left].slice(-MAX_FORMER_ROLES) };
}

/**
 * The FastTrack Manager gives the role to another member of the chat (before leave, say). An
 * engagement has exactly one FM: the one handing over becomes what they chose, or leaves the
 * engagement; both records keep the roles they held, and the history says who handed to whom.
 */
export function handOverFm(ctx: StepContext, a: ActionOf<'handOverFm'>): StepResult {
  const { draft, actor, stamp } = ctx;
  const name = a.name.trim();
  if (!a.personId) return refuse('invalid', 'Choose the member who becomes the FastTrack Manager.');
  if (a.personId === actor.id)
    return refuse('invalid', 'You are the FastTrack Manager already: choose someone else.');
  if (!name) return refuse('invalid', "The person's name is missing.");
  const long = tooLong('name', name, LIMITS.name);
  if (long) return long;
  const outgoing = draft.people[actor.id];
  const target = draft.people[a.personId];
  if (!target && a.then !== 'none' && Object.keys(draft.people).length >= LIMITS.people)
    return refuse('invalid', `An engagement holds at most ${LIMITS.people} people.`);
  draft.people[a.personId] = {
    ...withFacts(a, target),
    id: a.personId,
    name,
    role: 'FM',
    assigned: stamp,
    ...formerRolesAfter(target, 'FM', undefined, stamp),
  };
  if (a.then === 'none') {
    delete draft.people[actor.id];
    return { summary: `handed the FastTrack Manager role to ${name} and left the engagement` };
  }
  draft.people[actor.id] = {
    ...outgoing,
    role: a.then,
    assigned: stamp,
    ...formerRolesAfter(outgoing, a.then, undefined, stamp),
  };
  return {
    summary: `handed the FastTrack Manager role to ${name} and is now ${ROLE_LABELS[a.then]}`,
  };
}
