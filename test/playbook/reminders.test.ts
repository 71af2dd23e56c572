import type { Engagement } from '../../src/playbook/engagement.js';
import { claimDue, settle } from '../../src/playbook/reminders.js';
import { act, at, engagementWith } from '../reminders/build.js';

const T0 = new Date('2030-03-04T09:00:00.000Z');
const CLAIM_MS = 2 * 60_000;

/** One follow-up at T0+60 min, reminded 15 min ahead: due at T0+45. */
function oneFollowUp(): Engagement {
  return engagementWith('pure', T0, [{ inMinutes: 60 }]);
}

describe('claimDue', () => {
  it('leaves a reminder that is not due yet alone, returning the same engagement', () => {
    const e = oneFollowUp();
    expect(e.nextReminderAt).toBe(at(T0, 45).toISOString());
    const result = claimDue(e, 'a', at(T0, 44), CLAIM_MS);
    expect(result.engagement).toBe(e);
    expect(result.claimed).toEqual([]);
    expect(result.missed).toEqual([]);
  });

  it('claims a due reminder for the instance, without changing the given engagement', () => {
    const e = oneFollowUp();
    const before = structuredClone(e);
    const now = at(T0, 45);
    const { engagement, claimed, missed } = claimDue(e, 'a', now, CLAIM_MS);
    expect(e).toEqual(before);
    expect(missed).toEqual([]);
    expect(claimed.map((f) => f.id)).toEqual(['fu-1']);
    expect(engagement.followUps[0].reminder).toEqual({
      dueAt: now.toISOString(),
      state: 'sending',
      claimedBy: 'a',
      claimExpiresAt: at(now, 2).toISOString(),
      attempts: 1,
    });
    expect(engagement.nextReminderAt).toBe(at(now, 2).toISOString());
    expect(engagement.updatedAt).toBe(now.toISOString());
  });

  it('skips cancelled follow-ups', () => {
    const e = act(oneFollowUp(), { type: 'cancelFollowUp', followUpId: 'fu-1' }, at(T0, 1));
    expect(e.nextReminderAt).toBeUndefined();
    const result = claimDue(e, 'a', at(T0, 50), CLAIM_MS);
    expect(result.engagement).toBe(e);
    expect(result.claimed).toEqual([]);
  });

  it('claims a reminder that fell due during downtime while the meeting is still ahead', () => {
    const { claimed } = claimDue(oneFollowUp(), 'a', at(T0, 59), CLAIM_MS);
    expect(claimed.map((f) => f.id)).toEqual(['fu-1']);
  });

  it('marks missed, with a history entry by the bot, a reminder whose meeting has started', () => {
    const now = at(T0, 60);
    const { engagement, claimed, missed } = claimDue(oneFollowUp(), 'a', now, CLAIM_MS);
    expect(claimed).toEqual([]);
    expect(missed.map((f) => f.id)).toEqual(['fu-1']);
    expect(engagement.followUps[0].reminder).toEqual({
      dueAt: at(T0, 45).toISOString(),
      state: 'missed',
      attempts: 0,
      settledAt: now.toISOString(),
    });
    expect(engagement.nextReminderAt).toBeUndefined();
    expect(engagement.history.at(-1)).toEqual({
      by: 'bot',
      byName: 'the bot',
      at: now.toISOString(),
      action: 'reminderMissed',
      summary:
        'missed the reminder for the business value discovery of Mon, 4 Mar 2030, 11:00 (Europe/Paris): the meeting had already started',
    });
  });

  it('respects a live claim of another instance and re-claims it once expired', () => {
    const claimedByA = claimDue(oneFollowUp(), 'a', at(T0, 45), CLAIM_MS).engagement;
    const stillLive = claimDue(claimedByA, 'b', at(T0, 46), CLAIM_MS);
    expect(stillLive.engagement).toBe(claimedByA);
    expect(stillLive.claimed).toEqual([]);
    const expired = claimDue(claimedByA, 'b', at(T0, 47), CLAIM_MS);
    expect(expired.claimed.map((f) => f.id)).toEqual(['fu-1']);
    expect(expired.engagement.followUps[0].reminder).toMatchObject({
      state: 'sending',
      claimedBy: 'b',
      claimExpiresAt: at(T0, 49).toISOString(),
      attempts: 2,
    });
  });

  it('marks missed an expired claim whose meeting has started meanwhile', () => {
    const claimed = claimDue(oneFollowUp(), 'a', at(T0, 59), CLAIM_MS).engagement;
    const { engagement, missed } = claimDue(claimed, 'b', at(T0, 61), CLAIM_MS);
    expect(missed.map((f) => f.id)).toEqual(['fu-1']);
    expect(engagement.followUps[0].reminder.claimedBy).toBeUndefined();
    expect(engagement.followUps[0].reminder.state).toBe('missed');
  });

  it('claims only what is due among several follow-ups and points nextReminderAt at the rest', () => {
    const e = engagementWith('several', T0, [{ inMinutes: 60 }, { inMinutes: 180 }]);
    const { engagement, claimed } = claimDue(e, 'a', at(T0, 45), CLAIM_MS);
    expect(claimed.map((f) => f.id)).toEqual(['fu-1']);
    expect(engagement.nextReminderAt).toBe(at(T0, 47).toISOString());
    const sent = settle(engagement, 'fu-1', 'a', { kind: 'sent' }, at(T0, 46));
    expect(sent.nextReminderAt).toBe(at(T0, 165).toISOString());
  });
});

describe('settle', () => {
  const claimedAt = at(T0, 45);
  const claimed = (): Engagement => claimDue(oneFollowUp(), 'a', claimedAt, CLAIM_MS).engagement;

  it('records a sent reminder with a history entry by the bot', () => {
    const now = at(T0, 46);
    const e = settle(claimed(), 'fu-1', 'a', { kind: 'sent' }, now);
    expect(e.followUps[0].reminder).toEqual({
      dueAt: claimedAt.toISOString(),
      state: 'sent',
      attempts: 1,
      settledAt: now.toISOString(),
    });
    expect(e.nextReminderAt).toBeUndefined();
    expect(e.history.at(-1)).toMatchObject({
      by: 'bot',
      byName: 'the bot',
      action: 'reminderSent',
    });
  });

  it('ignores a settle by an instance that does not hold the claim', () => {
    const e = claimed();
    expect(settle(e, 'fu-1', 'b', { kind: 'sent' }, at(T0, 46))).toBe(e);
    expect(settle(e, 'fu-9', 'a', { kind: 'sent' }, at(T0, 46))).toBe(e);
    const sent = settle(e, 'fu-1', 'a', { kind: 'sent' }, at(T0, 46));
    expect(settle(sent, 'fu-1', 'a', { kind: 'undeliverable', error: 'x' }, at(T0, 47))).toBe(sent);
  });

  it('ignores a settle after the FM rescheduled the follow-up meanwhile', () => {
    const moved = act(
      claimed(),
      {
        type: 'rescheduleFollowUp',
        followUpId: 'fu-1',
        startsAt: at(T0, 240).toISOString(),
        timeZone: 'Europe/Paris',
        leadMinutes: 15,
      },
      at(T0, 45),
    );
    expect(settle(moved, 'fu-1', 'a', { kind: 'sent' }, at(T0, 46))).toBe(moved);
    expect(moved.nextReminderAt).toBe(at(T0, 225).toISOString());
  });

  it('records an undeliverable reminder with its error', () => {
    const e = settle(
      claimed(),
      'fu-1',
      'a',
      { kind: 'undeliverable', error: 'The bot was removed from the chat (403).' },
      at(T0, 46),
    );
    expect(e.followUps[0].reminder).toMatchObject({
      state: 'undeliverable',
      lastError: 'The bot was removed from the chat (403).',
      settledAt: at(T0, 46).toISOString(),
    });
    expect(e.followUps[0].reminder.claimedBy).toBeUndefined();
    expect(e.nextReminderAt).toBeUndefined();
    expect(e.history.at(-1)).toMatchObject({ by: 'bot', action: 'reminderUndeliverable' });
  });

  it('puts a reminder to retry back to pending, due at retryAt, keeping the error and no history', () => {
    const before = claimed();
    const retryAt = at(T0, 48);
    const e = settle(
      before,
      'fu-1',
      'a',
      { kind: 'retry', error: 'Teams answered 502', retryAt },
      at(T0, 46),
    );
    expect(e.followUps[0].reminder).toEqual({
      dueAt: retryAt.toISOString(),
      state: 'pending',
      attempts: 1,
      lastError: 'Teams answered 502',
    });
    expect(e.nextReminderAt).toBe(retryAt.toISOString());
    expect(e.history).toHaveLength(before.history.length);
    expect(claimDue(e, 'b', at(T0, 47), CLAIM_MS).claimed).toEqual([]);
    const again = claimDue(e, 'b', retryAt, CLAIM_MS);
    expect(again.engagement.followUps[0].reminder).toMatchObject({
      state: 'sending',
      claimedBy: 'b',
      attempts: 2,
      lastError: 'Teams answered 502',
    });
    const sent = settle(again.engagement, 'fu-1', 'b', { kind: 'sent' }, at(T0, 49));
    expect(sent.followUps[0].reminder.lastError).toBeUndefined();
  });
});
