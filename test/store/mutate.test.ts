import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openEmbeddedStore, type EmbeddedEngagementStore } from '../../src/store/embedded.js';
import { KeyedQueue } from '../../src/store/keyed-queue.js';
import { EngagementWriter, mutateEngagement } from '../../src/store/mutate.js';
import {
  StoreConflictError,
  StoreUnavailableError,
  type EngagementStore,
} from '../../src/store/store.js';
import { edited, newEngagement } from './fixtures.js';

let dataDir: string;
let store: EmbeddedEngagementStore;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'mutate-'));
  store = await openEmbeddedStore({ dataDir });
});
afterEach(async () => {
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** The store, except that every conditional write loses to somebody else. */
function alwaysLosing(inner: EngagementStore, writes: string[]): EngagementStore {
  return {
    get: (id) => inner.get(id),
    create: async (e) => {
      writes.push(`create ${e.customer}`);
      throw new StoreConflictError();
    },
    replace: async (e) => {
      writes.push(`replace ${e.customer}`);
      throw new StoreConflictError();
    },
    dueReminders: (now, limit) => inner.dueReminders(now, limit),
    delete: (id, etag) => inner.delete(id, etag),
    getIndex: (key) => inner.getIndex(key),
    putIndex: (doc, etag) => inner.putIndex(doc, etag),
    close: () => inner.close(),
  };
}

describe('mutateEngagement', () => {
  it('creates the engagement when there is none yet, and replaces it afterwards', async () => {
    const e = newEngagement('New');
    expect(
      await mutateEngagement(store, e.id, (current) => ({
        write: current ? edited(e, 'Again') : e,
        result: !current,
      })),
    ).toBe(true);
    expect(
      await mutateEngagement(store, e.id, (current) => ({
        write: edited(current!.engagement, 'Again'),
        result: 'ok',
      })),
    ).toBe('ok');
    expect((await store.get(e.id))?.engagement.customer).toBe('Again');
  });

  it('writes nothing when the decision is not to', async () => {
    const e = newEngagement();
    const { etag } = await store.create(e);
    expect(await mutateEngagement(store, e.id, () => ({ result: 'refused' }))).toBe('refused');
    expect((await store.get(e.id))?.etag).toBe(etag);
  });

  it('gives up after the conflict bound with a message a person can read', async () => {
    const e = newEngagement();
    await store.create(e);
    const writes: string[] = [];
    let decisions = 0;
    const losing = alwaysLosing(store, writes);
    const giving = mutateEngagement(
      losing,
      e.id,
      (current) => ((decisions += 1), { write: edited(current!.engagement, 'Mine'), result: 1 }),
      {
        maxConflicts: 3,
        random: () => 0,
      },
    );
    await expect(giving).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(giving).rejects.toThrow(
      'Not saved: many people are changing this engagement at once. Please try again.',
    );
    expect(decisions).toBe(4);
    expect(writes).toEqual(Array(4).fill('replace Mine'));
  });

  it('passes other failures through at once, without retrying', async () => {
    const e = newEngagement();
    await store.create(e);
    let decisions = 0;
    const tooBig = { ...e, customer: 'x'.repeat(2_000_000) };
    await expect(
      mutateEngagement(store, e.id, () => ((decisions += 1), { write: tooBig, result: 1 })),
    ).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(
      mutateEngagement(store, e.id, () => {
        throw new RangeError('decided badly');
      }),
    ).rejects.toThrow(RangeError);
    expect(decisions).toBe(1);
  });
});

describe('EngagementWriter', () => {
  it('runs changes to different engagements side by side', async () => {
    const [slow, quick] = [newEngagement('Slow'), newEngagement('Quick')];
    await store.create(slow);
    await store.create(quick);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const gated: EngagementStore = {
      get: async (id) => {
        if (id === slow.id) await gate;
        return store.get(id);
      },
      create: (e) => store.create(e),
      replace: (e, etag) => store.replace(e, etag),
      dueReminders: (now, limit) => store.dueReminders(now, limit),
      delete: (id, etag) => store.delete(id, etag),
      getIndex: (key) => store.getIndex(key),
      putIndex: (doc, etag) => store.putIndex(doc, etag),
      close: () => store.close(),
    };
    const writer = new EngagementWriter(gated);
    const order: string[] = [];
    const slowDone = writer.mutate(slow.id, () => ({ result: 'slow' })).then((r) => order.push(r));
    await writer.mutate(quick.id, () => ({ result: 'quick' })).then((r) => order.push(r));
    release();
    await slowDone;
    expect(order).toEqual(['quick', 'slow']);
  });

  it('keeps going after a change that failed', async () => {
    const e = newEngagement();
    await store.create(e);
    const writer = new EngagementWriter(store);
    const failed = writer.mutate(e.id, () => {
      throw new Error('refused by the playbook');
    });
    const next = writer.mutate(e.id, (current) => ({
      write: edited(current!.engagement, 'After'),
      result: 'saved',
    }));
    await expect(failed).rejects.toThrow('refused by the playbook');
    expect(await next).toBe('saved');
    await writer.drain();
  });
});

describe('KeyedQueue', () => {
  it('runs the tasks of one key in order, one at a time; drain waits for every task queued', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    let running = 0;
    const task = (name: string) => async () => {
      running += 1;
      log.push(`${name} start (${running} running)`);
      await new Promise((resolve) => setImmediate(resolve));
      running -= 1;
      log.push(`${name} end`);
    };
    void queue.run('k', task('a'));
    void queue.run('k', task('b'));
    void queue.run('k', task('c'));
    await queue.drain();
    expect(log).toEqual([
      'a start (1 running)',
      'a end',
      'b start (1 running)',
      'b end',
      'c start (1 running)',
      'c end',
    ]);
  });
});
