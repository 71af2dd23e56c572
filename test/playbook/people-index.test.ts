/**
 * A person's list of engagements: which lists a change of roles touches, how an entry is kept,
 * and which accounts a mailbox address links for a listing.
 */
import type { Engagement } from '../../src/playbook/engagement.js';
import {
  accountTenantOf,
  candidates,
  indexChanges,
  indexRemovals,
  linkedAccounts,
  mailIndexKey,
  MAX_INDEX_ENTRIES,
  MAX_LINKED_ACCOUNTS,
  personIndexKey,
  stillTakesPart,
  withEntry,
  withLink,
  type IndexEntry,
  type MailIndex,
  type PersonIndex,
} from '../../src/playbook/people-index.js';
import { BUILD_TIME, FE, FM, kickedOff, SME, step, TENANT } from './builders.js';

const FASTTRACK = 'tenant-fasttrack-0003';
const NOW = '2025-03-04T00:00:00.000Z';

const withGuest = (e = kickedOff()): Engagement =>
  step(e, FM, {
    type: 'assignRole',
    personId: 'aad-guest',
    name: 'Gus Guest',
    role: 'SME',
    homeTenantId: FASTTRACK,
    userRole: 'guest',
    email: 'gus@fasttrack.example',
  });

const entry = (engagementId: string, at: string): IndexEntry => ({
  engagementId,
  customer: engagementId,
  role: 'FE',
  conversationId: `19:${engagementId}`,
  tenantId: TENANT,
  at,
});

describe('keys', () => {
  test('a person is their object id in their tenant; an address is case-blind', () => {
    expect(personIndexKey(TENANT, 'a')).toMatch(/^person-[0-9a-f]{32}$/);
    expect(personIndexKey(TENANT, 'a')).not.toBe(personIndexKey(FASTTRACK, 'a'));
    expect(mailIndexKey(' Gus@FastTrack.example ')).toBe(mailIndexKey('gus@fasttrack.example'));
    expect(mailIndexKey('x@y')).toMatch(/^mail-[0-9a-f]{32}$/);
  });
});

describe('which lists a change touches', () => {
  test('a start lists the FM; a role given lists that person; an answer touches no list', () => {
    const e = kickedOff();
    const started = indexChanges(undefined, e);
    expect(started.map((c) => c.personId).sort()).toEqual(Object.keys(e.people).sort());
    const answered = step(e, FE, {
      type: 'completeIdentityStep',
      step: 'forests',
      note: '',
    });
    expect(indexChanges(e, answered)).toEqual([]);
    const promoted = step(e, FM, {
      type: 'assignRole',
      personId: SME.id,
      name: SME.name,
      role: 'FE',
    });
    expect(indexChanges(e, promoted)).toEqual([
      expect.objectContaining({
        key: personIndexKey(TENANT, SME.id),
        entry: expect.objectContaining({ role: 'FE', customer: e.customer, tenantId: TENANT }),
      }),
    ]);
  });

  test('a role taken away leaves an empty change (the entry goes)', () => {
    const e = kickedOff();
    const removed = step(e, FM, {
      type: 'assignRole',
      personId: SME.id,
      name: SME.name,
      role: 'none',
    });
    const [change] = indexChanges(e, removed);
    expect(change).toMatchObject({ personId: SME.id });
    expect(change?.entry).toBeUndefined();
  });

  test("a guest's list is their guest account's, in the host tenant, linked from their address", () => {
    const e = kickedOff();
    const after = withGuest(e);
    const [change] = indexChanges(e, after);
    expect(accountTenantOf(after, after.people['aad-guest']!)).toBe(TENANT);
    expect(change).toMatchObject({
      key: personIndexKey(TENANT, 'aad-guest'),
      link: {
        email: 'gus@fasttrack.example',
        account: { personId: 'aad-guest', tenantId: TENANT, userRole: 'guest' },
      },
    });
  });
});

describe('a deleted engagement', () => {
  test("leaves every one of its people's lists, a guest's and one who left the chat included", () => {
    const e = withGuest();
    e.people[FE.id] = { ...e.people[FE.id]!, removed: e.started };
    const removals = indexRemovals(e);
    expect(removals.map((c) => c.key).sort()).toEqual(
      Object.values(e.people)
        .map((p) => personIndexKey(accountTenantOf(e, p), p.id))
        .sort(),
    );
    expect(removals.every((c) => c.engagementId === e.id && !c.entry && !c.link)).toBe(true);
    const list = withEntry(undefined, indexChanges(undefined, e)[0]!, NOW)!;
    const other = { ...entry('eng-other', NOW), role: 'FM' as const };
    const removal = removals.find((c) => c.key === list.id)!;
    expect(
      withEntry({ ...list, entries: [...list.entries, other] }, removal, NOW)?.entries,
    ).toEqual([other]);
  });
});

describe('a person list', () => {
  const change = indexChanges(undefined, kickedOff())[0]!;

  test('gains the entry once, and changes nothing when it holds it already', () => {
    const first = withEntry(undefined, change, NOW)!;
    expect(first).toMatchObject({ id: change.key, engagementId: change.key, type: 'personIndex' });
    expect(first.entries).toHaveLength(1);
    const again = withEntry(first, { ...change, entry: { ...change.entry!, role: 'SME' } }, NOW)!;
    expect(again.entries.map((x) => x.role)).toEqual(['SME']);
    expect(
      withEntry(first, { ...change, entry: undefined, engagementId: 'eng-other' }, NOW),
    ).toBeUndefined();
    expect(withEntry(first, { ...change, entry: undefined }, NOW)?.entries).toEqual([]);
  });

  test(`keeps the newest ${MAX_INDEX_ENTRIES} entries`, () => {
    const full: PersonIndex = {
      ...withEntry(undefined, change, NOW)!,
      entries: Array.from({ length: MAX_INDEX_ENTRIES }, (_, n) =>
        entry(`eng-${n}`, new Date(Date.UTC(2024, 0, 1, 0, n)).toISOString()),
      ),
    };
    const next = withEntry(full, change, NOW)!;
    expect(next.entries).toHaveLength(MAX_INDEX_ENTRIES);
    expect(next.entries[0]?.engagementId).toBe('eng-1');
    expect(next.entries.at(-1)?.engagementId).toBe(change.engagementId);
  });
});

describe('an address list', () => {
  const account = { key: 'person-a', tenantId: TENANT, personId: 'a', userRole: 'guest' };
  test(`lists each account once, at most ${MAX_LINKED_ACCOUNTS}`, () => {
    const doc = withLink(undefined, 'mail-x', account, NOW)!;
    expect(doc).toMatchObject({ id: 'mail-x', engagementId: 'mail-x', type: 'mailIndex' });
    expect(withLink(doc, 'mail-x', account, NOW)).toBeUndefined();
    let many: MailIndex = doc;
    for (let n = 0; n < MAX_LINKED_ACCOUNTS + 3; n++)
      many = withLink(many, 'mail-x', { ...account, key: `person-${n}` }, NOW)!;
    expect(many.accounts).toHaveLength(MAX_LINKED_ACCOUNTS);
  });
});

describe('the accounts a listing reads', () => {
  const mail: MailIndex = {
    id: 'mail-x',
    engagementId: 'mail-x',
    type: 'mailIndex',
    updatedAt: NOW,
    accounts: [
      {
        key: personIndexKey('tenant-b', 'g1'),
        tenantId: 'tenant-b',
        personId: 'g1',
        userRole: 'guest',
      },
      {
        key: personIndexKey(FASTTRACK, 'me'),
        tenantId: FASTTRACK,
        personId: 'me',
        userRole: 'guest',
      },
      {
        key: personIndexKey('tenant-c', 'u1'),
        tenantId: 'tenant-c',
        personId: 'u1',
        userRole: 'user',
      },
    ],
  };

  test("one's own account follows the address to guest accounts only", () => {
    expect(linkedAccounts({ tenantId: FASTTRACK, personId: 'me', userRole: 'user' }, mail)).toEqual(
      [mail.accounts[0]],
    );
  });

  test('a guest account follows no link, and without an address there is none', () => {
    expect(
      linkedAccounts({ tenantId: 'tenant-b', personId: 'g1', userRole: 'guest' }, mail),
    ).toEqual([]);
    expect(linkedAccounts({ tenantId: FASTTRACK, personId: 'me' }, undefined)).toEqual([]);
  });

  test('candidates: newest first, each engagement once, at most the limit', () => {
    const list = (personId: string, entries: IndexEntry[]): PersonIndex => ({
      id: personId,
      engagementId: personId,
      type: 'personIndex',
      tenantId: TENANT,
      personId,
      entries,
      updatedAt: NOW,
    });
    const picks = candidates(
      [
        list('a', [entry('e1', '2025-01-01'), entry('e2', '2025-01-03')]),
        list('b', [entry('e2', '2025-01-02'), entry('e3', '2025-01-04')]),
      ],
      2,
    );
    expect(picks.map((c) => [c.entry.engagementId, c.account.personId])).toEqual([
      ['e3', 'b'],
      ['e2', 'a'],
    ]);
  });

  test('an entry counts only while its account takes part: a role, in the chat, the same tenant', () => {
    const e = withGuest();
    const guest = { tenantId: TENANT, personId: 'aad-guest' };
    expect(stillTakesPart(e, guest)).toBe(true);
    expect(stillTakesPart(e, { ...guest, tenantId: FASTTRACK })).toBe(false);
    expect(stillTakesPart(e, { tenantId: TENANT, personId: 'aad-nobody' })).toBe(false);
    const gone = structuredClone(e);
    gone.people['aad-guest']!.removed = { by: 'bot', byName: 'bot', at: BUILD_TIME.toISOString() };
    expect(stillTakesPart(gone, guest)).toBe(false);
  });
});
