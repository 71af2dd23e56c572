import type { Engagement } from '../../src/playbook/engagement.js';
import { claimDue } from '../../src/playbook/reminders.js';
import { newInstanceId } from '../../src/reminders/scheduler.js';
import { EngagementWriter } from '../../src/store/mutate.js';
import type { EngagementStore } from '../../src/store/store.js';
import { at, engagementWith } from '../reminders/build.js';
import { RecordingSender, schedulerFor, TestClock, useReminderCosmos } from './harness.js';

const T0 = new Date('2030-05-06T08:00:00.000Z');
const cosmos = useReminderCosmos();

async function seed(store: EngagementStore, engagements: Engagement[]): Promise<void> {
  for (const e of engagements) await store.create(e);
}

async function reminderOf(store: EngagementStore, e: Engagement, followUpId: string) {
  const stored = await store.get(e.engagementId);
  const f = stored?.engagement.followUps.find((x) => x.id === followUpId);
  if (!stored || !f) throw new Error(`no ${followUpId} in ${e.engagementId}`);
  return { reminder: f.reminder, engagement: stored.engagement };
}

describe('ReminderScheduler against one Cosmos DB container', () => {
  it('sends every due reminder exactly once when two instances tick at the same time', async () => {
    const database = cosmos.freshDatabase();
    const storeA = await cosmos.open(database);
    const storeB = await cosmos.open(database);
    // Meetings at +55 and +60 (due at +40 and +45) and +300 (due at +285), in 12 chats.
    const engagements = Array.from({ length: 12 }, (_, i) =>
      engagementWith(`race-${i}`, T0, [{ inMinutes: 55 }, { inMinutes: 60 }, { inMinutes: 300 }]),
    );
    await seed(storeA, engagements);
    const clock = new TestClock(at(T0, 50));
    const sender = new RecordingSender();
    // A writes through its process's EngagementWriter, as the app wires it; B through mutateEngagement.
    const writerA = new EngagementWriter(storeA);
    const a = schedulerFor({
      store: storeA,
      sender,
      clock: clock.read,
      instanceId: 'instance-a',
      mutate: (id, decide) => writerA.mutate(id, decide),
    });
    const b = schedulerFor({ store: storeB, sender, clock: clock.read, instanceId: 'instance-b' });

    const first = await Promise.all([a.tick(), b.tick()]);
    const second = await Promise.all([b.tick(), a.tick()]);

    const results = [...first, ...second];
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(24);
    expect(results.reduce((n, r) => n + r.missed + r.failed, 0)).toBe(0);
    expect(sender.sends).toHaveLength(24);
    const expected = engagements.flatMap((e) => [
      `${e.engagementId}/fu-1`,
      `${e.engagementId}/fu-2`,
    ]);
    expect([...sender.counts().keys()].sort()).toEqual(expected.sort());
    expect([...sender.counts().values()].every((n) => n === 1)).toBe(true);
    for (const e of engagements) {
      const { engagement } = await reminderOf(storeB, e, 'fu-1');
      expect(engagement.followUps.map((f) => f.reminder.state)).toEqual([
        'sent',
        'sent',
        'pending',
      ]);
      expect(engagement.history.filter((h) => h.action === 'reminderSent')).toHaveLength(2);
      expect(engagement.nextReminderAt).toBe(at(T0, 285).toISOString());
    }
  });

  it('lets the loser of a claim race re-read, see the claim and skip', async () => {
    const database = cosmos.freshDatabase();
    const storeA = await cosmos.open(database);
    const storeB = await cosmos.open(database);
    const e = engagementWith('loser', T0, [{ inMinutes: 60 }]);
    await seed(storeA, [e]);
    const clock = new TestClock(at(T0, 45));
    let releaseB: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (releaseB = resolve));
    let bWrites = 0;
    // B has read the engagement and decided to claim; its write waits until A has sent and settled.
    const slowB: EngagementStore = {
      get: (id) => storeB.get(id),
      create: (x) => storeB.create(x),
      replace: async (x, etag) => {
        if (bWrites++ === 0) await gate;
        return storeB.replace(x, etag);
      },
      dueReminders: (now, limit) => storeB.dueReminders(now, limit),
      delete: (id, etag) => storeB.delete(id, etag),
      getIndex: (key) => storeB.getIndex(key),
      putIndex: (doc, etag) => storeB.putIndex(doc, etag),
      close: () => storeB.close(),
    };
    const sendsA = new RecordingSender();
    const sendsB = new RecordingSender();
    const a = schedulerFor({ store: storeA, sender: sendsA, clock: clock.read, instanceId: 'a' });
    const b = schedulerFor({ store: slowB, sender: sendsB, clock: clock.read, instanceId: 'b' });
    const bTick = b.tick();
    while (bWrites === 0) await new Promise((resolve) => setImmediate(resolve));
    expect(await a.tick()).toEqual({ sent: 1, missed: 0, failed: 0 });
    releaseB();
    expect(await bTick).toEqual({ sent: 0, missed: 0, failed: 0 });
    expect(bWrites).toBe(1);
    expect(sendsA.sends).toEqual([`${e.engagementId}/fu-1`]);
    expect(sendsB.sends).toEqual([]);
  });

  it('sends nothing twice after a restart (a new instance on a new client)', async () => {
    const database = cosmos.freshDatabase();
    const before = await cosmos.open(database);
    const e = engagementWith('restart', T0, [{ inMinutes: 60 }, { inMinutes: 120 }]);
    await seed(before, [e]);
    const clock = new TestClock(at(T0, 46));
    const sender = new RecordingSender();
    const first = schedulerFor({
      store: before,
      sender,
      clock: clock.read,
      instanceId: newInstanceId(),
    });
    expect(await first.tick()).toEqual({ sent: 1, missed: 0, failed: 0 });
    await first.stop();
    await before.close();

    const after = await cosmos.open(database);
    const second = schedulerFor({
      store: after,
      sender,
      clock: clock.read,
      instanceId: newInstanceId(),
    });
    expect(await second.tick()).toEqual({ sent: 0, missed: 0, failed: 0 });
    clock.set(at(T0, 105));
    expect(await second.tick()).toEqual({ sent: 1, missed: 0, failed: 0 });
    expect(await second.tick()).toEqual({ sent: 0, missed: 0, failed: 0 });
    expect(sender.sends).toEqual([`${e.engagementId}/fu-1`, `${e.engagementId}/fu-2`]);
  });

  it('takes over, once, a reminder claimed by an instance that died before sending', async () => {
    const database = cosmos.freshDatabase();
    const store = await cosmos.open(database);
    const e = engagementWith('crash', T0, [{ inMinutes: 60 }]);
    const claimedByDead = claimDue(e, 'dead-instance', at(T0, 45), 2 * 60_000).engagement;
    await seed(store, [claimedByDead]);
    const clock = new TestClock(at(T0, 46));
    const sender = new RecordingSender();
    const heir = schedulerFor({
      store: await cosmos.open(database),
      sender,
      clock: clock.read,
      instanceId: 'heir',
    });
    expect(await heir.tick()).toEqual({ sent: 0, missed: 0, failed: 0 });
    clock.set(at(T0, 47));
    expect(await heir.tick()).toEqual({ sent: 1, missed: 0, failed: 0 });
    expect(await heir.tick()).toEqual({ sent: 0, missed: 0, failed: 0 });
    expect(sender.sends).toHaveLength(1);
    expect((await reminderOf(store, e, 'fu-1')).reminder).toMatchObject({
      state: 'sent',
      attempts: 2,
    });
  });

  it('after downtime, sends on start a reminder whose meeting is ahead and marks missed one whose meeting began', async () => {
    const database = cosmos.freshDatabase();
    const store = await cosmos.open(database);
    // Due at +5 (meeting +20, already begun at +50) and at +45 (meeting +60, still ahead).
    const e = engagementWith('downtime', T0, [{ inMinutes: 20 }, { inMinutes: 60 }]);
    await seed(store, [e]);
    const clock = new TestClock(at(T0, 50));
    const sender = new RecordingSender();
    const scheduler = schedulerFor({
      store,
      sender,
      clock: clock.read,
      instanceId: newInstanceId(),
    });
    scheduler.start(60_000);
    await scheduler.stop();
    expect(sender.sends).toEqual([`${e.engagementId}/fu-2`]);
    const { engagement } = await reminderOf(store, e, 'fu-1');
    expect(engagement.followUps.map((f) => f.reminder.state)).toEqual(['missed', 'sent']);
    expect(engagement.history.filter((h) => h.by === 'bot').map((h) => h.action)).toEqual([
      'reminderMissed',
      'reminderSent',
    ]);
    expect(engagement.nextReminderAt).toBeUndefined();
    expect(await scheduler.tick()).toEqual({ sent: 0, missed: 0, failed: 0 });
  });

  it('finishes the tick in flight before stop() resolves', async () => {
    const database = cosmos.freshDatabase();
    const store = await cosmos.open(database);
    const e = engagementWith('stop', T0, [{ inMinutes: 60 }]);
    await seed(store, [e]);
    let release: () => void = () => undefined;
    let started: () => void = () => undefined;
    const sending = new Promise<void>((resolve) => (started = resolve));
    const sender = {
      send: () => {
        started();
        return new Promise<void>((resolve) => (release = resolve));
      },
    };
    const scheduler = schedulerFor({
      store,
      sender,
      clock: () => at(T0, 45),
      instanceId: 'stopping',
    });
    scheduler.start(60_000);
    await sending;
    let stopped = false;
    const stopping = scheduler.stop().then(() => (stopped = true));
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect((await reminderOf(store, e, 'fu-1')).reminder.state).toBe('sent');
  });
});
