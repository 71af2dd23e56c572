import type { ActionOf } from '../actions.js';
import { FOLLOW_UP_KINDS, titleOf } from '../catalog.js';
import type { Engagement, FollowUp } from '../engagement.js';
import { LIMITS } from '../limits.js';
import { isRefusal, refuse, type Refusal } from '../refusal.js';
import type { StepContext, StepResult } from './context.js';
import { isIsoInstant, isTimeZone, sayInstant } from '../time.js';
import { tooLong } from './text.js';

function checkWhen(startsAt: string, timeZone: string, now: Date): Refusal | undefined {
  if (!isIsoInstant(startsAt)) return refuse('invalid', 'Give the date and time of the meeting.');
  if (!isTimeZone(timeZone)) return refuse('invalid', `"${timeZone}" is not a time zone I know.`);
  if (Date.parse(startsAt) <= now.getTime()) {
    return refuse('invalid', 'The meeting is in the past: choose a time ahead.');
  }
  return undefined;
}

/** The lead time is a setting passed in; a bad one must not throw out of the pure playbook. */
function checkLead(leadMinutes: number): Refusal | undefined {
  if (Number.isFinite(leadMinutes)) return undefined;
  return refuse('invalid', 'The reminder lead time must be a number of minutes.');
}

function dueAt(startsAt: string, leadMinutes: number, now: Date): string {
  const due = Date.parse(startsAt) - Math.max(0, leadMinutes) * 60_000;
  return new Date(Math.max(due, now.getTime())).toISOString();
}

export function scheduleFollowUp(ctx: StepContext, a: ActionOf<'scheduleFollowUp'>): StepResult {
  const { draft, now } = ctx;
  const invalid =
    checkWhen(a.startsAt, a.timeZone, now) ??
    checkLead(a.leadMinutes) ??
    tooLong('agenda', a.agenda, LIMITS.longText);
  if (invalid) return invalid;
  if (draft.followUps.filter((f) => !f.cancelled).length >= LIMITS.followUps) {
    return refuse(
      'invalid',
      `An engagement has at most ${LIMITS.followUps} follow-ups that are not cancelled: cancel one that is no longer needed first.`,
    );
  }
  if (a.attendees.length > LIMITS.attendees) {
    return refuse('invalid', `Invite at most ${LIMITS.attendees} attendees.`);
  }
  const strangers = a.attendees.filter((id) => !draft.people[id]);
  if (strangers.length > 0) {
    return refuse('invalid', 'Attendees must be people of this engagement.');
  }
  const dropped = makeRoom(draft);
  const startsAt = new Date(a.startsAt).toISOString();
  const followUp: FollowUp = {
    id: `fu-${lastNumber(draft) + 1}`,
    kind: a.kind,
    startsAt,
    timeZone: a.timeZone,
    attendees: [...new Set(a.attendees)],
    agenda: a.agenda.trim(),
    scheduled: ctx.stamp,
    reminder: { dueAt: dueAt(startsAt, a.leadMinutes, now), state: 'pending', attempts: 0 },
  };
  draft.followUps.push(followUp);
  const scheduled = `scheduled a ${titleOf(FOLLOW_UP_KINDS, a.kind).toLowerCase()} for ${sayInstant(startsAt, a.timeZone)}`;
  return { summary: dropped ? `${scheduled}; ${dropped}` : scheduled };
}

/** The highest number of the follow-ups' ids ("fu-12" is 12). */
function lastNumber(e: Engagement): number {
  return Math.max(0, ...e.followUps.map((f) => Number(f.id.slice(3)) || 0));
}

/**
 * With the list full (LIMITS.followUpRecords, at most LIMITS.followUps of them live, so at least
 * 10 cancelled), drops the oldest cancelled follow-up and says which, for the history: its
 * scheduling and its cancellation stay there. The newest id is never the one dropped, so ids are
 * never given twice.
 */
function makeRoom(draft: Engagement): string | undefined {
  if (draft.followUps.length < LIMITS.followUpRecords) return undefined;
  const index = draft.followUps.findIndex((f) => f.cancelled);
  if (index < 0) return undefined;
  const [old] = draft.followUps.splice(index, 1);
  if (!old?.cancelled) return undefined;
  const what = `${titleOf(FOLLOW_UP_KINDS, old.kind).toLowerCase()} of ${sayInstant(old.startsAt, old.timeZone)}`;
  return `the cancelled ${what} (${old.id}, scheduled by ${old.scheduled.byName}, cancelled by ${old.cancelled.byName}) left the list to make room`;
}

function liveFollowUp(e: Engagement, id: string): FollowUp | Refusal {
  const followUp = e.followUps.find((f) => f.id === id);
  if (!followUp) return refuse('notFound', 'That follow-up does not exist in this engagement.');
  if (followUp.cancelled) return refuse('invalid', 'That follow-up is cancelled.');
  return followUp;
}

export function rescheduleFollowUp(
  ctx: StepContext,
  a: ActionOf<'rescheduleFollowUp'>,
): StepResult {
  const followUp = liveFollowUp(ctx.draft, a.followUpId);
  if (isRefusal(followUp)) return followUp;
  const invalid = checkWhen(a.startsAt, a.timeZone, ctx.now) ?? checkLead(a.leadMinutes);
  if (invalid) return invalid;
  followUp.startsAt = new Date(a.startsAt).toISOString();
  followUp.timeZone = a.timeZone;
  followUp.reminder = {
    dueAt: dueAt(followUp.startsAt, a.leadMinutes, ctx.now),
    state: 'pending',
    attempts: 0,
  };
  return {
    summary: `moved the ${titleOf(FOLLOW_UP_KINDS, followUp.kind).toLowerCase()} to ${sayInstant(followUp.startsAt, followUp.timeZone)}`,
  };
}

export function cancelFollowUp(ctx: StepContext, a: ActionOf<'cancelFollowUp'>): StepResult {
  const followUp = liveFollowUp(ctx.draft, a.followUpId);
  if (isRefusal(followUp)) return followUp;
  followUp.cancelled = ctx.stamp;
  return {
    summary: `cancelled the ${titleOf(FOLLOW_UP_KINDS, followUp.kind).toLowerCase()} of ${sayInstant(followUp.startsAt, followUp.timeZone)}`,
  };
}

/** The earliest moment a scheduler has work on this engagement, or undefined. */
export function nextReminderAt(e: Engagement): string | undefined {
  let next: string | undefined;
  for (const f of e.followUps) {
    if (f.cancelled) continue;
    const { state, dueAt: due, claimExpiresAt } = f.reminder;
    const at = state === 'pending' ? due : state === 'sending' ? claimExpiresAt : undefined;
    if (at && (!next || at < next)) next = at;
  }
  return next;
}
