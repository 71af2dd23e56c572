/**
 * A stakeholder answers a card (an adaptiveCard/action invoke over HTTP, through the real bot)
 * while the Cosmos DB server stalls, refuses, drops connections or loses its answers, then
 * recovers: the answer is saved once, or the person is told it was not (or that it could not be
 * confirmed) — always in time for Teams, and never saved later after a "not saved".
 */
import type { IncomingMessage } from 'node:http';
import { engagementIdFor } from '../../src/playbook/start.js';
import { OPERATION_TIMEOUT_MS } from '../../src/store/deadline.js';
import { PEOPLE, startTestBot, TENANT, type TestBot } from '../support/app.js';
import { inputs } from '../cards/adaptive.js';
import { cardText, cardVerbs, Chat } from '../support/chat.js';
import {
  startCosmosServer,
  TEST_KEY,
  type CosmosServer,
  type Injector,
} from '../support/cosmos-server.js';
import type { PostedMessage } from '../support/teams-channel.js';

/** Teams stops waiting for the bot after about 15 s. */
const TEAMS_WAITS_MS = 15_000;
const NOT_SAVED = /Not saved: .*Please try again\./;
const NOT_CONFIRMED = /Not confirmed: .*cannot tell whether this was saved/;

describe('a card answer while Cosmos DB fails, then recovers', () => {
  let cosmos: CosmosServer;
  let bot: TestBot;
  let chat: Chat;
  let card: PostedMessage;
  let engagementDoc: string;
  let seq = 0;

  beforeAll(async () => {
    cosmos = await startCosmosServer();
    bot = await startTestBot({
      env: {
        COSMOS_ENDPOINT: cosmos.endpoint,
        COSMOS_KEY: TEST_KEY,
        COSMOS_DATABASE: 'stall-test',
      },
      cosmosClientOptions: { connectionPolicy: { enableEndpointDiscovery: false } },
    });
    const chatId = '19:cosmos-stall@thread.v2';
    ({ chat, card } = await bot.engagement(chatId, 'Contoso', [
      [PEOPLE.bdm, 'stakeholder', 'BDM'],
    ]));
    await chat.execute(PEOPLE.fm, card, 'licensing.record', {
      card: 'licensing',
      licences: 'm365e3',
    });
    engagementDoc = `/docs/${engagementIdFor(chatId)}`;
  }, 60_000);

  afterEach(() => cosmos.inject(undefined));
  afterAll(async () => {
    await bot.close();
    await cosmos.stop();
  });

  const questions = async () =>
    (await bot.app.store.get(
      engagementIdFor(chat.conversationId),
    ))!.engagement.conversation.questions.map((q) => q.text);
  const onEngagement = (req: IncomingMessage) => (req.url ?? '').endsWith(engagementDoc);
  const isWrite = (req: IncomingMessage) => onEngagement(req) && req.method === 'PUT';
  /** The fault for the next write to the engagement only. */
  const firstWrite = (fault: 'drop' | 'lose-answer'): Injector => {
    let done = false;
    return (req) => {
      if (done || !isWrite(req)) return undefined;
      done = true;
      return fault;
    };
  };

  /** The BDM acknowledges the agenda with a question; returns the card text and how long it took. */
  async function answer(question: string, id: string) {
    const started = Date.now();
    const view = await chat.execute(
      PEOPLE.bdm,
      card,
      'agenda.acknowledge',
      { card: 'agenda', topics: 'importance', question },
      { id },
    );
    return { text: cardText(view), ms: Date.now() - started, view };
  }

  /** The person's answer is still on the card they see: the form, with what they typed. */
  function expectKept(view: Record<string, unknown>, question: string) {
    expect(cardText(view)).not.toContain('There is no engagement in this chat yet');
    expect(cardVerbs(view)).toContain('agenda.acknowledge');
    expect(inputs(view).get('question')?.value).toBe(question);
    expect(inputs(view).get('topics')?.value).toBe('importance');
  }

  /** Teams delivers the same activity again once the database is back: saved exactly once. */
  async function recoverAndRedeliver(question: string, id: string, already: boolean) {
    cosmos.inject(undefined);
    const again = await answer(question, id);
    expect(again.text).toMatch(already ? /Already recorded/ : /Saved: Nestor Wilke acknowledged/);
    expect((await answer(question, id)).text).toMatch(/Already recorded/);
    expect((await questions()).filter((q) => q === question)).toHaveLength(1);
  }

  const cases: [string, Injector][] = [
    ['stalls (accepts, never answers)', (req) => (onEngagement(req) ? 'hang' : undefined)],
    ['answers 503', (req) => (onEngagement(req) ? { status: 503 } : undefined)],
    ['resets every connection', (req) => (onEngagement(req) ? 'drop' : undefined)],
  ];

  it.each(cases)(
    'when the database %s: "not saved" within one read\'s wait, nothing written; saved once after recovery',
    async (_, fault) => {
      const question = `Question while the database ${++seq}`;
      const id = `stall-${seq}`;
      cosmos.inject(fault);
      cosmos.resetRequests();
      const { text, ms, view } = await answer(question, id);
      expect(text).toMatch(NOT_SAVED);
      expectKept(view, question);
      // One read's wait (the SDK may retry a broken connection inside it), never a second one.
      expect(ms).toBeLessThan(OPERATION_TIMEOUT_MS + 1_500);
      const touched = cosmos.requests.filter((r) => r.url.endsWith(engagementDoc));
      expect(touched.length).toBeGreaterThan(0);
      expect(touched.filter((r) => r.method !== 'GET')).toEqual([]);
      cosmos.inject(undefined);
      expect(await questions()).not.toContain(question);
      await recoverAndRedeliver(question, id, false);
    },
  );

  it('when a write stalls: "not confirmed" (never "not saved") in time, and the redelivery saves it once', async () => {
    const question = 'Question whose write stalls';
    cosmos.inject((req) => (isWrite(req) ? 'hang' : undefined));
    const { text, ms, view } = await answer(question, 'write-stall');
    expect(text).toMatch(NOT_CONFIRMED);
    expect(text).not.toMatch(/Not saved/);
    expectKept(view, question);
    expect(ms).toBeLessThan(TEAMS_WAITS_MS);
    cosmos.inject(undefined);
    expect(await questions()).not.toContain(question);
    await recoverAndRedeliver(question, 'write-stall', false);
  });

  it('when the write is applied but its answer is lost: found out and told "saved", recorded once', async () => {
    const question = 'Question whose answer is lost';
    cosmos.inject(firstWrite('lose-answer'));
    const { text, ms } = await answer(question, 'lost-answer');
    expect(text).toMatch(/Saved: Nestor Wilke acknowledged/);
    expect(ms).toBeLessThan(TEAMS_WAITS_MS);
    await recoverAndRedeliver(question, 'lost-answer', true);
  });

  it('when the write is cut off before the database sees it: fenced off and told "not saved", and it stays so', async () => {
    const question = 'Question whose write is cut off';
    cosmos.inject(firstWrite('drop'));
    cosmos.resetRequests();
    const { text, view } = await answer(question, 'cut-off');
    expect(text).toMatch(NOT_SAVED);
    expectKept(view, question);
    // The fence: the unchanged engagement written back on the version the lost write was based on.
    const writes = cosmos.requests.filter(
      (r) => r.method === 'PUT' && r.url.endsWith(engagementDoc),
    );
    expect(writes.map((r) => r.status)).toEqual([undefined, 200]);
    expect(await questions()).not.toContain(question);
    await recoverAndRedeliver(question, 'cut-off', false);
  });

  it('on an instance that never read the engagement: "not saved", what was typed shown back, never "no engagement"', async () => {
    const cold = await startTestBot({
      env: {
        COSMOS_ENDPOINT: cosmos.endpoint,
        COSMOS_KEY: TEST_KEY,
        COSMOS_DATABASE: 'stall-test',
      },
      cosmosClientOptions: { connectionPolicy: { enableEndpointDiscovery: false } },
      reminders: false,
    });
    try {
      const there = new Chat(cold.url, bot.channel, chat.conversationId, 'groupChat', TENANT);
      cosmos.inject((req) => (onEngagement(req) ? { status: 503 } : undefined));
      const view = await there.execute(
        PEOPLE.bdm,
        card,
        'agenda.acknowledge',
        { card: 'agenda', topics: 'importance', question: 'Asked of a cold instance' },
        { id: 'cold-instance' },
      );
      const text = cardText(view);
      expect(text).toMatch(NOT_SAVED);
      expect(text).toContain('You typed: topics: importance; question: Asked of a cold instance');
      expect(text).toContain("This chat's engagement cannot be read right now.");
      expect(text).not.toContain('There is no engagement');
    } finally {
      cosmos.inject(undefined);
      await cold.close();
    }
  });
});
