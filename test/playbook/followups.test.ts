/** Next steps: follow-ups scheduled, moved and cancelled by the FM, and the bad input they refuse. */
import type { Action } from '../../src/playbook/actions.js';
import type { Engagement } from '../../src/playbook/engagement.js';
import { LIMITS } from '../../src/playbook/limits.js';
import {
  BDM,
  BUILD_TIME,
  expectRefused,
  FM,
  FOLLOW_UP_START,
  followUpAction,
  kickedOff,
  step,
  STRANGER,
  withFollowUp,
} from './builders.js';

const reschedule = (
  over: Partial<Extract<Action, { type: 'rescheduleFollowUp' }>> = {},
): Action => ({
  type: 'rescheduleFollowUp',
  followUpId: 'fu-1',
  startsAt: '2025-03-25T10:00:00Z',
  timeZone: 'America/New_York',
  leadMinutes: 15,
  ...over,
});
const cancelled = (): Engagement =>
  step(withFollowUp(), FM, { type: 'cancelFollowUp', followUpId: 'fu-1' });

describe('scheduling a follow-up', () => {
  test('keeps the meeting in UTC, its time zone, attendees once each, and a pending reminder', () => {
    const e = step(kickedOff(), FM, followUpAction({ attendees: [FM.id, BDM.id, BDM.id] }));
    expect(e.followUps).toEqual([
      {
        id: 'fu-1',
        kind: 'bvd',
        startsAt: FOLLOW_UP_START,
        timeZone: 'Europe/London',
        attendees: [FM.id, BDM.id],
        agenda: 'Business value of Conditional Access',
        scheduled: { by: FM.id, byName: FM.name, at: BUILD_TIME.toISOString() },
        reminder: { dueAt: '2025-03-20T14:30:00.000Z', state: 'pending', attempts: 0 },
      },
    ]);
    expect(e.nextReminderAt).toBe('2025-03-20T14:30:00.000Z');
  });

  test.each<[string, Action, RegExp]>([
    ['in the past', followUpAction({ startsAt: '2025-03-01T10:00:00Z' }), /in the past/],
    ['starting right now', followUpAction({ startsAt: BUILD_TIME.toISOString() }), /in the past/],
    ['with a date but no time', followUpAction({ startsAt: '2025-03-20' }), /date and time/],
    [
      'in an unknown time zone',
      followUpAction({ timeZone: 'Mars/Olympus_Mons' }),
      /"Mars\/Olympus_Mons" is not a time zone/,
    ],
    ['with no time zone', followUpAction({ timeZone: '' }), /not a time zone/],
    [
      'with attendees not in the engagement',
      followUpAction({ attendees: [FM.id, STRANGER.id] }),
      /Attendees must be people of this engagement/,
    ],
    [
      'with a lead time that is not a number',
      followUpAction({ leadMinutes: Number.NaN }),
      /lead time/,
    ],
    [
      'with an agenda over 2000 characters',
      followUpAction({ agenda: 'x'.repeat(2001) }),
      /agenda is too long: shorten it by about 1 character\./,
    ],
  ])('refused %s', (_label, action, message) => {
    expectRefused(kickedOff(), FM, action, 'invalid', message);
  });
});

describe('moving and cancelling a follow-up', () => {
  test('moving it sets a new pending reminder', () => {
    const e = step(withFollowUp(), FM, reschedule());
    expect(e.followUps[0]).toMatchObject({
      startsAt: '2025-03-25T10:00:00.000Z',
      timeZone: 'America/New_York',
      reminder: { dueAt: '2025-03-25T09:45:00.000Z', state: 'pending', attempts: 0 },
    });
    expect(e.nextReminderAt).toBe('2025-03-25T09:45:00.000Z');
  });

  test('cancelling it keeps who cancelled, and no reminder is due any more', () => {
    const e = cancelled();
    expect(e.followUps[0]?.cancelled).toEqual({
      by: FM.id,
      byName: FM.name,
      at: BUILD_TIME.toISOString(),
    });
    expect(e.nextReminderAt).toBeUndefined();
  });

  test.each<[string, () => Engagement, Action, 'invalid' | 'notFound', RegExp]>([
    ['rescheduling a cancelled follow-up', cancelled, reschedule(), 'invalid', /cancelled/],
    [
      'cancelling it twice',
      cancelled,
      { type: 'cancelFollowUp', followUpId: 'fu-1' },
      'invalid',
      /cancelled/,
    ],
    [
      'an unknown follow-up',
      withFollowUp,
      reschedule({ followUpId: 'fu-9' }),
      'notFound',
      /does not exist/,
    ],
    [
      'moving it into the past',
      withFollowUp,
      reschedule({ startsAt: '2025-03-03T09:59:00Z' }),
      'invalid',
      /in the past/,
    ],
    [
      'an unknown time zone',
      withFollowUp,
      reschedule({ timeZone: 'Europe/Atlantis' }),
      'invalid',
      /not a time zone/,
    ],
    [
      'an endless lead time',
      withFollowUp,
      reschedule({ leadMinutes: Infinity }),
      'invalid',
      /lead time/,
    ],
  ])('refused: %s', (_label, state, action, kind, message) => {
    expectRefused(state(), FM, action, kind, message);
  });
});

describe('how many follow-ups an engagement keeps', () => {
  /** `n` follow-ups scheduled, a day apart. */
  const scheduled = (e: Engagement, n: number, from = 0): Engagement => {
    for (let i = 0; i < n; i++)
      e = step(
        e,
        FM,
        followUpAction({
          startsAt: new Date(Date.UTC(2025, 4, 1, 9) + (from + i) * 86_400_000).toISOString(),
        }),
      );
    return e;
  };
  const cancel = (e: Engagement, id: string) =>
    step(e, FM, { type: 'cancelFollowUp', followUpId: id });

  test('counts the live ones: a cancelled follow-up frees its place', () => {
    const full = scheduled(kickedOff(), LIMITS.followUps);
    expectRefused(
      full,
      FM,
      followUpAction({ startsAt: '2026-01-05T09:00:00Z' }),
      'invalid',
      /at most 60 follow-ups that are not cancelled: cancel one that is no longer needed first/,
    );
    const again = scheduled(cancel(full, 'fu-7'), 1, 100);
    expect(again.followUps.filter((f) => !f.cancelled)).toHaveLength(LIMITS.followUps);
    expect(again.followUps.at(-1)?.id).toBe('fu-61');
  });

  test('drops the oldest cancelled ones when the list is full, keeping their record in the history', () => {
    let e = scheduled(kickedOff(), LIMITS.followUps);
    for (let i = 1; i <= 20; i++) e = cancel(e, `fu-${i}`);
    e = scheduled(e, LIMITS.followUpRecords - LIMITS.followUps, 100);
    expect(e.followUps).toHaveLength(LIMITS.followUpRecords);
    e = scheduled(e, 2, 200);
    expect(e.followUps).toHaveLength(LIMITS.followUpRecords);
    expect(e.followUps.map((f) => f.id)).not.toContain('fu-1');
    expect(e.followUps.map((f) => f.id)).not.toContain('fu-2');
    expect(e.followUps.map((f) => f.id)).toContain('fu-3');
    const ids = e.followUps.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.at(-1)).toBe(`fu-${LIMITS.followUpRecords + 2}`);
    const lines = e.history.map((h) => h.summary);
    // Its scheduling and its cancellation are in the history, and so is its leaving the list.
    expect(
      lines.filter((l) => /^cancelled the business value discovery .*Thu, 1 May 2025/.test(l)),
    ).toHaveLength(1);
    expect(lines.at(-2)).toMatch(
      /; the cancelled business value discovery of Thu, 1 May 2025, 10:00 \(Europe\/London\) \(fu-1, scheduled by Fiona Meyer, cancelled by Fiona Meyer\) left the list to make room$/,
    );
  });
});
