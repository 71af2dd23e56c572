import { FOLLOW_UP_KINDS, titleOf } from './catalog.js';
import type { Engagement, FollowUp, Stamp } from './engagement.js';
import { finishDraft, recordHistory } from './draft.js';
import { LIMITS } from './limits.js';
import { clipBytes } from './text-size.js';
import { sayInstant } from './time.js';

/**
 * The reminder life cycle of follow-ups, as pure functions a scheduler applies with conditional
 * writes: a due reminder is claimed by one instance ('sending', until the claim expires), then
 * settled by that same instance. A claim whose instance died expires and is claimed again.
 */

export interface ClaimResult {
  /** The engagement after claiming; the very object given when nothing changed. */
  engagement: Engagement;
  /** Follow-ups whose reminder this instance now holds and must send, as in `engagement`. */
  claimed: FollowUp[];
  /** Follow-ups whose reminder fell due only after the meeting had started: never sent. */
  missed: FollowUp[];
}

export type SettleOutcome =
  | { kind: 'sent' }
  | { kind: 'undeliverable'; error: string }
  /** Not delivered now, may be later: back to pending, due again at `retryAt`. */
  | { kind: 'retry'; error: string; retryAt: Date };

/** The bot as the author of history entries. */
export function botStamp(now: Date): Stamp {
  return { by: 'bot', byName: 'the bot', at: now.toISOString() };
}

type Reminder = FollowUp['reminder'];

/** The reminder without its claim (and without its last error, when asked). */
function unclaimed(r: Reminder, dropError = false): Reminder {
  const copy = { ...r };
  delete copy.claimedBy;
  delete copy.claimExpiresAt;
  if (dropError) delete copy.lastError;
  return copy;
}

function isDue(f: FollowUp, now: number): boolean {
  if (f.cancelled) return false;
  const r = f.reminder;
  if (r.state === 'pending') return Date.parse(r.dueAt) <= now;
  if (r.state === 'sending') return !r.claimExpiresAt || Date.parse(r.claimExpiresAt) <= now;
  return false;
}

function meetingOf(f: FollowUp): string {
  return `${titleOf(FOLLOW_UP_KINDS, f.kind).toLowerCase()} of ${sayInstant(f.startsAt, f.timeZone)}`;
}

function clip(text: string): string {
  return clipBytes(text, LIMITS.errorText);
}

/**
 * Claims for `instanceId` every reminder that is due at `now` (pending and due, or sending under a
 * claim that expired) whose meeting is still ahead; marks missed those whose meeting has started.
 * Cancelled follow-ups are left alone. The given engagement is never changed.
 */
export function claimDue(
  e: Engagement,
  instanceId: string,
  now: Date,
  claimMs: number,
): ClaimResult {
  const at = now.getTime();
  if (!e.followUps.some((f) => isDue(f, at))) return { engagement: e, claimed: [], missed: [] };
  const draft = structuredClone(e);
  const claimed: FollowUp[] = [];
  const missed: FollowUp[] = [];
  for (const f of draft.followUps) {
    if (!isDue(f, at)) continue;
    const rest = unclaimed(f.reminder);
    if (Date.parse(f.startsAt) > at) {
      f.reminder = {
        ...rest,
        state: 'sending',
        claimedBy: instanceId,
        claimExpiresAt: new Date(at + claimMs).toISOString(),
        attempts: rest.attempts + 1,
      };
      claimed.push(f);
    } else {
      f.reminder = { ...rest, state: 'missed', settledAt: now.toISOString() };
      missed.push(f);
      recordHistory(
        draft,
        botStamp(now),
        'reminderMissed',
        `missed the reminder for the ${meetingOf(f)}: the meeting had already started`,
      );
    }
  }
  return { engagement: finishDraft(draft, now.toISOString()), claimed, missed };
}

/**
 * Settles a reminder this instance claimed. When the reminder is no longer claimed by
 * `instanceId` (its claim expired and another instance took it, or the FM rescheduled or the
 * reminder was settled already), the given engagement is returned unchanged.
 */
export function settle(
  e: Engagement,
  followUpId: string,
  instanceId: string,
  outcome: SettleOutcome,
  now: Date,
): Engagement {
  const index = e.followUps.findIndex((f) => f.id === followUpId);
  const current = e.followUps[index];
  if (!current || current.reminder.state !== 'sending' || current.reminder.claimedBy !== instanceId)
    return e;
  const draft = structuredClone(e);
  const f = draft.followUps[index];
  const rest = unclaimed(f.reminder, true);
  const settledAt = now.toISOString();
  switch (outcome.kind) {
    case 'sent':
      f.reminder = { ...rest, state: 'sent', settledAt };
      recordHistory(
        draft,
        botStamp(now),
        'reminderSent',
        `reminded the chat of the ${meetingOf(f)}`,
      );
      break;
    case 'undeliverable':
      f.reminder = { ...rest, state: 'undeliverable', lastError: clip(outcome.error), settledAt };
      recordHistory(
        draft,
        botStamp(now),
        'reminderUndeliverable',
        `could not deliver the reminder for the ${meetingOf(f)}: ${clip(outcome.error)}`,
      );
      break;
    case 'retry':
      f.reminder = {
        ...rest,
        state: 'pending',
        dueAt: outcome.retryAt.toISOString(),
        lastError: clip(outcome.error),
      };
      break;
  }
  return finishDraft(draft, now.toISOString());
}
