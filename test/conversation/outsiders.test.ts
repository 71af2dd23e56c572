/**
 * Everyone else stays out: a person of another organization without a role, someone who is not
 * in the chat but whose activity names it, and someone removed from the chat. Each is told so
 * privately (the answer to their own card action), and nothing is stored or posted to the chat.
 */
import { engagementIdFor } from '../../src/playbook/start.js';
import { PEOPLE, startTestBot, TENANT, type TestBot } from '../support/app.js';
import { cardText, cardVerbs, type Chat } from '../support/chat.js';
import type { ChannelUser, PostedMessage } from '../support/teams-channel.js';

const { fm, fe, bdm, stranger } = PEOPLE;
const FASTTRACK = '5f1c9a2e-0d4b-4e8f-9a61-3b7c2d8e1f40';
/** Someone of another organization in the chat (external access), without a role. */
const visitor: ChannelUser = {
  id: '29:eve-visitor',
  aadObjectId: '00000000-0000-4000-8000-0000000000e1',
  name: 'Eve Visitor',
  tenantId: FASTTRACK,
};
const CUSTOMER = 'Contoso Confidential';
const leaks = (text: string) =>
  /Contoso Confidential|Megan Bowen|Alex Wilber|Nestor Wilke/.test(text);

describe('people who take no part in the engagement', () => {
  const CHAT = '19:contoso-confidential@thread.v2';
  let bot: TestBot;
  let chat: Chat;
  let card: PostedMessage;

  beforeAll(async () => {
    bot = await startTestBot();
    ({ chat, card } = await bot.engagement(CHAT, CUSTOMER, [
      [fe, 'FE'],
      [bdm, 'stakeholder', 'BDM'],
    ]));
    await chat.execute(fe, card, 'identity.complete', {
      card: 'identity',
      step: 'forests',
      note_forests: 'One forest',
    });
    // The visitor is in the chat; the stranger, of the customer's own tenant, is not.
    bot.channel.rosters.set(CHAT, [fm, fe, bdm, visitor]);
  });
  afterAll(() => bot.close());

  /** What the chat and the store hold: nothing of it may change while `run` runs. */
  async function unchanged<T>(run: () => Promise<T>): Promise<T> {
    const snapshot = async () => ({
      stored: await bot.app.store.get(engagementIdFor(CHAT)),
      posted: JSON.stringify(bot.channel.messages),
      writes: bot.channel.calls.filter((c) => c.method !== 'GET').length,
    });
    const before = await snapshot();
    const result = await run();
    expect(await snapshot()).toEqual(before);
    return result;
  }

  const acknowledge = { card: 'agenda', topics: 'importance', question: 'Can I see this?' };

  it('another organization’s member without a role: every card action refused, privately, showing nothing', async () => {
    for (const [verb, data] of [
      ['agenda.acknowledge', acknowledge],
      ['show', { card: 'roles', open: 'status' }],
      ['refresh', { card: 'roles' }],
      ['summary.export', { card: 'summary' }],
      ['engagement.start', { card: 'help', customer: 'Fabrikam' }],
    ] as const) {
      const seen = cardText(await unchanged(() => chat.execute(visitor, card, verb, data)));
      expect(seen).toMatch(/no role/);
      expect(leaks(seen)).toBe(false);
    }
  });

  it('an external member without a role, whose activity names the hosting tenant, is refused too', async () => {
    const external = bot.chatIn(CHAT, 'groupChat', TENANT, { activityTenant: 'host' });
    const seen = cardText(
      await unchanged(() =>
        external.execute(visitor, card, 'agenda.acknowledge', acknowledge, { id: 'ext-1' }),
      ),
    );
    expect(seen).toMatch(/no role in this chat's engagement/);
    expect(leaks(seen)).toBe(false);
  });

  it('a non-member whose activity names the chat sees nothing and changes nothing', async () => {
    const status = cardText(
      await unchanged(() =>
        chat.execute(stranger, card, 'show', { card: 'roles', open: 'status' }),
      ),
    );
    expect(status).toMatch(/You are not a member of this chat/);
    expect(leaks(status)).toBe(false);
    const action = cardText(
      await unchanged(() => chat.execute(stranger, card, 'agenda.acknowledge', acknowledge)),
    );
    expect(action).toMatch(/no role in this chat's engagement/);
    expect(leaks(action)).toBe(false);
  });

  it('typed, or through the old clients’ Action.Submit, they get a short reply naming them, never a card', async () => {
    // Not even the activity id of a typed command is recorded for them.
    const stored = await bot.app.store.get(engagementIdFor(CHAT));
    for (const send of [
      () => chat.say(visitor, 'status'),
      () => chat.say(visitor, 'summary'),
      () => chat.say(visitor, 'help'),
      () => chat.say(visitor, 'start Fabrikam'),
      () => chat.submit(visitor, card, 'agenda.acknowledge', acknowledge),
    ]) {
      const before = chat.messages().length;
      await send();
      const posted = chat.messages().slice(before);
      expect(posted).toHaveLength(1);
      expect(posted[0]!.card).toBeUndefined();
      expect(posted[0]!.text).toMatch(/^<at>Eve Visitor<\/at> .*no role/);
      expect(posted[0]!.entities).toEqual([
        {
          type: 'mention',
          text: '<at>Eve Visitor</at>',
          mentioned: { id: visitor.id, name: visitor.name },
        },
      ]);
      expect(leaks(posted[0]!.text ?? '')).toBe(false);
    }
    expect(await bot.app.store.get(engagementIdFor(CHAT))).toEqual(stored);
  });

  it('someone removed from the chat can no longer act; the record keeps what they did', async () => {
    await chat.leave(fe, fm);
    bot.channel.rosters.set(CHAT, [fm, bdm, visitor]);
    const e = (await bot.app.store.get(engagementIdFor(CHAT)))!.engagement;
    expect(e.people[fe.aadObjectId]).toMatchObject({
      role: 'FE',
      removed: { byName: 'Deploy Securely' },
    });
    expect(e.identity.steps.forests?.by).toBe(fe.aadObjectId);
    expect(e.history.at(-1)?.summary).toMatch(/Alex Wilber left the chat and can no longer act/);

    const refused = cardText(
      await unchanged(() =>
        chat.execute(fe, card, 'identity.complete', {
          card: 'identity',
          step: 'aadConnect',
          note_aadConnect: '',
        }),
      ),
    );
    expect(refused).toMatch(/no longer in this chat/);
    expect(leaks(refused)).toBe(false);
    const view = await unchanged(() =>
      chat.execute(fe, card, 'refresh', { card: 'identity' }, { automatic: true }),
    );
    expect(cardVerbs(view)).toEqual([]);

    // The next shared card no longer asks Teams for their own view, and shows they left.
    const roles = await chat.execute(fm, card, 'show', { card: 'status', open: 'roles' });
    expect(cardText(roles)).toMatch(
      /Alex Wilber\nFastTrack Engineer \(left the chat, cannot act\)/,
    );
    await chat.execute(bdm, card, 'agenda.acknowledge', { ...acknowledge, question: '' });
    const shared = chat.messages().find((m) => m.id === card.id)!.card as {
      refresh?: { userIds: string[] };
    };
    expect(shared.refresh?.userIds.sort()).toEqual([fm.id, bdm.id].sort());
  });

  it('someone removed can be given a role only after coming back; back, they act again', async () => {
    const refused = cardText(
      await chat.execute(fm, card, 'roles.assign', {
        card: 'roles',
        personId: fe.aadObjectId,
        role: 'SME',
      }),
    );
    expect(refused).toMatch(
      /Alex Wilber is not in this chat any more: only their role can be removed/,
    );
    bot.channel.rosters.set(CHAT, [fm, fe, bdm, visitor]);
    await chat.join(fe, fm);
    expect(
      cardText(
        await chat.execute(fe, card, 'auth.finalize', {
          card: 'auth',
          authMethod: 'phs',
          authRationale: 'Simplest',
          authDecidedBy: 'Nestor Wilke',
        }),
      ),
    ).toMatch(/Saved: Alex Wilber/);
    const e = (await bot.app.store.get(engagementIdFor(CHAT)))!.engagement;
    expect(e.people[fe.aadObjectId]?.removed).toBeUndefined();
    expect(e.history.map((h) => h.action)).toEqual(
      expect.arrayContaining(['memberLeft', 'memberBack']),
    );
  });
});

describe('the host tenant of a chat whose activities carry no conversation tenant', () => {
  it('is read from channelData, and the person is not refused', async () => {
    const bot = await startTestBot();
    try {
      const chat = bot.chatIn('19:no-tenant@thread.v2', 'groupChat', TENANT, {
        emptyConversationTenant: true,
      });
      bot.channel.rosters.set('19:no-tenant@thread.v2', [fm]);
      await chat.say(fm, 'start Contoso');
      expect(cardText(chat.last().card)).toMatch(/Contoso/);
      const e = (await bot.app.store.get(engagementIdFor('19:no-tenant@thread.v2')))!.engagement;
      expect(e.tenantId).toBe(TENANT);
    } finally {
      await bot.close();
    }
  });
});
