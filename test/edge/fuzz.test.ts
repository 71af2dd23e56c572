/**
 * Thousands of generated requests, activities and card payloads sent over HTTP to the running
 * bot, next to a chat with a real engagement: never a 5xx, never a crash, and never a write for
 * input that is invalid. Deterministic from its seed (FUZZ_SEED to replay one); bounded in time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { NAVIGATION_VERBS } from '../../src/door/navigation.js';
import { ACTION_VERB_LIST } from '../../src/door/verbs/index.js';
import { openEmbeddedStore } from '../../src/store/embedded.js';
import type { EngagementStore } from '../../src/store/store.js';
import { PEOPLE, startTestBot, type TestBot } from '../support/app.js';
import { BOT } from '../support/chat.js';
import { Random } from '../support/random.js';
import type { ChannelUser } from '../support/teams-channel.js';

const SEED = Number(process.env.FUZZ_SEED ?? 0x5eed_2026);
const MAX_CASES = 4_000;
const MAX_MS = 15_000;
/** Always sent, however slow the machine: the time bound only stops the cases beyond these. */
const MIN_CASES = 1_000;
const CHAT = '19:fuzz@thread.v2';

/** A store that counts the writes the bot makes through it. */
function counting(store: EngagementStore): EngagementStore & { writes: number } {
  const counted = {
    writes: 0,
    get: (id: string) => store.get(id),
    create: (e: Parameters<EngagementStore['create']>[0]) => (counted.writes++, store.create(e)),
    replace: (e: Parameters<EngagementStore['replace']>[0], etag: string) => (
      counted.writes++,
      store.replace(e, etag)
    ),
    delete: (id: string, etag: string) => (counted.writes++, store.delete(id, etag)),
    dueReminders: (now: string, limit: number) => store.dueReminders(now, limit),
    getIndex: (key: string) => store.getIndex(key),
    putIndex: (...args: Parameters<EngagementStore['putIndex']>) => store.putIndex(...args),
    close: () => store.close(),
  };
  return counted;
}

/** What a case is, and what the bot must answer to it. */
type Expect = 'refused at the edge' | 'malformed' | 'invalid action' | 'anything';
interface Case {
  expect: Expect;
  headers: Record<string, string>;
  body: string | Uint8Array;
}

const JSON_TYPE = { 'content-type': 'application/json' };

function envelope(r: Random, user: ChannelUser | undefined, serviceUrl: string) {
  return {
    id: `fuzz-${r.int(1e9)}`,
    timestamp: new Date(Date.UTC(2026, 0, 1) + r.int(1e10)).toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: user
      ? { id: user.id, name: user.name, aadObjectId: user.aadObjectId }
      : { id: '29:anonymous', name: r.text(20) },
    recipient: BOT,
    conversation: {
      id: CHAT,
      conversationType: 'groupChat',
      tenantId: user?.tenantId ?? PEOPLE.fm.tenantId,
      isGroup: true,
    },
    channelData: { tenant: { id: user?.tenantId ?? PEOPLE.fm.tenantId } },
    locale: r.pick(['en-US', 'de-DE', 'ja-JP', r.text(8)]),
    localTimezone: r.pick(['Europe/London', 'Asia/Tokyo', 'Mars/Olympus', '']),
  };
}

/** Card data: the fields cards send, with values of every kind. */
function cardData(r: Random): unknown {
  if (r.chance(0.05)) return r.value(2);
  const keys = [
    'card',
    'question',
    'topics',
    'role',
    'personId',
    'licences',
    'choice',
    'feature',
    'when',
    'followUpId',
    'open',
    'customer',
    'authMethod',
    'level_identity',
    'title',
    'notes',
  ];
  const data: Record<string, unknown> = {};
  for (let i = r.int(6); i >= 0; i--)
    data[r.pick(keys)] = r.chance(0.6) ? r.text(r.int(80)) : r.value(2);
  return data;
}

function invoke(r: Random, verb: unknown, user: ChannelUser | undefined, serviceUrl: string) {
  const action = r.chance(0.05) ? r.value(2) : { type: 'Action.Execute', verb, data: cardData(r) };
  return {
    ...envelope(r, user, serviceUrl),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: r.chance(0.5) ? `msg-${r.int(20)}` : undefined,
    value: r.chance(0.05) ? r.value(2) : { action, trigger: r.pick(['manual', 'automatic']) },
  };
}

/** Requests the edge must refuse before the bot sees them. */
function edgeCase(r: Random): Case {
  const contentType = r.pick([
    'text/plain',
    'multipart/form-data; boundary=x',
    'application/x-www-form-urlencoded',
    'application/json; charset=latin1',
    '',
  ]);
  const encoding = r.pick([
    'gzip',
    'deflate',
    'br',
    'compress',
    'gzip, identity',
    `x-${r.int(1000)}`,
  ]);
  const body = r.pick<string | Uint8Array>([
    r.bytes(r.int(200)),
    r.text(r.int(200)),
    '{"type":"message"',
    '[1,2]',
    '42',
    'null',
    '"text"',
    '',
    '['.repeat(100 + r.int(5000)),
    '{"a":'.repeat(100) + '1' + '}'.repeat(100),
  ]);
  const variant = r.int(3);
  if (variant === 0)
    return {
      expect: 'refused at the edge',
      headers: contentType ? { 'content-type': contentType } : {},
      body,
    };
  if (variant === 1)
    return {
      expect: 'refused at the edge',
      headers: { ...JSON_TYPE, 'content-encoding': encoding },
      body,
    };
  return { expect: 'refused at the edge', headers: JSON_TYPE, body };
}

/** An activity with its envelope broken: a field missing or of the wrong kind. */
function malformedCase(r: Random, serviceUrl: string): Case {
  const activity: Record<string, unknown> = r.chance(0.5)
    ? invoke(r, r.pick(ACTION_VERB_LIST), r.pick(Object.values(PEOPLE)), serviceUrl)
    : { ...envelope(r, PEOPLE.fm, serviceUrl), type: 'message', text: 'status' };
  const field = r.pick(['type', 'channelId', 'serviceUrl', 'from', 'recipient', 'conversation']);
  if (r.chance(0.3)) delete activity[field];
  else if (field === 'serviceUrl')
    activity.serviceUrl = r.pick([r.text(30), 'javascript:alert(1)', 'file:///etc/passwd', 42]);
  else if (field === 'from' || field === 'recipient' || field === 'conversation')
    activity[field] = r.pick([r.text(10), 7, [], null, { id: r.pick([42, '', null, []]) }]);
  else activity[field] = r.pick([42, true, null, [], {}, '', 'x'.repeat(100)]);
  return { expect: 'malformed', headers: JSON_TYPE, body: JSON.stringify(activity) };
}

/** Card actions that must change nothing: unknown verbs, broken values, strangers to the engagement. */
function invalidActionCase(r: Random, serviceUrl: string): Case {
  const outsider = r.pick([PEOPLE.outsider, undefined]);
  const kind = r.int(4);
  const activity =
    kind === 0
      ? invoke(
          r,
          `${r.pick(['', 'x.', 'roles.', '__proto__', 'constructor'])}${r.text(12)}`,
          r.pick(Object.values(PEOPLE)),
          serviceUrl,
        )
      : kind === 1
        ? invoke(r, r.pick([42, null, [], {}, true]), r.pick(Object.values(PEOPLE)), serviceUrl)
        : kind === 2
          ? invoke(r, r.pick([...ACTION_VERB_LIST, ...NAVIGATION_VERBS]), outsider, serviceUrl)
          : {
              ...envelope(r, outsider, serviceUrl),
              type: 'message',
              value: { verb: r.pick(ACTION_VERB_LIST), ...(cardData(r) as object) },
            };
  return { expect: 'invalid action', headers: JSON_TYPE, body: JSON.stringify(activity) };
}

/** Answers the cards accept, with text of every kind: these change the engagement. */
function validAnswer(r: Random, serviceUrl: string) {
  const [user, verb, data] = r.pick([
    [
      PEOPLE.bdm,
      'agenda.acknowledge',
      {
        card: 'agenda',
        topics: r.pick(['importance', 'baseline,deploySecurely']),
        question: r.text(300),
      },
    ],
    [
      PEOPLE.fm,
      'licensing.record',
      {
        card: 'licensing',
        licences: r.pick(['m365e3', 'm365e5,emse5']),
        licensingNotes: r.text(300),
      },
    ],
    [
      PEOPLE.fm,
      'roles.assign',
      {
        card: 'roles',
        personId: PEOPLE.architect.aadObjectId,
        role: 'stakeholder',
        title: r.text(60),
      },
    ],
  ] as const);
  const activity = invoke(r, verb, user, serviceUrl);
  return {
    ...activity,
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

/** Anything a member of the chat might send; it may change the engagement. */
function anythingCase(r: Random, serviceUrl: string): Case {
  const user = r.pick(Object.values(PEOPLE));
  if (r.chance(0.3))
    return {
      expect: 'anything',
      headers: JSON_TYPE,
      body: JSON.stringify(validAnswer(r, serviceUrl)),
    };
  const activity = r.chance(0.6)
    ? invoke(r, r.pick([...ACTION_VERB_LIST, ...NAVIGATION_VERBS]), user, serviceUrl)
    : r.chance(0.5)
      ? {
          ...envelope(r, user, serviceUrl),
          type: 'message',
          text: `<at>Deploy Securely</at> ${r.pick(['status', 'help', 'roles', 'summary', 'agenda', r.text(30)])}`,
        }
      : {
          ...envelope(r, user, serviceUrl),
          type: r.pick([
            'conversationUpdate',
            'messageReaction',
            'installationUpdate',
            'event',
            'typing',
            r.text(8),
          ]),
          membersAdded: r.chance(0.5) ? [{ id: r.text(12), name: r.text(12) }] : undefined,
        };
  return { expect: 'anything', headers: JSON_TYPE, body: JSON.stringify(activity) };
}

const allowed: Record<Expect, (status: number) => boolean> = {
  'refused at the edge': (s) => [400, 413, 415].includes(s),
  malformed: (s) => s === 400,
  // Answered with a card saying why (200), or refused outright when not even an action (400).
  'invalid action': (s) => s === 200 || s === 400,
  anything: (s) => s < 500,
};

describe('fuzzing the running bot over HTTP', () => {
  let bot: TestBot;
  let store: ReturnType<typeof counting>;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ds-fuzz-'));
    store = counting(await openEmbeddedStore({ dataDir, logger: pino({ level: 'silent' }) }));
    bot = await startTestBot({ store, reminders: false });
    await bot.engagement(CHAT, 'Contoso', [
      [PEOPLE.fe, 'FE'],
      [PEOPLE.sme, 'SME'],
      [PEOPLE.bdm, 'stakeholder', 'BDM'],
    ]);
  });
  afterAll(async () => {
    await bot.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`answers every case without a 5xx, stays up, and writes nothing for invalid input (seed ${SEED})`, async () => {
    const r = new Random(SEED);
    const setupWrites = store.writes;
    const started = Date.now();
    const counts: Record<Expect, number> = {
      'refused at the edge': 0,
      malformed: 0,
      'invalid action': 0,
      anything: 0,
    };
    let n = 0;
    for (; n < MAX_CASES && (n < MIN_CASES || Date.now() - started < MAX_MS); n++) {
      const serviceUrl = bot.channel.serviceUrl;
      const pick = r.int(10);
      const c =
        pick < 2
          ? edgeCase(r)
          : pick < 4
            ? malformedCase(r, serviceUrl)
            : pick < 7
              ? invalidActionCase(r, serviceUrl)
              : anythingCase(r, serviceUrl);
      const writes = store.writes;
      const res = await fetch(bot.url, {
        method: 'POST',
        headers: c.headers,
        body: typeof c.body === 'string' ? c.body : new Uint8Array(c.body),
      });
      const answer = await res.text();
      const wrote = store.writes - writes;
      counts[c.expect]++;
      const broken = !allowed[c.expect](res.status) || (c.expect !== 'anything' && wrote > 0);
      if (broken) {
        throw new Error(
          `FUZZ_SEED=${SEED}, case ${n} (${c.expect}): answered ${res.status}, ${wrote} write(s).\n` +
            `request: ${JSON.stringify(c.headers)} ${String(c.body).slice(0, 2000)}\nanswer: ${answer.slice(0, 500)}`,
        );
      }
    }
    const health = await fetch(bot.url.replace('/api/messages', '/healthz'));
    expect(health.status).toBe(200);
    // Enough of each kind was sent for the run to mean something.
    expect(n).toBeGreaterThanOrEqual(MIN_CASES);
    for (const kind of Object.keys(counts) as Expect[]) expect(counts[kind]).toBeGreaterThan(100);
    // Valid answers were saved in between: invalid input met an engagement that kept changing.
    expect(store.writes - setupWrites).toBeGreaterThan(50);
  }, 180_000);
});
