import { createHttpHeaders, createPipelineRequest, RestError } from '@azure/core-rest-pipeline';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import {
  BotReminderSender,
  DeliveryError,
  UndeliverableError,
  type ProactiveAdapter,
} from '../../src/teams/proactive.js';

/** The app passes a real CloudAdapter where these tests pass a fake: the types must agree. */
const cloudAdapterFits: CloudAdapter extends ProactiveAdapter ? true : false = true;

/** What sendActivity does on each call, in order: throw an error, or succeed. */
type Step = Error | 'ok';

function httpError(statusCode: number, headers: Record<string, string> = {}): Error {
  return Object.assign(new Error(`Teams answered ${statusCode}`), {
    statusCode,
    response: {
      status: statusCode,
      headers: { get: (name: string) => headers[name.toLowerCase()] },
    },
  });
}

/** A fake CloudAdapter: runs the proactive turn with a context whose sendActivity follows `steps`. */
function fakeAdapter(steps: Step[], options: { swallowTurnErrors?: boolean } = {}) {
  const calls: { appId: string; reference: unknown }[] = [];
  const activities: unknown[] = [];
  const adapter: ProactiveAdapter = {
    async continueConversationAsync(appId, reference, logic) {
      calls.push({ appId, reference });
      const context = {
        sendActivity: async (activity: unknown) => {
          activities.push(activity);
          const step = steps.shift() ?? 'ok';
          if (step !== 'ok') throw step;
          return { id: `activity-${activities.length}` };
        },
      } as unknown as TurnContext;
      try {
        await logic(context);
      } catch (err) {
        // Like BotAdapter.runMiddleware with onTurnError set: the error never leaves the adapter.
        if (!options.swallowTurnErrors) throw err;
      }
    },
  };
  return { adapter, calls, activities };
}

const REFERENCE = {
  channelId: 'msteams',
  serviceUrl: 'https://smba.example/',
  conversation: { id: '19:chat@thread.v2' },
};
const CARD = {
  type: 'AdaptiveCard',
  version: '1.5',
  body: [{ type: 'TextBlock', text: 'Reminder' }],
};

function sender(
  steps: Step[],
  extra: { maxAttempts?: number; swallowTurnErrors?: boolean; now?: () => number } = {},
) {
  const fake = fakeAdapter(steps, { swallowTurnErrors: extra.swallowTurnErrors });
  const sleeps: number[] = [];
  const bot = new BotReminderSender({
    adapter: fake.adapter,
    appId: 'bot-app-id',
    maxAttempts: extra.maxAttempts ?? 4,
    baseDelayMs: 1000,
    maxDelayMs: 8000,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    now: extra.now,
  });
  return { bot, sleeps, ...fake };
}

describe('BotReminderSender', () => {
  it('accepts a CloudAdapter', () => {
    expect(cloudAdapterFits).toBe(true);
  });

  it('sends the card as an Adaptive Card attachment into the stored conversation', async () => {
    const { bot, calls, activities, sleeps } = sender(['ok']);
    await bot.send(REFERENCE, CARD);
    expect(calls).toEqual([{ appId: 'bot-app-id', reference: REFERENCE }]);
    expect(activities).toEqual([
      expect.objectContaining({
        type: 'message',
        attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: CARD }],
      }),
    ]);
    expect(sleeps).toEqual([]);
  });

  it('retries 429, 412, 502 and 504 with exponential backoff and jitter, then delivers', async () => {
    const { bot, calls, sleeps } = sender([httpError(429), httpError(412), httpError(502), 'ok'], {
      maxAttempts: 5,
    });
    await bot.send(REFERENCE, CARD);
    expect(calls).toHaveLength(4);
    // random() = 0.5: three quarters of 1000, 2000, 4000.
    expect(sleeps).toEqual([750, 1500, 3000]);
    const again = sender([httpError(504), 'ok']);
    await again.bot.send(REFERENCE, CARD);
    expect(again.calls).toHaveLength(2);
  });

  it('honours a Retry-After given in seconds or as an HTTP date', async () => {
    const nowMs = Date.parse('2030-03-04T09:00:00Z');
    const { bot, sleeps } = sender(
      [
        httpError(429, { 'retry-after': '5' }),
        httpError(429, { 'retry-after': 'Mon, 04 Mar 2030 09:00:07 GMT' }),
        'ok',
      ],
      { now: () => nowMs },
    );
    await bot.send(REFERENCE, CARD);
    expect(sleeps).toEqual([5000, 7000]);
  });

  it('reads the status and Retry-After of the SDK’s real RestError', async () => {
    const request = createPipelineRequest({
      url: 'https://smba.example/v3/conversations/x/activities',
    });
    const throttled = new RestError('Too many requests', {
      statusCode: 429,
      request,
      response: { status: 429, headers: createHttpHeaders({ 'Retry-After': '2' }), request },
    });
    const { bot, sleeps } = sender([throttled, 'ok']);
    await bot.send(REFERENCE, CARD);
    expect(sleeps).toEqual([2000]);
  });

  it('gives up when Teams asks to wait longer than maxDelayMs, passing the wait on', async () => {
    const { bot, calls, sleeps } = sender([httpError(429, { 'retry-after': '60' })]);
    const err = await bot.send(REFERENCE, CARD).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeliveryError);
    expect(err).toMatchObject({
      statusCode: 429,
      retryable: true,
      attempts: 1,
      retryAfterMs: 60_000,
    });
    expect(calls).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('throws a retryable DeliveryError once the attempts are spent on 502s', async () => {
    const { bot, calls, sleeps } = sender([
      httpError(502),
      httpError(502),
      httpError(502),
      httpError(502),
      'ok',
    ]);
    const err = await bot.send(REFERENCE, CARD).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeliveryError);
    expect(err).toMatchObject({ statusCode: 502, retryable: true, attempts: 4 });
    expect((err as Error).message).toBe('Not delivered: Teams answered 502 (attempt 4 of 4).');
    expect(calls).toHaveLength(4);
    expect(sleeps).toEqual([750, 1500, 3000]);
  });

  it('stops at once on a 403 (the bot was removed from the chat): UndeliverableError, no retry', async () => {
    const { bot, calls, sleeps } = sender([httpError(429), httpError(403), 'ok']);
    const err = await bot.send(REFERENCE, CARD).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UndeliverableError);
    expect(err).toMatchObject({ statusCode: 403 });
    expect(calls).toHaveLength(2);
    expect(sleeps).toEqual([750]);
  });

  it('does not retry other statuses and says whether a later send may work', async () => {
    const bad = sender([httpError(400)]);
    await expect(bad.bot.send(REFERENCE, CARD)).rejects.toMatchObject({
      name: 'DeliveryError',
      statusCode: 400,
      retryable: false,
    });
    expect(bad.calls).toHaveLength(1);
    const down = sender([httpError(500)]);
    await expect(down.bot.send(REFERENCE, CARD)).rejects.toMatchObject({
      statusCode: 500,
      retryable: true,
    });
    expect(down.calls).toHaveLength(1);
    const network = sender([Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })]);
    await expect(network.bot.send(REFERENCE, CARD)).rejects.toMatchObject({
      statusCode: undefined,
      retryable: true,
    });
    expect(network.sleeps).toEqual([]);
  });

  it('sees a failed send even when the adapter’s onTurnError would swallow it', async () => {
    const { bot, calls } = sender([httpError(502), httpError(403)], { swallowTurnErrors: true });
    await expect(bot.send(REFERENCE, CARD)).rejects.toBeInstanceOf(UndeliverableError);
    expect(calls).toHaveLength(2);
  });
});
