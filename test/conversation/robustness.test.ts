/**
 * What a busy real chat does to the bot: two people answering at once, Teams redelivering an
 * activity, old clients sending Action.Submit, malformed and huge answers, commands typed in any
 * case, channels with reply threads, new members, and a database that stops answering.
 */
import { engagementIdFor } from '../../src/playbook/start.js';
import { openCosmosStore } from '../../src/store/cosmos.js';
import type { EngagementStore } from '../../src/store/store.js';
import { PEOPLE, startTestBot, type TestBot } from '../support/app.js';
import { cardText, type Chat } from '../support/chat.js';
import { cosmosSettings, startCosmosServer, type CosmosServer } from '../support/cosmos-server.js';

const { fm, fe, bdm, architect } = PEOPLE;

describe('a busy chat', () => {
  let cosmos: CosmosServer;
  let store: EngagementStore;
  let bot: TestBot;

  const engagementOf = async (chat: Chat) =>
    (await store.get(engagementIdFor(chat.conversationId)))!.engagement;

  /** A chat with an engagement past kickoff, an FE and two stakeholders. */
  const readyChat = (id: string) =>
    bot.engagement(id, 'Fabrikam', [
      [fe, 'FE'],
      [bdm, 'stakeholder', 'BDM'],
      [architect, 'stakeholder', 'IT'],
    ]);

  beforeAll(async () => {
    cosmos = await startCosmosServer();
    store = await openCosmosStore(cosmosSettings(cosmos.endpoint, { database: 'robustness' }));
    bot = await startTestBot({ store });
  });
  afterAll(async () => {
    await bot.close();
    await cosmos.stop();
  });

  it('records two people answering at the same moment', async () => {
    const { chat, card } = await readyChat('19:two-at-once@thread.v2');
    const answers = await Promise.all([
      chat.execute(bdm, card, 'agenda.acknowledge', {
        card: 'agenda',
        topics: 'importance',
        question: 'From the BDM',
      }),
      chat.execute(architect, card, 'agenda.acknowledge', {
        card: 'agenda',
        topics: 'baseline',
        question: 'From IT',
      }),
      chat.execute(bdm, card, 'auth.prefer', {
        card: 'auth',
        preferMethod: 'pta',
        preferComment: '',
      }),
      chat.execute(architect, card, 'auth.prefer', {
        card: 'auth',
        preferMethod: 'phs',
        preferComment: '',
      }),
    ]);
    answers.forEach((answer) => expect(cardText(answer)).toMatch(/Saved/));
    const e = await engagementOf(chat);
    expect(e.conversation.questions.map((q) => q.text).sort()).toEqual(['From IT', 'From the BDM']);
    expect(Object.keys(e.identity.preferences).sort()).toEqual(
      [architect.aadObjectId, bdm.aadObjectId].sort(),
    );
  });

  it('changes nothing twice when Teams delivers the same activity again', async () => {
    const { chat, card } = await readyChat('19:redelivery@thread.v2');
    const send = () =>
      chat.execute(
        bdm,
        card,
        'agenda.acknowledge',
        { card: 'agenda', topics: 'importance', question: 'Only once, please' },
        { id: 'teams-activity-42' },
      );
    await Promise.all([send(), send(), send()]);
    const again = await send();
    expect(cardText(again)).toMatch(/Already recorded/);
    await chat.say(fm, 'start Fabrikam', 'teams-activity-start');
    await chat.say(fm, 'start Fabrikam', 'teams-activity-start');
    const e = await engagementOf(chat);
    expect(e.conversation.questions.filter((q) => q.text === 'Only once, please')).toHaveLength(1);
    expect(e.history.filter((h) => h.action === 'start')).toHaveLength(1);
  });

  it('posts the first card once when Teams delivers the "start" message again', async () => {
    const chat = bot.chat('19:start-redelivered@thread.v2');
    bot.channel.rosters.set(chat.conversationId, [fm, fe]);
    await chat.say(fm, 'start Northwind', 'teams-activity-first-start');
    await chat.say(fm, 'start Northwind', 'teams-activity-first-start');
    expect(chat.messages()).toHaveLength(1);
    expect(cardText(chat.last().card)).toMatch(/Northwind/);
  });

  it("answers an old client's Action.Submit through the same door, updating the card in place", async () => {
    const { chat, card } = await readyChat('19:submit@thread.v2');
    const updates = chat.messages().find((m) => m.id === card.id)!.updates;
    const reply = await chat.submit(bdm, card, 'agenda.acknowledge', {
      card: 'agenda',
      topics: 'importance,baseline',
      question: '',
    });
    expect(reply.status).toBe(200);
    expect(chat.messages().find((m) => m.id === card.id)!.updates).toBe(updates + 1);
    expect(
      (await engagementOf(chat)).conversation.acknowledgements[bdm.aadObjectId].topics,
    ).toEqual(['importance', 'baseline']);
    // A refusal through Action.Submit is a short reply to the BDM, not a card for the chat.
    const posted = chat.messages().length;
    await chat.submit(bdm, card, 'auth.finalize', {
      card: 'auth',
      authMethod: 'phs',
      authRationale: 'Typed by the BDM',
      authDecidedBy: 'BDM',
    });
    expect(chat.messages()).toHaveLength(posted + 1);
    expect(chat.last().card).toBeUndefined();
    expect(chat.last().text).toMatch(/^<at>Nestor Wilke<\/at> Only the FastTrack Engineer/);
  });

  it('refuses malformed, missing and huge answers with a clear message, and stores nothing', async () => {
    const { chat, card } = await readyChat('19:bad-input@thread.v2');
    const before = await engagementOf(chat);
    const huge = 'x'.repeat(40_000);
    const answers = [
      await chat.execute(bdm, card, 'agenda.acknowledge', {
        card: 'agenda',
        topics: 'importance',
        question: huge,
      }),
      await chat.execute(fe, card, 'auth.finalize', {
        card: 'auth',
        authMethod: 'carrier-pigeon',
        authRationale: 'x',
        authDecidedBy: 'y',
      }),
      await chat.execute(fm, card, 'licensing.record', {
        card: 'licensing',
        licences: '',
        addOns: '',
      }),
      await chat.execute(bdm, card, 'agenda.assess', {
        card: 'agenda',
        level_identity: ['working'],
        level_device: 42,
      }),
      await chat.execute(fm, card, 'no.such.verb', { card: 'status' }),
    ].map(cardText);
    expect(answers[0]).toMatch(/question is 40,000 characters long; at most 2,000 fit/);
    expect(answers[1]).toMatch(/authentication method/i);
    expect(answers[2]).toMatch(/licence/i);
    expect(answers[3]).toMatch(/level/i);
    expect(answers[4]).toMatch(/do not know that button/);
    answers.forEach((a) => expect(a).toMatch(/Nothing was (saved|changed)/));
    expect(await engagementOf(chat)).toEqual(before);
  });

  it('understands commands in any case, with the @mention, in channels and their reply threads', async () => {
    const channel = bot.chat('19:general@thread.tacv2', 'channel');
    bot.channel.rosters.set('19:general@thread.tacv2', [fm, fe]);
    await channel.say(fm, 'Start Northwind Traders');
    const thread = bot.chat('19:general@thread.tacv2;messageid=1700000000000', 'channel');
    await thread.say(fe, 'STATUS');
    expect(cardText(thread.last().card)).toMatch(/Northwind Traders/);
    await thread.say(fe, 'WorkShop');
    expect(cardText(thread.last().card)).toMatch(/Identity and Device Security/);
    await thread.say(fe, 'what is this?');
    expect(cardText(thread.last().card)).toMatch(/did not understand/i);
  });

  it('welcomes a new member of the chat', async () => {
    const { chat } = await readyChat('19:welcome@thread.v2');
    await chat.join(PEOPLE.sme, fm);
    expect(cardText(chat.last().card)).toMatch(new RegExp(PEOPLE.sme.name));
  });

  it('says "not saved, please try again" when the database stops answering, and loses nothing acknowledged', async () => {
    const { chat, card } = await readyChat('19:outage@thread.v2');
    await chat.execute(bdm, card, 'agenda.acknowledge', {
      card: 'agenda',
      topics: 'importance',
      question: 'Saved before the outage',
    });
    const before = await engagementOf(chat);
    cosmos.inject((req) =>
      req.method === 'PUT'
        ? { status: 503, body: { code: 'ServiceUnavailable', message: 'injected' } }
        : undefined,
    );
    try {
      const answer = cardText(
        await chat.execute(architect, card, 'agenda.acknowledge', {
          card: 'agenda',
          topics: 'baseline',
          question: 'During the outage',
        }),
      );
      expect(answer).toMatch(/Not saved/);
      expect(answer).toMatch(/try again/i);
      expect(answer).toContain('During the outage'); // what was typed is still on the card
    } finally {
      cosmos.inject(undefined);
    }
    expect(await engagementOf(chat)).toEqual(before);
    await chat.execute(architect, card, 'agenda.acknowledge', {
      card: 'agenda',
      topics: 'baseline',
      question: 'During the outage',
    });
    expect((await engagementOf(chat)).conversation.questions.map((q) => q.text)).toEqual([
      'Saved before the outage',
      'During the outage',
    ]);
  });

  it('answers the person with their card when Teams will not take the shared card, and keeps what was saved', async () => {
    const { chat, card } = await readyChat('19:connector-down@thread.v2');
    bot.channel.failUpdatesWith = 400;
    bot.channel.failPostsWith = 400;
    let answer: string;
    try {
      answer = cardText(
        await chat.execute(bdm, card, 'agenda.acknowledge', {
          card: 'agenda',
          topics: 'importance',
          question: 'Asked while Teams was down',
        }),
      );
    } finally {
      bot.channel.failUpdatesWith = undefined;
      bot.channel.failPostsWith = undefined;
    }
    expect(answer).toMatch(/Saved/);
    expect((await engagementOf(chat)).conversation.questions.map((q) => q.text)).toEqual([
      'Asked while Teams was down',
    ]);
  });

  it('answers a roles-card button with "not saved" when the database cannot be read', async () => {
    const { chat, card } = await readyChat('19:outage-roles@thread.v2');
    const before = await engagementOf(chat);
    cosmos.inject(() => ({
      status: 503,
      body: { code: 'ServiceUnavailable', message: 'injected' },
    }));
    try {
      const answer = cardText(
        await chat.execute(fm, card, 'roles.assign', {
          card: 'roles',
          personId: architect.aadObjectId,
          role: 'stakeholder',
          title: 'Security Architect',
        }),
      );
      expect(answer).toMatch(/Not saved/);
      expect(answer).toMatch(/try again/i);
    } finally {
      cosmos.inject(undefined);
    }
    expect(await engagementOf(chat)).toEqual(before);
  });
});
