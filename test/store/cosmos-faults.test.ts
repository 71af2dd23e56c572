import pino from 'pino';
import { EngagementWriter } from '../../src/store/mutate.js';
import { StoreOutcomeUnknownError, StoreUnavailableError } from '../../src/store/store.js';
import type { CosmosSettings } from '../../src/store/cosmos.js';
import { TEST_KEY, throttle } from '../support/cosmos-server.js';
import { useCosmosServer } from './cosmos-harness.js';
import { engagementWithStakeholders, nthAnswer } from './fixtures.js';

const cosmos = useCosmosServer();
const SAFE_MESSAGE = /^Not saved: .*Please try again\.$/;

/** A pino logger whose lines land in `lines`. */
function memoryLogger() {
  const lines: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(line) });
  return { logger, lines };
}

async function instanceWithEngagement(extra: Partial<CosmosSettings> = {}) {
  const store = await cosmos.open(cosmos.freshDatabase(), extra);
  const engagement = engagementWithStakeholders(3);
  await store.create(engagement);
  return { store, engagement, writer: new EngagementWriter(store) };
}

const isWrite = (req: { method?: string }) => req.method === 'PUT';

describe('Cosmos DB faults on the answer path', () => {
  it('retries a throttled write after x-ms-retry-after-ms and saves the answer', async () => {
    const { store, engagement, writer } = await instanceWithEngagement();
    const server = cosmos.server();
    server.resetRequests();
    server.inject(throttle(isWrite, 2));
    expect(await writer.mutate(engagement.id, nthAnswer(7, 3))).toBe('saved');
    expect(server.requests.filter(isWrite).map((r) => r.status)).toEqual([429, 429, 200]);
    expect(
      (await store.get(engagement.id))!.engagement.conversation.questions.map((q) => q.text),
    ).toEqual(['q7']);
  });

  it('gives up on endless throttling with a message the person can read', async () => {
    const retryOptions = { maxRetryAttemptCount: 2 };
    const { store, engagement, writer } = await instanceWithEngagement({
      clientOptions: { connectionPolicy: { enableEndpointDiscovery: false, retryOptions } },
    });
    const before = await store.get(engagement.id);
    cosmos.server().inject(throttle(isWrite, Infinity));
    await expect(writer.mutate(engagement.id, nthAnswer(1, 3))).rejects.toThrow(SAFE_MESSAGE);
    cosmos.server().inject(undefined);
    expect(await store.get(engagement.id)).toEqual(before);
  });

  it('reports a 503 on the write as StoreUnavailableError and leaves the engagement unchanged', async () => {
    const { logger, lines } = memoryLogger();
    const { store, engagement, writer } = await instanceWithEngagement({ logger });
    const before = await store.get(engagement.id);
    cosmos
      .server()
      .inject((req) =>
        isWrite(req)
          ? { status: 503, body: { code: 'ServiceUnavailable', message: 'down' } }
          : undefined,
      );

    const failure = await writer
      .mutate(engagement.id, nthAnswer(1, 3))
      .catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(StoreUnavailableError);
    expect((failure as Error).message).toMatch(SAFE_MESSAGE);
    expect(((failure as Error).cause as { code?: unknown }).code).toBe(503);

    cosmos.server().inject(undefined);
    expect(await store.get(engagement.id)).toEqual(before);
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged).toContainEqual(
      expect.objectContaining({ op: 'replace', status: 503, engagementId: engagement.id }),
    );
    expect(lines.join('\n')).not.toContain(TEST_KEY);
  });

  it('reports a failed read as StoreUnavailableError', async () => {
    const { engagement, writer } = await instanceWithEngagement();
    cosmos
      .server()
      .inject((req) =>
        req.method === 'GET' ? { status: 500, body: { message: 'boom' } } : undefined,
      );
    await expect(writer.mutate(engagement.id, nthAnswer(1, 3))).rejects.toThrow(SAFE_MESSAGE);
  });

  it.each(['hang', 'drop'] as const)(
    'reports a write the network lost (%s) as not confirmed, never as "not saved"',
    async (fault) => {
      const { store, engagement } = await instanceWithEngagement({
        clientOptions: {
          connectionPolicy: { enableEndpointDiscovery: false, requestTimeout: 300 },
        },
      });
      cosmos.server().inject((req) => (isWrite(req) ? fault : undefined));
      const current = (await store.get(engagement.id))!;
      const failure = await store.replace(engagement, current.etag).catch((err: unknown) => err);
      // The write may have reached the database: the person is told so, not that it was not saved.
      expect(failure).toBeInstanceOf(StoreOutcomeUnknownError);
      expect((failure as Error).message).toMatch(/^Not confirmed: .*before you answer again\.$/);
    },
  );

  it('reports a failed reminders query as StoreUnavailableError', async () => {
    const { store } = await instanceWithEngagement();
    cosmos.server().inject((req) => (req.method === 'POST' ? { status: 503 } : undefined));
    await expect(store.dueReminders('2030-01-01T00:00:00.000Z', 10)).rejects.toBeInstanceOf(
      StoreUnavailableError,
    );
  });

  describe('deleting', () => {
    const firstDelete = (fault: 'drop' | 'lose-answer' | { status: number }) => {
      let done = false;
      return (req: { method?: string }) => {
        if (done || req.method !== 'DELETE') return undefined;
        done = true;
        return fault;
      };
    };

    it('refused by the database (503): not deleted, and says so', async () => {
      const { store, engagement } = await instanceWithEngagement();
      const { etag } = (await store.get(engagement.id))!;
      cosmos.server().inject(firstDelete({ status: 503 }));
      await expect(store.delete(engagement.id, etag)).rejects.toThrow(SAFE_MESSAGE);
      expect(await store.get(engagement.id)).toBeDefined();
    });

    it('applied but its answer lost: found out, and it is gone', async () => {
      const { store, engagement } = await instanceWithEngagement();
      const { etag } = (await store.get(engagement.id))!;
      cosmos.server().inject(firstDelete('lose-answer'));
      await store.delete(engagement.id, etag);
      expect(await store.get(engagement.id)).toBeUndefined();
    });

    it('cut off before the database saw it: fenced off, "not deleted", and it stays so', async () => {
      const { store, engagement } = await instanceWithEngagement();
      const { etag } = (await store.get(engagement.id))!;
      cosmos.server().inject(firstDelete('drop'));
      await expect(store.delete(engagement.id, etag)).rejects.toThrow(/^Not deleted: /);
      const after = await store.get(engagement.id);
      expect(after?.engagement).toEqual(engagement);
      // The fence moved the version on: the lost delete's condition can never hold again.
      expect(after?.etag).not.toBe(etag);
    });
  });
});

describe('Cosmos DB faults on index documents', () => {
  const list = (key: string) => ({
    id: key,
    engagementId: key,
    type: 'personIndex' as const,
    tenantId: 't',
    personId: 'p',
    entries: [],
    updatedAt: '2025-03-10T00:00:00.000Z',
  });

  it('a failing read or write of an index is "not saved", never a crash, and logged without its body', async () => {
    const { logger, lines } = memoryLogger();
    const store = await cosmos.open(cosmos.freshDatabase(), { logger });
    const key = 'person-00000000000000000000000000000001';
    await store.putIndex(list(key));
    const server = cosmos.server();
    server.inject((req) =>
      req.url?.includes(key) || req.method === 'POST' ? { status: 503 } : undefined,
    );
    await expect(store.getIndex(key)).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.putIndex(list(key), 'any')).rejects.toThrow(SAFE_MESSAGE);
    await expect(store.putIndex(list('person-00000000000000000000000000000002'))).rejects.toThrow(
      SAFE_MESSAGE,
    );
    server.inject(undefined);
    await expect(store.putIndex({ ...list(key), engagementId: 'other' })).rejects.toThrow(
      TypeError,
    );
    expect(lines.join('\n')).toMatch(/"op":"readIndex".*"status":503/);
    expect(lines.join('\n')).not.toMatch(/personIndex/);
  });
});
