import type { ActionOf } from '../actions.js';
import { AGENDA_TOPICS, titleOf } from '../catalog.js';
import type { Engagement } from '../engagement.js';
import { gateRefusal } from '../gates.js';
import { LICENCES } from '../licences.js';
import { LIMITS } from '../limits.js';
import { isRefusal, refuse, type Refusal } from '../refusal.js';
import type { StepContext, StepResult } from './context.js';
import { isIsoInstant, sayInstant } from '../time.js';
import { forWhom, subjectOf } from './on-behalf.js';
import { tooLong } from './text.js';

/** How far ahead a meeting may be scheduled. */
const MAX_AHEAD_MS = 365 * 86_400_000;

/** The invited stakeholders' names, or why the list is not right. */
function inviteesOf(e: Engagement, invited: readonly string[]): string[] | Refusal {
  const ids = [...new Set(invited)];
  if (ids.length === 0) return refuse('invalid', 'Invite at least one stakeholder, by role.');
  if (ids.length > LIMITS.attendees)
    return refuse('invalid', `Invite at most ${LIMITS.attendees} stakeholders.`);
  const people = ids.map((id) => e.people[id]);
  if (people.some((p) => !p || p.role !== 'stakeholder' || !p.title))
    return refuse(
      'invalid',
      'Invite the stakeholders of this engagement (each with a title such as BDM or Security Architect).',
    );
  return people.map((p) => `${p?.name} (${p?.title})`);
}

/**
 * The M365 Security Conversation is scheduled ahead (at most a year); until it is delivered its
 * time and invitees stay correctable, and a correction may also name a time that has passed (the
 * meeting took place earlier than planned), though not before the kickoff call was confirmed.
 */
export function scheduleConversation(
  ctx: StepContext,
  a: ActionOf<'scheduleConversation'>,
): StepResult {
  const { draft, now } = ctx;
  if (!isIsoInstant(a.startsAt)) return refuse('invalid', 'Give the date and time of the meeting.');
  if (draft.conversation.delivered) {
    return refuse('invalid', 'The M365 Security Conversation is already delivered.');
  }
  const at = Date.parse(a.startsAt);
  const correction = !!draft.conversation.scheduledFor;
  if (!correction && at <= now.getTime()) {
    return refuse('invalid', 'The meeting is in the past: choose a time ahead.');
  }
  if (correction && draft.kickoff && at < Date.parse(draft.kickoff.at)) {
    return refuse('invalid', 'The meeting cannot be before the kickoff call was confirmed.');
  }
  if (at > now.getTime() + MAX_AHEAD_MS) {
    return refuse('invalid', 'Schedule the meeting within a year.');
  }
  const invitees = inviteesOf(draft, a.invited);
  if (isRefusal(invitees)) return invitees;
  const { conversation } = draft;
  conversation.scheduledFor = new Date(at).toISOString();
  conversation.scheduled = ctx.stamp;
  conversation.invited = [...new Set(a.invited)];
  if (a.timeZone) conversation.timeZone = a.timeZone;
  const when = sayInstant(conversation.scheduledFor, a.timeZone);
  return {
    summary: `${correction ? 'rescheduled' : 'scheduled'} the M365 Security Conversation for ${when}, inviting ${invitees.join(', ')}`,
  };
}

export function acknowledgeAgenda(ctx: StepContext, a: ActionOf<'acknowledgeAgenda'>): StepResult {
  const subject = subjectOf(ctx, a.onBehalfOf);
  if (isRefusal(subject)) return subject;
  const question = a.question.trim();
  if (a.topics.length === 0 && !question) {
    return refuse('invalid', 'Tick the agenda topics you acknowledge, or ask a question.');
  }
  const long = tooLong('question', question, LIMITS.longText);
  if (long) return long;
  const { conversation } = ctx.draft;
  if (question && conversation.questions.length >= LIMITS.questions) {
    return refuse(
      'invalid',
      `The agenda holds at most ${LIMITS.questions} questions; ask in the chat.`,
    );
  }
  const parts: string[] = [];
  const behalf = subject.onBehalfOf ? { onBehalfOf: subject.onBehalfOf } : {};
  if (a.topics.length > 0) {
    const topics = AGENDA_TOPICS.map((t) => t.id).filter((id) => a.topics.includes(id));
    conversation.acknowledgements[subject.id] = { ...ctx.stamp, topics, ...behalf };
    parts.push(
      `acknowledged ${topics.map((t) => titleOf(AGENDA_TOPICS, t).toLowerCase()).join('; ')}`,
    );
  }
  if (question) {
    conversation.questions.push({ ...ctx.stamp, text: question });
    parts.push('asked a question');
  }
  return { summary: `${forWhom(subject)}${parts.join(' and ')}` };
}

export function selfAssess(ctx: StepContext, a: ActionOf<'selfAssess'>): StepResult {
  ctx.draft.conversation.selfAssessments[ctx.actor.id] = { ...ctx.stamp, levels: { ...a.levels } };
  const { identity, device, information } = a.levels;
  return {
    summary: `assessed identity security as ${identity}, device security as ${device}, information security as ${information}`,
  };
}

/**
 * Task 4017 delivered: after the licences, at or after the scheduled start, with stakeholders
 * invited; who attended is recorded (the invited stakeholders unless said otherwise).
 */
export function deliverConversation(
  ctx: StepContext,
  a: ActionOf<'deliverConversation'>,
): StepResult {
  const { draft } = ctx;
  if (draft.conversation.delivered) {
    return refuse('invalid', 'The M365 Security Conversation (task 4017) is already delivered.');
  }
  const closed = gateRefusal('task4017', draft, ctx.now);
  if (closed) return closed;
  const attended = [...new Set(a.attended?.length ? a.attended : draft.conversation.invited)];
  if (attended.length > LIMITS.attendees || attended.some((id) => !draft.people[id]))
    return refuse('invalid', 'Attendees must be people of this engagement.');
  if (!attended.some((id) => draft.people[id]?.role === 'stakeholder'))
    return refuse(
      'invalid',
      'No stakeholder of the customer attended: reschedule the conversation instead.',
    );
  draft.conversation.delivered = ctx.stamp;
  draft.conversation.attended = attended;
  const licences = (draft.licensing?.licences ?? []).map((l) => titleOf(LICENCES, l)).join(', ');
  const who = attended.map((id) => draft.people[id]?.name).join(', ');
  return {
    summary: `delivered the M365 Security Conversation (task 4017) with ${who}; licences: ${licences}`,
  };
}
