/**
 * The reminder scheduler when the store fails at its two writes: the claim (nothing is sent, the
 * next tick tries again) and the record of a sent reminder (tried three times; if it still fails,
 * the claim expires and the reminder is sent again: sent twice rather than never).
 */
import type { Engagement } from '../../src/playbook/engagement.js';
import type { EngagementStore } from '../../src/store/store.js';
import { at, engagementWith } from '../reminders/build.js';
import { RecordingSender, schedulerFor, TestClock, useReminderCosmos } from './harness.js';

const T0 = new Date('2030-09-02T12:00:00.000Z');
const cosmos = useReminderCosmos();
const UNAVAILABLE = { status: 503, body: { code: 'ServiceUnavailable', message: 'injected' } };

/** A fresh database holding one engagement whose follow-up meets at +60 (reminder due at +45). */
async function oneDue(chat: string) {
  const store = await cosmos.open(cosmos.freshDatabase());
  const e = engagementWith(chat, T0, [{ inMinutes: 60 }]);
  await store.create(e);
  return { store, e, clock: new TestClock(at(T0, 45)) };
}

async function reminderOf(store: EngagementStore, e: Engagement) {
  const v = await store.get(e.engagementId);
  if (!v) throw new Error('engagement gone');
  return v.engagement.followUps[0].reminder;
}

describe('ReminderScheduler when the store fails', () => {
  it('sends nothing when the claim cannot be written, and sends once at the next tick', async () => {
    const { store, e, clock } = await oneDue('claim-fails');
    const sender = new RecordingSender();
    const scheduler = schedulerFor({ store, sender, clock: clock.read, instanceId: 'i' });
    cosmos.server().inject((req) => (req.method === 'PUT' ? UNAVAILABLE : undefined));
    expect(await scheduler.tick()).toEqual({ sent: 0, missed: 0, failed: 0 });
    expect(sender.sends).toEqual([]);
    expect(await reminderOf(store, e)).toMatchObject({ state: 'pending', attempts: 0 });

    cosmos.server().inject(undefined);
    expect(await scheduler.tick()).toEqual({ sent: 1, missed: 0, failed: 0 });
    expect(sender.sends).toEqual([`${e.engagementId}/fu-1`]);
    expect(await reminderOf(store, e)).toMatchObject({ state: 'sent', attempts: 1 });
  });

  it('gives up recording a sent reminder after three tries; once the claim expires, the reminder is sent again', async () => {
    const { store, e, clock } = await oneDue('record-fails');
    let sent = false;
    cosmos.server().inject((req) => (sent && req.method === 'PUT' ? UNAVAILABLE : undefined));
    const sender = new RecordingSender();
    const sleeps: number[] = [];
    const scheduler = schedulerFor({
      store,
      sender: {
        send: async (ref, card) => {
          await sender.send(ref, card);
          sent = true;
        },
      },
      clock: clock.read,
      instanceId: 'i',
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
    expect(await scheduler.tick()).toEqual({ sent: 1, missed: 0, failed: 0 });
    expect(sleeps).toEqual([250, 500]);
    expect(await reminderOf(store, e)).toMatchObject({ state: 'sending', claimedBy: 'i' });

    cosmos.server().inject(undefined);
    clock.set(at(T0, 46)); // the claim (2 minutes) still holds: nothing is sent
    expect(await scheduler.tick()).toEqual({ sent: 0, missed: 0, failed: 0 });
    clock.set(at(T0, 48)); // the claim expired: the reminder is taken again and sent
    expect(await scheduler.tick()).toEqual({ sent: 1, missed: 0, failed: 0 });
    expect(sender.sends).toEqual([`${e.engagementId}/fu-1`, `${e.engagementId}/fu-1`]);
    expect(await reminderOf(store, e)).toMatchObject({ state: 'sent', attempts: 2 });
  });
});
