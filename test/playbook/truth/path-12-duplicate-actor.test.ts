/**
 * Path 12: the actor is checked before a duplicate activity is recognised: a reused activity id
 * from another organization, or from someone without a role, gets a refusal, never the engagement.
 */
import { apply } from '../../../src/playbook/apply.js';
import { FM, kickedOff, OUTSIDER, refusalOf, STRANGER, step } from '../builders.js';

const ACTION = {
  type: 'scheduleFollowUp' as const,
  kind: 'bvd' as const,
  startsAt: '2025-03-20T15:00:00.000Z',
  timeZone: 'Europe/London',
  attendees: [],
  agenda: '',
  leadMinutes: 30,
};

describe('path 12: a duplicate is answered before the actor is checked', () => {
  const first = () => {
    const outcome = apply(kickedOff(), ACTION, FM, new Date('2025-03-03T10:00:00Z'), 'activity-1');
    if (!outcome.ok) throw new Error(outcome.refusal.message);
    return outcome.engagement;
  };

  test('a reused activity id from another tenant is refused and gets nothing of the engagement', () => {
    const outcome = apply(first(), ACTION, OUTSIDER, new Date(), 'activity-1');
    expect(outcome.ok).toBe(false);
    expect(outcome).not.toHaveProperty('engagement');
    const refusal = refusalOf(outcome);
    expect(refusal.kind).toBe('outsider');
    expect(refusal.message).toBe(
      'You are signed in to another organization than the one this engagement knows you from. Nothing was changed.',
    );
  });

  test('a reused activity id from someone without a role is refused', () => {
    const refusal = refusalOf(apply(first(), ACTION, STRANGER, new Date(), 'activity-1'));
    expect(refusal.kind).toBe('outsider');
    expect(refusal.message).toBe(
      "You have no role in this chat's engagement: the FastTrack Manager gives roles on the roles card. Nothing was changed.",
    );
  });

  test('the same person redelivering it gets "already recorded", nothing changed twice', () => {
    const e = first();
    const again = apply(e, ACTION, FM, new Date(), 'activity-1');
    expect(again).toEqual({
      ok: true,
      engagement: e,
      summary: 'already recorded',
      duplicate: true,
    });
    expect(step(e, FM, ACTION).followUps).toHaveLength(2);
  });
});
