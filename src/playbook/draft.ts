import type { Engagement, Stamp } from './engagement.js';
import { LIMITS } from './limits.js';
import { clipBytes } from './text-size.js';
import { nextReminderAt } from './steps/followups.js';

/** Drops the oldest items of a list kept newest last, down to `max`. */
function keepNewest(list: unknown[], max: number): void {
  if (list.length > max) list.splice(0, list.length - max);
}

/**
 * A copy of the engagement to change, the given one left as it is. The audit trail and the applied
 * activity ids only ever gain new entries and drop old ones, never change one in place, so their
 * entries are shared rather than copied: in a long-lived engagement most of the bytes are there.
 */
export function draftOf(e: Engagement): Engagement {
  const draft: Engagement = structuredClone({ ...e, history: [], appliedActivityIds: [] });
  draft.history = [...e.history];
  draft.appliedActivityIds = [...e.appliedActivityIds];
  return draft;
}

/** One line in the engagement's audit trail (at most LIMITS.historyLine bytes); the oldest lines go past LIMITS.history. */
export function recordHistory(
  draft: Engagement,
  who: Stamp,
  action: string,
  summary: string,
): void {
  draft.history.push({ ...who, action, summary: clipBytes(summary, LIMITS.historyLine) });
  keepNewest(draft.history, LIMITS.history);
}

/**
 * What every change of an engagement ends with: the earliest moment a reminder scheduler has work
 * on it (denormalized for the due query), and when it changed.
 */
export function finishDraft(draft: Engagement, at: string): Engagement {
  const next = nextReminderAt(draft);
  if (next) draft.nextReminderAt = next;
  else delete draft.nextReminderAt;
  draft.updatedAt = at;
  return draft;
}

/** Whether the activity was applied already (Teams delivers it again when an answer is slow). */
export function wasApplied(e: Engagement, activityId: string | undefined): boolean {
  return !!activityId && e.appliedActivityIds.includes(activityId);
}

/** Remembers an applied activity, so its redelivery changes nothing twice. */
export function markApplied(draft: Engagement, activityId: string | undefined): void {
  if (!activityId) return;
  draft.appliedActivityIds.push(activityId);
  keepNewest(draft.appliedActivityIds, LIMITS.appliedActivityIds);
}

/**
 * The engagement with `activityId` remembered as answered by a post to the chat (the summary
 * export, a card typed for): nothing else changes. Undefined when it was answered already, so a
 * redelivery posts nothing twice.
 */
export function markPosted(e: Engagement, activityId: string): Engagement | undefined {
  if (wasApplied(e, activityId)) return undefined;
  const draft = draftOf(e);
  markApplied(draft, activityId);
  return draft;
}
