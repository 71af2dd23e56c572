import { CardRenderer } from '../../src/cards/renderer.js';
import type { Engagement } from '../../src/playbook/engagement.js';
import type { EngagementStore } from '../../src/store/store.js';
import { at, engagementWith } from '../reminders/build.js';
import {
  httpError,
  RecordingSender,
  schedulerFor,
  scriptedBotSender,
  TestClock,
  useReminderCosmos,
} from './harness.js';

const T0 = new Date('2030-07-08T12:00:00.000Z');
const cosmos = useReminderCosmos();

/** A fresh database holding one engagement whose follow-up meets at +60 (reminder due at +45). */
async function oneDue(chat: string, edit: (e: Engagement) => void = () => undefined) {
  const store = await cosmos.open(cosmos.freshDatabase());
  const e = engagementWith(chat, T0, [{ inMinutes: 60 }]);
  edit(e);
  await store.create(e);
  return { store, e, clock: new TestClock(at(T0, 45)) };
}

async function stored(store: EngagementStore, e: Engagement): Promise<Engagement> {
  const v = await store.get(e.engagementId);
  if (!v) throw new Error('engagement gone');
  return v.engagement;
}

describe('ReminderScheduler delivery', () => {
  it('sends the real reminder card through botbuilder into the stored chat, as the app wires it', async () => {
    const { store, e, clock } = await oneDue('wired');
    const cards = new CardRenderer();
    const teams = scriptedBotSender([]);
    const scheduler = schedulerFor({
      store,
      sender: teams.sender,
      clock: clock.read,
      instanceId: 'i',
      render: (engagement, followUpId, now) =>
        cards.render({ card: 'reminder', engagement, followUpId, now }),
    });
    expect(await scheduler.tick()).toEqual({ sent: 1, missed: 0, failed: 0 });
    expect(teams.delivered).toEqual([
      expect.objectContaining({
        type: 'message',
        attachments: [
          {
            contentType: 'application/vnd.microsoft.card.adaptive',
            content: expect.objectContaining({ type: 'AdaptiveCard', version: '1.5' }),
          },
        ],
      }),
    ]);
    expect(JSON.stringify(teams.delivered[0])).toContain(e.customer);
  });

  it('@mentions every attendee it knows when Teams cannot list the chat members', async () => {
    const { store, e, clock } = await oneDue('mentions', (draft) => {
      const fm = Object.values(draft.people)[0];
      fm.teamsId = '29:the-fm';
    });
    const fm = Object.values(e.people)[0];
    const teams = scriptedBotSender([]);
    const scheduler = schedulerFor({
      store,
      sender: teams.sender,
      clock: clock.read,
      instanceId: 'i',
      render: () => ({ type: 'AdaptiveCard' }),
    });
    expect(await scheduler.tick()).toEqual({ sent: 1, missed: 0, failed: 0 });
    const tag = `<at>${fm.name}</at>`;
    expect(teams.delivered[0]).toMatchObject({
      text: `${tag} this meeting is coming up.`,
      entities: [{ type: 'mention', text: tag, mentioned: { id: '29:the-fm', name: fm.name } }],
    });
  });
});

describe('ReminderScheduler delivery faults', () => {
  it('retries a 429 inside the send and records the reminder sent', async () => {
    const { store, e, clock } = await oneDue('throttled');
    const teams = scriptedBotSender([httpError(429)]);
    const scheduler = schedulerFor({
      store,
      sender: teams.sender,
      clock: clock.read,
      instanceId: 'i',
    });
    expect(await scheduler.tick()).toEqual({ sent: 1, missed: 0, failed: 0 });
    expect(teams.calls()).toBe(2);
    expect(teams.sleeps).toEqual([750]);
    expect(teams.delivered).toHaveLength(1);
    const after = await stored(store, e);
    expect(after.followUps[0].reminder).toMatchObject({ state: 'sent', attempts: 1 });
    expect(after.history.at(-1)).toMatchObject({ by: 'bot', action: 'reminderSent' });
  });

  it('leaves a reminder pending with lastError after 502s, and sends it at a later tick', async () => {
    const { store, e, clock } = await oneDue('bad-gateway');
    const teams = scriptedBotSender([httpError(502), httpError(502), httpError(502)], 3);
    const scheduler = schedulerFor({
      store,
      sender: teams.sender,
      clock: clock.read,
      instanceId: 'i',
    });
    expect(await scheduler.tick()).toEqual({ sent: 0, missed: 0, failed: 1 });
    expect(teams.calls()).toBe(3);
    expect(teams.sleeps).toEqual([750, 1500]);
    // Retry policy: base 60 s, random 0.5 -> 45 s later.
    const retryAt = new Date(at(T0, 45).getTime() + 45_000).toISOString();
    const pending = await stored(store, e);
    expect(pending.followUps[0].reminder).toEqual({
      dueAt: retryAt,
      state: 'pending',
      attempts: 1,
      lastError: 'Not delivered: Teams answered 502 (attempt 3 of 3).',
    });
    expect(pending.nextReminderAt).toBe(retryAt);

    expect(await scheduler.tick()).toEqual({ sent: 0, missed: 0, failed: 0 });
    expect(teams.calls()).toBe(3);
    clock.set(at(T0, 46));
    expect(await scheduler.tick()).toEqual({ sent: 1, missed: 0, failed: 0 });
    expect(teams.delivered).toHaveLength(1);
    const sent = await stored(store, e);
    expect(sent.followUps[0].reminder).toMatchObject({ state: 'sent', attempts: 2 });
    expect(sent.followUps[0].reminder.lastError).toBeUndefined();
  });

  it('waits as long as Teams asks when its Retry-After is longer than the send may wait', async () => {
    const { store, e, clock } = await oneDue('retry-after');
    const teams = scriptedBotSender([httpError(429, { 'retry-after': '300' })]);
    const scheduler = schedulerFor({
      store,
      sender: teams.sender,
      clock: clock.read,
      instanceId: 'i',
    });
    expect(await scheduler.tick()).toEqual({ sent: 0, missed: 0, failed: 1 });
    expect((await stored(store, e)).followUps[0].reminder.dueAt).toBe(at(T0, 50).toISOString());
  });

  it('settles a 403 (the bot was removed) as undeliverable at once and never tries again', async () => {
    const { store, e, clock } = await oneDue('removed');
    const teams = scriptedBotSender([httpError(403)]);
    const scheduler = schedulerFor({
      store,
      sender: teams.sender,
      clock: clock.read,
      instanceId: 'i',
    });
    expect(await scheduler.tick()).toEqual({ sent: 0, missed: 0, failed: 1 });
    expect(teams.calls()).toBe(1);
    expect(teams.sleeps).toEqual([]);
    const after = await stored(store, e);
    expect(after.followUps[0].reminder).toMatchObject({
      state: 'undeliverable',
      lastError: 'The bot is no longer a member of this chat (Teams answered 403).',
      settledAt: at(T0, 45).toISOString(),
    });
    expect(after.nextReminderAt).toBeUndefined();
    expect(after.history.at(-1)).toMatchObject({ by: 'bot', action: 'reminderUndeliverable' });
    clock.set(at(T0, 55));
    expect(await scheduler.tick()).toEqual({ sent: 0, missed: 0, failed: 0 });
    expect(teams.calls()).toBe(1);
  });

  it('gives up as undeliverable once the reminder has used its attempts', async () => {
    const { store, e, clock } = await oneDue('always-502');
    const teams = scriptedBotSender(
      Array.from({ length: 4 }, () => httpError(502)),
      1,
    );
    const scheduler = schedulerFor({
      store,
      sender: teams.sender,
      clock: clock.read,
      instanceId: 'i',
      retry: { maxAttempts: 2, baseDelayMs: 60_000, maxDelayMs: 60_000, random: () => 0.5 },
    });
    expect(await scheduler.tick()).toEqual({ sent: 0, missed: 0, failed: 1 });
    clock.set(at(T0, 46));
    expect(await scheduler.tick()).toEqual({ sent: 0, missed: 0, failed: 1 });
    expect(teams.calls()).toBe(2);
    expect((await stored(store, e)).followUps[0].reminder).toMatchObject({
      state: 'undeliverable',
      attempts: 2,
      lastError: 'Not delivered: Teams answered 502 (attempt 1 of 1). Gave up after 2 attempts.',
    });
  });

  it('marks missed a reminder still failing when its meeting begins', async () => {
    const { store, e, clock } = await oneDue('late');
    const teams = scriptedBotSender([httpError(504)], 1);
    const scheduler = schedulerFor({
      store,
      sender: teams.sender,
      clock: clock.read,
      instanceId: 'i',
    });
    clock.set(at(T0, 59.5));
    expect(await scheduler.tick()).toEqual({ sent: 0, missed: 0, failed: 1 });
    clock.set(at(T0, 61));
    expect(await scheduler.tick()).toEqual({ sent: 0, missed: 1, failed: 0 });
    expect((await stored(store, e)).followUps[0].reminder).toMatchObject({
      state: 'missed',
      lastError: expect.stringContaining('504'),
    });
  });

  it('settles as undeliverable a reminder whose engagement has no chat stored', async () => {
    const { store, e, clock } = await oneDue('no-chat', (x) => delete x.conversationReference);
    const sender = new RecordingSender();
    const scheduler = schedulerFor({ store, sender, clock: clock.read, instanceId: 'i' });
    expect(await scheduler.tick()).toEqual({ sent: 0, missed: 0, failed: 1 });
    expect(sender.sends).toEqual([]);
    expect((await stored(store, e)).followUps[0].reminder.state).toBe('undeliverable');
  });

  it('tries again to record a sent reminder when the store fails, so it is not sent twice', async () => {
    const { store, e, clock } = await oneDue('store-hiccup');
    let armed = false;
    cosmos.server().inject((req) => {
      if (!armed || req.method !== 'PUT') return undefined;
      armed = false;
      return { status: 503, body: { code: 'ServiceUnavailable', message: 'injected' } };
    });
    const sender = new RecordingSender();
    const sleeps: number[] = [];
    const scheduler = schedulerFor({
      store,
      sender: { send: async (ref, card) => ((armed = true), sender.send(ref, card)) },
      clock: clock.read,
      instanceId: 'i',
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
    expect(await scheduler.tick()).toEqual({ sent: 1, missed: 0, failed: 0 });
    expect(sleeps).toEqual([250]);
    expect((await stored(store, e)).followUps[0].reminder.state).toBe('sent');
    clock.set(at(T0, 50));
    expect(await scheduler.tick()).toEqual({ sent: 0, missed: 0, failed: 0 });
    expect(sender.sends).toHaveLength(1);
  });
});
