/**
 * Each person's list of engagements, as the bot keeps it beside the engagements: written after
 * the engagement when roles change, tried again when someone else wrote the list first, and never
 * turning a saved answer into a failure.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { Directory, type Listed } from '../../src/chat/directory.js';
import type { Engagement } from '../../src/playbook/engagement.js';
import { personIndexKey } from '../../src/playbook/people-index.js';
import { openEmbeddedStore } from '../../src/store/embedded.js';
import {
  StoreConflictError,
  StoreUnavailableError,
  type EngagementStore,
} from '../../src/store/store.js';
import { kickedOff, TENANT, FM } from '../playbook/builders.js';

let dataDir: string;
let store: EngagementStore;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'directory-'));
  store = await openEmbeddedStore({ dataDir });
});
afterEach(async () => {
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

const clock = () => new Date('2025-03-10T00:00:00.000Z');

/** The store, with index writes that fail as `fail` says for the first `times` tries. */
function failing(
  fail: () => Error,
  times: number,
): { store: EngagementStore; tries: () => number } {
  let tries = 0;
  return {
    store: {
      ...store,
      get: (id) => store.get(id),
      getIndex: (key) => store.getIndex(key),
      putIndex: async (doc, etag) => {
        if (tries++ < times) throw fail();
        return store.putIndex(doc, etag);
      },
    } as EngagementStore,
    tries: () => tries,
  };
}

test('a list someone else wrote first is read again and written on the fresh version', async () => {
  const e = kickedOff();
  const { store: racing, tries } = failing(() => new StoreConflictError(), 2);
  await new Directory(racing, clock).sync(undefined, e);
  const fm = await store.getIndex(personIndexKey(TENANT, FM.id));
  expect(fm?.doc).toMatchObject({
    type: 'personIndex',
    entries: [{ engagementId: e.id, role: 'FM' }],
  });
  expect(tries()).toBeGreaterThan(Object.keys(e.people).length);
});

test('a list that cannot be written is logged, and the sync goes on with the others', async () => {
  const e = kickedOff();
  const lines: string[] = [];
  const logger = pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) });
  const { store: down } = failing(() => new StoreUnavailableError(), 1);
  await new Directory(down, clock, logger).sync(undefined, e);
  expect(lines).toHaveLength(1);
  expect(JSON.parse(lines[0]!)).toMatchObject({
    engagementId: e.id,
    msg: "could not update a person's list of engagements",
  });
  const written = await Promise.all(
    Object.keys(e.people).map((id) => store.getIndex(personIndexKey(TENANT, id))),
  );
  expect(written.filter(Boolean)).toHaveLength(Object.keys(e.people).length - 1);
});

test('after five lost races the list is given up, logged; anything else wrong is thrown', async () => {
  const e = kickedOff();
  const { store: racing } = failing(() => new StoreConflictError(), 1_000);
  await expect(new Directory(racing, clock).sync(undefined, e)).resolves.toBeUndefined();
  const { store: broken } = failing(() => new TypeError('bad document'), 1);
  await expect(new Directory(broken, clock).sync(undefined, e)).rejects.toThrow(TypeError);
});

describe('a deleted engagement', () => {
  /** Two engagements of the same people (two chats), both saved, and their lists written. */
  async function twoEngagements(): Promise<{ kept: Engagement; gone: Engagement }> {
    const kept = kickedOff();
    const gone = { ...kickedOff(), id: 'eng-gone', engagementId: 'eng-gone', customer: 'Gone Ltd' };
    for (const e of [kept, gone]) {
      await store.create(e);
      await new Directory(store, clock).sync(undefined, e);
    }
    return { kept, gone };
  }
  const listed = (list: Listed[]) => list.map((l) => l.engagement.customer);

  test("leaves every one of its people's lists, and the others stay", async () => {
    const { kept, gone } = await twoEngagements();
    const { etag } = (await store.get(gone.id))!;
    await store.delete(gone.id, etag);
    await new Directory(store, clock).forget(gone);
    for (const id of Object.keys(gone.people)) {
      const list = await store.getIndex(personIndexKey(TENANT, id));
      expect(JSON.stringify(list?.doc)).not.toContain('Gone Ltd');
      expect(list?.doc).toMatchObject({ entries: [{ engagementId: kept.id }] });
    }
    const mine = await new Directory(store, clock).list(
      { tenantId: TENANT, personId: FM.id },
      undefined,
    );
    expect(listed(mine)).toEqual([kept.customer]);
  });

  test('a list that could not be written is never shown it, and the listing takes it off', async () => {
    const { kept, gone } = await twoEngagements();
    const { etag } = (await store.get(gone.id))!;
    await store.delete(gone.id, etag);
    const { store: down } = failing(() => new StoreUnavailableError(), 1_000);
    await new Directory(down, clock).forget(gone);
    const key = personIndexKey(TENANT, FM.id);
    expect(JSON.stringify((await store.getIndex(key))?.doc)).toContain('Gone Ltd');

    const directory = new Directory(store, clock);
    const asker = { tenantId: TENANT, personId: FM.id };
    expect(listed(await directory.list(asker, undefined))).toEqual([kept.customer]);
    expect(JSON.stringify((await store.getIndex(key))?.doc)).not.toContain('Gone Ltd');
    expect(listed(await directory.list(asker, undefined))).toEqual([kept.customer]);
  });
});
