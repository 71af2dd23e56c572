/**
 * Times people read: a follow-up set at 10:05 in Paris reads so on the shared card, and each
 * person's own view adds the time in their client's zone; the zone is picked from a list.
 */
import { engagementIdFor } from '../../src/playbook/start.js';
import { PEOPLE, startTestBot, type TestBot } from '../support/app.js';
import { cardText } from '../support/chat.js';

const { fm, fe } = PEOPLE;
const START = new Date('2026-06-01T08:00:00Z');

type Json = Record<string, unknown>;

/** Every input of a card with this id. */
function inputs(card: unknown, id: string): Json[] {
  const found: Json[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const n = node as Json;
    if (typeof n.type === 'string' && n.type.startsWith('Input.') && n.id === id) found.push(n);
    Object.values(n).forEach(walk);
  };
  walk(card);
  return found;
}

describe('times people read', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({ clock: () => START, env: { DEFAULT_TIME_ZONE: 'UTC' } });
  });
  afterAll(async () => {
    await bot.close();
  });

  test('a follow-up reads in the zone it was set in, and in the viewer’s own zone on their view; any minute', async () => {
    const { chat } = await bot.engagement('19:times@thread.v2', 'Contoso', [[fe, 'FE']]);
    await chat.say(fm, 'followups');
    const followups = chat.last();
    const [zone] = inputs(followups.card, 'fuZone');
    expect(zone).toMatchObject({ type: 'Input.ChoiceSet', style: 'filtered' });
    const zones = (zone?.choices as { value: string }[]).map((c) => c.value);
    expect(zones).toEqual(expect.arrayContaining(['Europe/Paris', 'America/New_York', 'UTC']));
    expect(inputs(followups.card, 'fuTime')[0]?.type).toBe('Input.Time');

    // The chat's clients are in Europe/London (the stand-in's localTimezone).
    const mine = await chat.execute(fm, followups, 'followup.schedule', {
      card: 'followup',
      fuKind: 'securityWorkshop',
      fuDate: '2026-06-15',
      fuTime: '10:05',
      fuZone: 'Europe/Paris',
      fuAttendees: fe.aadObjectId,
      fuAgenda: '',
    });
    const stored = (await bot.app.store.get(engagementIdFor(chat.conversationId)))?.engagement;
    expect(stored?.followUps[0]).toMatchObject({
      startsAt: '2026-06-15T08:05:00.000Z',
      timeZone: 'Europe/Paris',
    });
    expect(cardText(mine)).toContain(
      'Mon, 15 Jun 2026, 10:05 (Europe/Paris); 09:05 your time (Europe/London)',
    );
    // Its reschedule picker offers the zone it was set in and the viewer's.
    const [reschedule] = inputs(mine, `zone_${stored?.followUps[0]?.id}`);
    expect(reschedule).toMatchObject({ type: 'Input.ChoiceSet', value: 'Europe/Paris' });
    expect((reschedule?.choices as { value: string }[]).map((c) => c.value)).toEqual([
      'Europe/Paris',
      'Europe/London',
      'UTC',
    ]);

    // The shared card says the time as it was set, for everyone.
    const shared = cardText(chat.messages().find((m) => m.id === followups.id)?.card);
    expect(shared).toContain('Mon, 15 Jun 2026, 10:05 (Europe/Paris)');
    expect(shared).not.toMatch(/your time/);

    // Teams may name the zone only in the clientInfo entity: a viewer in New York.
    const newYork = await chat.post({
      id: 'times-refresh-new-york',
      type: 'invoke',
      name: 'adaptiveCard/action',
      channelId: 'msteams',
      serviceUrl: bot.channel.serviceUrl,
      from: { id: fe.id, name: fe.name, aadObjectId: fe.aadObjectId },
      conversation: {
        id: chat.conversationId,
        conversationType: 'groupChat',
        tenantId: fe.tenantId,
      },
      recipient: { id: '28:deploy-securely-bot', name: 'Deploy Securely' },
      channelData: { tenant: { id: fe.tenantId } },
      entities: [{ type: 'clientInfo', locale: 'en-US', timezone: 'America/New_York' }],
      replyToId: followups.id,
      value: {
        action: { type: 'Action.Execute', verb: 'refresh', data: { card: 'followup' } },
        trigger: 'automatic',
      },
    });
    const feView = cardText((newYork.body as { value: unknown }).value);
    expect(feView).toContain(
      'Mon, 15 Jun 2026, 10:05 (Europe/Paris); 04:05 your time (America/New_York)',
    );
  });
});
