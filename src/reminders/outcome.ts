import { backoffMs, type Backoff } from '../backoff.js';
import type { FollowUp } from '../playbook/engagement.js';
import type { SettleOutcome } from '../playbook/reminders.js';
import { DeliveryError, UndeliverableError } from './sender.js';

/** When a reminder that could not be delivered is tried again, and when the bot gives up. */
export interface ReminderRetryPolicy extends Backoff {
  /** Claims of one reminder (sends tried) before it is settled undeliverable. */
  maxAttempts: number;
}

export const DEFAULT_REMINDER_RETRY: ReminderRetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 60_000,
  maxDelayMs: 15 * 60_000,
  random: Math.random,
};

/**
 * A reminder that failed for now: due again after a backoff (or the wait the chat service asked
 * for, if longer), unless its attempts are spent.
 */
export function retryOrGiveUp(
  policy: ReminderRetryPolicy,
  followUp: FollowUp,
  error: string,
  now: Date,
  retryAfterMs = 0,
): SettleOutcome {
  const { attempts } = followUp.reminder;
  if (attempts >= policy.maxAttempts) {
    return { kind: 'undeliverable', error: `${error} Gave up after ${attempts} attempts.` };
  }
  const wait = Math.max(retryAfterMs, backoffMs(policy, attempts));
  return { kind: 'retry', error, retryAt: new Date(now.getTime() + wait) };
}

/** How a failed send settles: undeliverable when the chat refuses for good, else retried later. */
export function outcomeOfFailure(
  policy: ReminderRetryPolicy,
  followUp: FollowUp,
  err: unknown,
  now: Date,
): SettleOutcome {
  if (err instanceof UndeliverableError) return { kind: 'undeliverable', error: err.message };
  if (err instanceof DeliveryError) {
    if (!err.retryable) return { kind: 'undeliverable', error: err.message };
    return retryOrGiveUp(policy, followUp, err.message, now, err.retryAfterMs);
  }
  return retryOrGiveUp(policy, followUp, 'Not delivered: the send failed unexpectedly.', now);
}
