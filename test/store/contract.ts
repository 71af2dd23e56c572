import { EngagementWriter } from '../../src/store/mutate.js';
import {
  EngagementTooLargeError,
  StoreConflictError,
  StoreUnavailableError,
  type EngagementStore,
} from '../../src/store/store.js';
import type { PersonIndex } from '../../src/playbook/people-index.js';
import { edited, engagementWithStakeholders, newEngagement, nthAnswer } from './fixtures.js';

/** A person's list of engagements, as the bot writes it beside the engagements. */
function personList(key: string, customers: string[]): PersonIndex {
  return {
    id: key,
    engagementId: key,
    type: 'personIndex',
    tenantId: 'tenant-a',
    personId: 'aad-person',
    entries: customers.map((customer, n) => ({
      engagementId: `eng-${n}`,
      customer,
      role: 'FE',
      conversationId: `19:chat-${n}@thread.v2`,
      tenantId: 'tenant-b',
      at: `2025-03-0${n + 1}T00:00:00.000Z`,
    })),
    updatedAt: '2025-03-10T00:00:00.000Z',
  };
}

/** A store to test, a way to open another store over the same data, and the clean-up of both. */
export interface OpenedStore {
  store: EngagementStore;
  /** A new store (new client, new process-level state) over the same data. */
  reopen(): Promise<EngagementStore>;
  close(): Promise<void>;
}

/**
 * What every EngagementStore adapter must do. Each test opens its own store, so adapters must
 * give each `open()` its own data (a fresh folder, a fresh database).
 */
export function storeContract(name: string, open: () => Promise<OpenedStore>): void {
  describe(`${name}: the EngagementStore contract`, () => {
    let opened: OpenedStore;
    let store: EngagementStore;

    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });
    afterEach(() => opened.close());

    it('gives back what was created, with a version tag and nothing else', async () => {
      const e = newEngagement();
      const created = await store.create(e);
      expect(created.engagement).toEqual(e);
      expect(created.etag).toEqual(expect.any(String));
      const read = await store.get(e.id);
      expect(read).toEqual({ engagement: e, etag: created.etag });
      expect(Object.keys(read!.engagement).sort()).toEqual(Object.keys(e).sort());
    });

    it('replaces with the current version tag and hands out a new one', async () => {
      const e = newEngagement();
      const created = await store.create(e);
      const replaced = await store.replace(edited(e, 'Fabrikam'), created.etag);
      expect(replaced.etag).not.toBe(created.etag);
      expect(replaced.engagement.customer).toBe('Fabrikam');
      expect(await store.get(e.id)).toEqual({
        engagement: edited(e, 'Fabrikam'),
        etag: replaced.etag,
      });
    });

    it('answers undefined for an engagement that does not exist', async () => {
      expect(await store.get('eng-does-not-exist')).toBeUndefined();
    });

    it('refuses a replace with a stale version tag and keeps what is stored', async () => {
      const e = newEngagement();
      const created = await store.create(e);
      const second = await store.replace(edited(e, 'Second'), created.etag);
      await expect(store.replace(edited(e, 'Stale'), created.etag)).rejects.toBeInstanceOf(
        StoreConflictError,
      );
      expect(await store.get(e.id)).toEqual(second);
    });

    it('refuses a replace of an engagement that was never created', async () => {
      const e = newEngagement();
      await expect(store.replace(e, 'any-etag')).rejects.toBeInstanceOf(StoreConflictError);
      expect(await store.get(e.id)).toBeUndefined();
    });

    it('refuses to create the same engagement twice and keeps the first', async () => {
      const e = newEngagement('First');
      const first = await store.create(e);
      await expect(store.create({ ...e, customer: 'Second' })).rejects.toBeInstanceOf(
        StoreConflictError,
      );
      expect(await store.get(e.id)).toEqual(first);
    });

    it('lets exactly one of many replaces of the same version win', async () => {
      const e = newEngagement();
      const { etag } = await store.create(e);
      const attempts = await Promise.allSettled(
        Array.from({ length: 10 }, (_, n) => store.replace(edited(e, `Writer ${n}`), etag)),
      );
      const won = attempts.filter((a) => a.status === 'fulfilled');
      const lost = attempts.filter((a) => a.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost.map((a) => a.reason)).toEqual(Array(9).fill(expect.any(StoreConflictError)));
      expect(await store.get(e.id)).toEqual(won[0]!.value);
    });

    it('lists only the engagements whose reminder is due, at most `limit`', async () => {
      const now = '2025-03-10T08:00:00.000Z';
      const withReminder = (at: string | undefined) => ({
        ...newEngagement(),
        ...(at ? { nextReminderAt: at } : {}),
      });
      const overdue = withReminder('2025-03-09T08:00:00.000Z');
      const dueNow = withReminder(now);
      const later = withReminder('2025-03-10T08:00:00.001Z');
      const none = withReminder(undefined);
      for (const e of [overdue, dueNow, later, none]) await store.create(e);

      const due = await store.dueReminders(now, 10);
      expect(due.map((v) => v.engagement.id).sort()).toEqual([overdue.id, dueNow.id].sort());
      expect(due.every((v) => typeof v.etag === 'string' && !('_etag' in v.engagement))).toBe(true);
      expect(await store.dueReminders(now, 1)).toHaveLength(1);
      expect(await store.dueReminders('2025-03-01T00:00:00.000Z', 10)).toEqual([]);
    });

    it('keeps every write when the store is opened again', async () => {
      const kept = newEngagement('Kept');
      const changed = newEngagement('Changed');
      await store.create(kept);
      const { etag } = await store.create(changed);
      const last = await store.replace(edited(changed, 'Changed twice'), etag);
      const again = await opened.reopen();
      expect((await again.get(kept.id))?.engagement).toEqual(kept);
      expect(await again.get(changed.id)).toEqual(last);
    });

    it('deletes an engagement on its current version tag only, for good', async () => {
      const e = newEngagement();
      const created = await store.create(e);
      const changed = await store.replace(edited(e, 'Fabrikam'), created.etag);
      await expect(store.delete(e.id, created.etag)).rejects.toBeInstanceOf(StoreConflictError);
      expect(await store.get(e.id)).toEqual(changed);
      await store.delete(e.id, changed.etag);
      expect(await store.get(e.id)).toBeUndefined();
      await expect(store.delete(e.id, changed.etag)).rejects.toBeInstanceOf(StoreConflictError);
      expect(await (await opened.reopen()).get(e.id)).toBeUndefined();
      // The chat can start again: a new engagement under the same id.
      const again = await store.create(e);
      expect(await store.get(e.id)).toEqual(again);
    });

    it('finds no reminder of a deleted engagement', async () => {
      const e = { ...newEngagement(), nextReminderAt: '2025-03-01T00:00:00.000Z' };
      const { etag } = await store.create(e);
      expect(
        (await store.dueReminders('2025-03-02T00:00:00.000Z', 10)).map((v) => v.engagement.id),
      ).toContain(e.id);
      await store.delete(e.id, etag);
      expect(
        (await store.dueReminders('2025-03-02T00:00:00.000Z', 10)).map((v) => v.engagement.id),
      ).not.toContain(e.id);
    });

    it('refuses an engagement too large for one document, before writing anything', async () => {
      const e = newEngagement();
      const { etag } = await store.create(e);
      const huge = { ...e, customer: 'x'.repeat(2_100_000) };
      const refused = store.replace(huge, etag);
      await expect(refused).rejects.toBeInstanceOf(EngagementTooLargeError);
      await expect(refused).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(refused).rejects.toThrow(/^Not saved: .* KB/);
      // What a person can do about it: never something the bot does not offer.
      await expect(refused).rejects.toThrow(/Shorten what you typed .* summary .* engagement eng-/);
      await expect(refused).rejects.not.toThrow(/follow-ups/);
      await expect(
        store.create({ ...newEngagement(), customer: huge.customer }),
      ).rejects.toBeInstanceOf(EngagementTooLargeError);
      expect(await store.get(e.id)).toEqual({ engagement: e, etag });
    });

    it('keeps index documents beside the engagements, written on their version tag', async () => {
      const key = 'person-0123456789abcdef0123456789abcdef';
      expect(await store.getIndex(key)).toBeUndefined();
      const created = await store.putIndex(personList(key, ['Contoso']));
      expect(created).toEqual({ doc: personList(key, ['Contoso']), etag: expect.any(String) });
      expect(await store.getIndex(key)).toEqual(created);
      await expect(store.putIndex(personList(key, ['Again']))).rejects.toBeInstanceOf(
        StoreConflictError,
      );
      const replaced = await store.putIndex(personList(key, ['Contoso', 'Fabrikam']), created.etag);
      expect(replaced.etag).not.toBe(created.etag);
      await expect(store.putIndex(personList(key, ['Stale']), created.etag)).rejects.toBeInstanceOf(
        StoreConflictError,
      );
      await expect(
        store.putIndex(personList('person-never-written', ['X']), 'any-etag'),
      ).rejects.toBeInstanceOf(StoreConflictError);
      expect(await (await opened.reopen()).getIndex(key)).toEqual(replaced);
      expect(await store.getIndex('person-never-written')).toBeUndefined();
    });

    it('lets exactly one of many writes of the same index version win', async () => {
      const key = 'mail-0123456789abcdef0123456789abcdef';
      const { etag } = await store.putIndex(personList(key, []));
      const attempts = await Promise.allSettled(
        Array.from({ length: 8 }, (_, n) => store.putIndex(personList(key, [`W${n}`]), etag)),
      );
      expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
      expect(attempts.filter((a) => a.status === 'rejected').map((a) => a.reason)).toEqual(
        Array(7).fill(expect.any(StoreConflictError)),
      );
    });

    it('never takes an index document for an engagement, nor one for the other', async () => {
      const key = 'person-fedcba9876543210fedcba9876543210';
      await store.putIndex(personList(key, ['Contoso']));
      expect(await store.get(key)).toBeUndefined();
      expect(await store.dueReminders('2999-01-01T00:00:00.000Z', 10)).toEqual([]);
      const e = newEngagement();
      await store.create(e);
      expect(await store.getIndex(e.id)).toBeUndefined();
      await expect(
        store.putIndex({ ...personList(key, []), engagementId: 'other' }),
      ).rejects.toThrow(TypeError);
      expect(await store.getIndex(key)).toMatchObject({
        doc: { entries: [{ customer: 'Contoso' }] },
      });
    });

    it('deletes an engagement and leaves the index documents beside it as they are', async () => {
      const key = 'person-00112233445566778899aabbccddeeff';
      const e = newEngagement();
      const { etag } = await store.create(e);
      const list = await store.putIndex(personList(key, [e.customer]));
      await store.delete(e.id, etag);
      expect(await store.get(e.id)).toBeUndefined();
      expect(await store.getIndex(key)).toEqual(list);
      expect(await (await opened.reopen()).getIndex(key)).toEqual(list);
      // And the list can still change, as the bot takes the engagement off it.
      const emptied = await store.putIndex(personList(key, []), list.etag);
      expect(await store.getIndex(key)).toEqual(emptied);
    });

    it('records every one of many concurrent answers made through one writer', async () => {
      const e = engagementWithStakeholders(5);
      await store.create(e);
      const writer = new EngagementWriter(store);
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, n) => writer.mutate(e.id, nthAnswer(n, 5))),
      );
      expect(results).toEqual(Array(30).fill('saved'));
      const stored = await store.get(e.id);
      const questions = stored!.engagement.conversation.questions.map((q) => q.text).sort();
      expect(questions).toEqual(Array.from({ length: 30 }, (_, n) => `q${n}`).sort());
    });
  });
}
