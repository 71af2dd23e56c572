import type { Engagement } from '../../src/playbook/engagement.js';
import { EngagementWriter, type Decide } from '../../src/store/mutate.js';
import type { EngagementStore } from '../../src/store/store.js';
import { useCosmosServer } from './cosmos-harness.js';
import { answerQuestion, engagementWithStakeholders, nthAnswer, stakeholder } from './fixtures.js';

const cosmos = useCosmosServer();
const PEOPLE = 10;
const ANSWERS = 100;

/** Two bot instances (two clients, two writers) on one fresh database, holding an engagement with 10 stakeholders. */
async function twoInstances() {
  const database = cosmos.freshDatabase();
  const [a, b] = [await cosmos.open(database), await cosmos.open(database)];
  const engagement = engagementWithStakeholders(PEOPLE);
  await a.create(engagement);
  return { a, b, engagement, writerA: new EngagementWriter(a), writerB: new EngagementWriter(b) };
}

async function questionsOf(store: EngagementStore, e: Engagement): Promise<string[]> {
  const stored = await store.get(e.id);
  return (stored?.engagement.conversation.questions ?? []).map((q) => q.text).sort();
}

const allQuestions = Array.from({ length: ANSWERS }, (_, n) => `q${n}`).sort();

describe('answers to one engagement on Cosmos DB', () => {
  it('records all 100 answers sent at once by 10 people to one instance, without a single conflict', async () => {
    const { a, engagement, writerA } = await twoInstances();
    const server = cosmos.server();
    server.resetRequests();
    const results = await Promise.all(
      Array.from({ length: ANSWERS }, (_, n) =>
        writerA.mutate(engagement.id, nthAnswer(n, PEOPLE)),
      ),
    );
    expect(results).toEqual(Array(ANSWERS).fill('saved'));
    // Serialized in the process: one point read and one successful conditional write per answer.
    const calls = server.requests.map((r) => `${r.method} ${r.status}`);
    expect(calls.filter((c) => c === 'GET 200')).toHaveLength(ANSWERS);
    expect(calls.filter((c) => c === 'PUT 200')).toHaveLength(ANSWERS);
    expect(calls).toHaveLength(2 * ANSWERS);
    expect(await questionsOf(a, engagement)).toEqual(allQuestions);
    const askers = new Set(
      (await a.get(engagement.id))!.engagement.conversation.questions.map((q) => q.by),
    );
    expect(askers.size).toBe(PEOPLE);
  });

  it('records all 100 answers when two instances share them, absorbing their conflicts', async () => {
    const { a, engagement, writerA, writerB } = await twoInstances();
    const results = await Promise.all(
      Array.from({ length: ANSWERS }, (_, n) =>
        (n % 2 ? writerA : writerB).mutate(engagement.id, nthAnswer(n, PEOPLE)),
      ),
    );
    expect(results).toEqual(Array(ANSWERS).fill('saved'));
    expect(await questionsOf(a, engagement)).toEqual(allQuestions);
  });

  it('re-reads and re-decides when another instance wrote between its read and its write', async () => {
    const { a, b, engagement, writerB } = await twoInstances();
    const decided: string[] = [];
    const fromA = answerQuestion(stakeholder(0), 'from A', 'activity-a');
    const countingA: Decide<string> = (current) => {
      decided.push(current!.etag);
      return fromA(current);
    };
    // Instance A reads; before it writes, instance B records another answer.
    let raced = false;
    const racingA: EngagementStore = {
      get: async (id) => {
        const read = await a.get(id);
        if (!raced) {
          raced = true;
          await writerB.mutate(id, answerQuestion(stakeholder(1), 'from B', 'activity-b'));
        }
        return read;
      },
      create: (e) => a.create(e),
      replace: (e, etag) => a.replace(e, etag),
      dueReminders: (now, limit) => a.dueReminders(now, limit),
      delete: (id, etag) => a.delete(id, etag),
      getIndex: (key) => a.getIndex(key),
      putIndex: (doc, etag) => a.putIndex(doc, etag),
      close: () => a.close(),
    };
    cosmos.server().resetRequests();
    expect(await new EngagementWriter(racingA).mutate(engagement.id, countingA)).toBe('saved');
    expect(decided).toHaveLength(2);
    expect(decided[0]).not.toBe(decided[1]);
    const puts = cosmos
      .server()
      .requests.filter((r) => r.method === 'PUT')
      .map((r) => r.status);
    expect(puts).toEqual([200, 412, 200]);
    expect(await questionsOf(b, engagement)).toEqual(['from A', 'from B']);
  });

  it('applies an activity delivered five times exactly once, at once or one after another', async () => {
    const { a, engagement, writerA, writerB } = await twoInstances();
    const again = () => answerQuestion(stakeholder(3), 'asked once', 'activity-redelivered');
    const atOnce = await Promise.all(
      Array.from({ length: 5 }, (_, n) =>
        (n % 2 ? writerA : writerB).mutate(engagement.id, again()),
      ),
    );
    expect(atOnce.filter((r) => r === 'saved')).toHaveLength(1);
    const afterwards: string[] = [];
    for (let n = 0; n < 5; n++) afterwards.push(await writerA.mutate(engagement.id, again()));
    expect(afterwards).toEqual(Array(5).fill('duplicate'));
    expect(await questionsOf(a, engagement)).toEqual(['asked once']);
  });

  it('costs one point read and one conditional write per answer', async () => {
    const { a, engagement, writerA } = await twoInstances();
    await a.get(engagement.id); // warm-up: any metadata the client fetches once
    const server = cosmos.server();
    server.resetRequests();
    await writerA.mutate(engagement.id, nthAnswer(0, PEOPLE));
    const doc = `/docs/${engagement.id}`;
    expect(
      server.requests.map((r) => `${r.method} ${r.url.replace(/^.*(?=\/docs\/)/, '')} ${r.status}`),
    ).toEqual([`GET ${doc} 200`, `PUT ${doc} 200`]);
    expect(server.requests[1]?.url).toMatch(/^\/dbs\/[^/]+\/colls\/engagements\/docs\//);
  });
});
