/**
 * Next steps in the chat: the FM schedules, reschedules and cancels follow-ups, others are refused,
 * and the reminder arrives in the chat once, from the bot's own scheduler, at the lead time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { engagementIdFor } from '../../src/playbook/start.js';
import { openEmbeddedStore } from '../../src/store/embedded.js';
import type { EngagementStore } from '../../src/store/store.js';
import { PEOPLE, startTestBot, type TestBot } from '../support/app.js';
import { cardText, type Chat } from '../support/chat.js';
import type { PostedMessage } from '../support/teams-channel.js';

const { fm, fe, bdm } = PEOPLE;
const CHAT = '19:follow-ups@thread.v2';
const START = new Date('2026-06-01T08:00:00Z');

async function eventually<T>(probe: () => T | undefined, what: string, ms = 8000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Each pass of the bot's reminder scheduler over the store: when it looked, and how many were due. */
interface Tick {
  now: string;
  due: number;
}

/** The real embedded store, telling each scheduler pass as it ends. */
function watched(store: EngagementStore, ticks: Tick[]): EngagementStore {
  return {
    get: (id) => store.get(id),
    create: (e) => store.create(e),
    replace: (e, etag) => store.replace(e, etag),
    delete: (id, etag) => store.delete(id, etag),
    close: () => store.close(),
    getIndex: (key) => store.getIndex(key),
    putIndex: (doc, etag) => store.putIndex(doc, etag),
    async dueReminders(at, limit) {
      const due = await store.dueReminders(at, limit);
      ticks.push({ now: at, due: due.length });
      return due;
    },
  };
}

describe('follow-ups and their reminders', () => {
  let now = START;
  let bot: TestBot;
  let chat: Chat;
  let card: PostedMessage;
  const ticks: Tick[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'ds-followups-'));
  /** Resolves once `count` scheduler passes have ended after `after` passes, each at the clock's `now`. */
  const passes = (after: number, count: number) =>
    eventually(() => {
      const later = ticks.slice(after).filter((t) => t.now === now.toISOString());
      return later.length >= count ? later : undefined;
    }, `${count} reminder pass(es) at ${now.toISOString()}`);

  beforeAll(async () => {
    bot = await startTestBot({
      clock: () => now,
      env: { REMINDER_INTERVAL_SECONDS: '1', REMINDER_LEAD_MINUTES: '30' },
      store: watched(await openEmbeddedStore({ dataDir }), ticks),
    });
    ({ chat, card } = await bot.engagement(CHAT, 'Tailspin Toys', [
      [fe, 'FE'],
      [bdm, 'stakeholder', 'BDM'],
    ]));
  });
  afterAll(async () => {
    await bot.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const followUps = async () =>
    (await bot.app.store.get(engagementIdFor(CHAT)))!.engagement.followUps;
  const schedule = (
    who: typeof fm,
    date: string,
    time: string,
    kind = 'bvd',
    agenda = 'Business value discovery with finance',
  ) =>
    chat.execute(who, card, 'followup.schedule', {
      card: 'followup',
      fuKind: kind,
      fuDate: date,
      fuTime: time,
      fuZone: 'Europe/Paris',
      fuAttendees: `${fe.aadObjectId},${bdm.aadObjectId}`,
      fuAgenda: agenda,
    });

  it('lets only the FM schedule, in the time zone given', async () => {
    const refused = cardText(await schedule(bdm, '2026-06-01', '14:00'));
    expect(refused).toMatch(/Only the FastTrack Manager can do that/);
    expect(await followUps()).toHaveLength(0);

    const saved = cardText(await schedule(fm, '2026-06-01', '14:00'));
    // The confirmation reads the time as the FM typed it, not as UTC.
    expect(saved).toMatch(/Saved: .* for Mon, 1 Jun 2026, 14:00 \(Europe\/Paris\)/);
    expect(saved).not.toMatch(/T12:00/);
    const [f] = await followUps();
    expect(f).toMatchObject({
      kind: 'bvd',
      startsAt: '2026-06-01T12:00:00.000Z',
      timeZone: 'Europe/Paris',
      attendees: [fe.aadObjectId, bdm.aadObjectId],
    });
    expect(f.reminder).toMatchObject({ dueAt: '2026-06-01T11:30:00.000Z', state: 'pending' });
    await chat.say(bdm, 'followup');
    expect(cardText(chat.last().card)).toMatch(/14:00/); // shown in the meeting's own zone
  });

  it('confirms the M365 Security Conversation in the time zone it was typed in', async () => {
    const saved = cardText(
      await chat.execute(fm, card, 'conversation.schedule', {
        card: 'agenda',
        conversationDate: '2026-06-03',
        conversationTime: '10:00',
        conversationZone: 'America/New_York',
        conversationInvited: bdm.aadObjectId,
      }),
    );
    // The zone as the card shows it: Markdown-escaped, read as "America/New_York".
    expect(saved).toMatch(
      /for Wed, 3 Jun 2026, 10:00 \(America\/New\\_York\), inviting Nestor Wilke/,
    );
  });

  it('lets the FM reschedule and cancel, and refuses others', async () => {
    const [f] = await followUps();
    const move = (who: typeof fm) =>
      chat.execute(who, card, 'followup.reschedule', {
        card: 'followup',
        followUpId: f.id,
        [`date_${f.id}`]: '2026-06-01',
        [`time_${f.id}`]: '15:00',
        [`zone_${f.id}`]: 'Europe/Paris',
      });
    expect(cardText(await move(fe))).toMatch(/Only the FastTrack Manager/);
    expect(cardText(await move(fm))).toMatch(/to Mon, 1 Jun 2026, 15:00 \(Europe\/Paris\)/);
    expect((await followUps())[0]).toMatchObject({
      startsAt: '2026-06-01T13:00:00.000Z',
      reminder: { dueAt: '2026-06-01T12:30:00.000Z' },
    });

    await schedule(fm, '2026-06-01', '14:30', 'technicalSme', 'Cancelled later');
    const second = (await followUps())[1];
    expect(
      cardText(
        await chat.execute(bdm, card, 'followup.cancel', {
          card: 'followup',
          followUpId: second.id,
        }),
      ),
    ).toMatch(/Only the FastTrack Manager/);
    await chat.execute(fm, card, 'followup.cancel', { card: 'followup', followUpId: second.id });
    expect((await followUps())[1].cancelled?.by).toBe(fm.aadObjectId);
  });

  it('posts the reminder in the chat at the lead time, once, and never for a cancelled meeting', async () => {
    const reminders = () => chat.messages().filter((m) => cardText(m.card).startsWith('Follow-up reminder'));
    now = new Date('2026-06-01T12:00:00Z'); // before the lead time: nothing yet
    const [early] = await passes(ticks.length, 1);
    expect(early.due).toBe(0);
    expect(reminders()).toHaveLength(0);

    // The BDM, an attendee, has left the chat by then: only the FE is @mentioned (and notified).
    bot.channel.rosters.set(CHAT, [fm, fe]);
    now = new Date('2026-06-01T12:31:00Z');
    const [reminder] = await eventually(
      () => (reminders().length ? reminders() : undefined),
      'the reminder',
    );
    bot.channel.rosters.set(CHAT, [fm, fe, bdm]);
    expect(cardText(reminder.card)).toMatch(/Business value discovery with finance/);
    expect(reminder.text).toBe('<at>Alex Wilber</at> this meeting is coming up.');
    expect(reminder.entities).toEqual([
      { type: 'mention', text: '<at>Alex Wilber</at>', mentioned: { id: fe.id, name: fe.name } },
    ]);
    expect(cardText(reminder.card)).not.toMatch(/Cancelled later/);
    await passes(ticks.length, 2); // two more passes send nothing again
    expect(reminders()).toHaveLength(1);
    const [first, cancelled] = await followUps();
    expect(first.reminder.state).toBe('sent');
    expect(cancelled.reminder.state).toBe('pending');
    await chat.say(fm, 'status');
    expect(cardText(chat.last().card)).not.toMatch(/undeliverable/i);
  });

  it("keeps the meeting on each person's own view of the reminder (Teams' automatic refresh)", async () => {
    const reminder = chat.messages().find((m) => cardText(m.card).startsWith('Follow-up reminder'));
    const refresh = (reminder?.card as { refresh?: { action: { verb: string; data: object } } })
      .refresh;
    expect(refresh?.action.verb).toBe('refresh');
    const own = cardText(
      await chat.execute(
        bdm,
        reminder!,
        'refresh',
        { ...refresh!.action.data },
        { automatic: true },
      ),
    );
    expect(own).toMatch(/Business value discovery with finance/);
    expect(own).not.toMatch(/no longer in the engagement/);
  });
});
