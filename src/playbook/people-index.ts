import { createHash } from 'node:crypto';
import { homeTenantOf } from './actor.js';
import type { Role } from './catalog.js';
import type { Engagement, Person } from './engagement.js';

/**
 * A person's list of engagements, kept beside the engagement documents so that "my engagements"
 * costs a few point reads instead of a query over every engagement. One document per person
 * (their object id in their tenant) lists the engagements where they were given a role; one per
 * mailbox address lists the guest accounts Teams reported with that address, which links a
 * FastTrack person's guest accounts in customers' tenants to their own account. The lists are
 * written when roles change, never on an answer, and a listing checks each engagement again.
 */

/** One engagement in a person's list, as it stood when their role last changed. */
export interface IndexEntry {
  engagementId: string;
  customer: string;
  role: Role;
  conversationId: string;
  /** The tenant hosting the chat. */
  tenantId: string;
  chatUrl?: string;
  /** When the entry was written (ISO 8601). */
  at: string;
}

export interface PersonIndex {
  /** Document id = partition key value: `person-…`. */
  id: string;
  engagementId: string;
  type: 'personIndex';
  tenantId: string;
  personId: string;
  entries: IndexEntry[];
  updatedAt: string;
}

/** An account Teams reported with a mailbox address: its person index and kind. */
export interface LinkedAccount {
  key: string;
  tenantId: string;
  personId: string;
  userRole?: string;
}

export interface MailIndex {
  /** Document id = partition key value: `mail-…`. */
  id: string;
  engagementId: string;
  type: 'mailIndex';
  accounts: LinkedAccount[];
  updatedAt: string;
}

export type IndexDocument = PersonIndex | MailIndex;

/** The most engagements one person's list keeps (the oldest go first), and accounts per address. */
export const MAX_INDEX_ENTRIES = 200;
export const MAX_LINKED_ACCOUNTS = 10;
/** How many engagements a listing shows (and reads), newest first. */
export const LISTED_ENGAGEMENTS = 25;

const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

export function personIndexKey(tenantId: string, personId: string): string {
  return `person-${digest(`${tenantId}|${personId}`)}`;
}

export function mailIndexKey(email: string): string {
  return `mail-${digest(email.trim().toLowerCase())}`;
}

/** A change to one person's list after an engagement changed: the entry to keep, or none. */
export interface IndexChange {
  key: string;
  tenantId: string;
  personId: string;
  engagementId: string;
  entry?: IndexEntry;
  /** The person's account, to link from their mailbox address (guest accounts only). */
  link?: { email: string; account: LinkedAccount };
}

function entryFor(e: Engagement, p: Person, at: string): IndexEntry {
  return {
    engagementId: e.id,
    customer: e.customer,
    role: p.role,
    conversationId: e.conversationId,
    tenantId: e.tenantId,
    ...(e.chatUrl ? { chatUrl: e.chatUrl } : {}),
    at,
  };
}

/**
 * The tenant of the account a person's list belongs to: a guest account lives in the tenant
 * hosting the chat (whatever tenant Teams' member list reports for it), anyone else's in theirs.
 */
export function accountTenantOf(e: Engagement, p: Person): string {
  return p.userRole === 'guest' ? e.tenantId : homeTenantOf(e, p);
}

function changeFor(e: Engagement, p: Person, entry: IndexEntry | undefined): IndexChange {
  const tenantId = accountTenantOf(e, p);
  const key = personIndexKey(tenantId, p.id);
  const account = {
    key,
    tenantId,
    personId: p.id,
    ...(p.userRole ? { userRole: p.userRole } : {}),
  };
  return {
    key,
    tenantId,
    personId: p.id,
    engagementId: e.id,
    ...(entry ? { entry } : {}),
    ...(entry && p.email && p.userRole === 'guest' ? { link: { email: p.email, account } } : {}),
  };
}

/** The lists to update after `before` became `after`: people given, changed or relieved of a role. */
export function indexChanges(before: Engagement | undefined, after: Engagement): IndexChange[] {
  const changes: IndexChange[] = [];
  for (const p of Object.values(after.people)) {
    const was = before?.people[p.id];
    if (was && was.role === p.role && accountTenantOf(before!, was) === accountTenantOf(after, p))
      continue;
    changes.push(changeFor(after, p, entryFor(after, p, after.updatedAt)));
  }
  for (const p of Object.values(before?.people ?? {})) {
    if (!after.people[p.id]) changes.push(changeFor(before!, p, undefined));
  }
  return changes;
}

/** The lists to update after the engagement was deleted: every one of its people loses it. */
export function indexRemovals(deleted: Engagement): IndexChange[] {
  return Object.values(deleted.people).map((p) => changeFor(deleted, p, undefined));
}

/** The person's list with the change made, or undefined when it holds that already. */
export function withEntry(
  doc: PersonIndex | undefined,
  change: IndexChange,
  now: string,
): PersonIndex | undefined {
  const entries = doc?.entries ?? [];
  const others = entries.filter((x) => x.engagementId !== change.engagementId);
  if (!change.entry && others.length === entries.length) return undefined;
  const next = change.entry ? [...others, change.entry] : others;
  next.sort((a, b) => a.at.localeCompare(b.at));
  return {
    id: change.key,
    engagementId: change.key,
    type: 'personIndex',
    tenantId: change.tenantId,
    personId: change.personId,
    entries: next.slice(-MAX_INDEX_ENTRIES),
    updatedAt: now,
  };
}

/** The address's accounts with this one, or undefined when it is listed already. */
export function withLink(
  doc: MailIndex | undefined,
  key: string,
  account: LinkedAccount,
  now: string,
): MailIndex | undefined {
  const accounts = doc?.accounts ?? [];
  if (accounts.some((a) => a.key === account.key)) return undefined;
  return {
    id: key,
    engagementId: key,
    type: 'mailIndex',
    accounts: [...accounts, account].slice(-MAX_LINKED_ACCOUNTS),
    updatedAt: now,
  };
}

/** Who asks for their engagements: their account in the tenant they ask from, and its kind. */
export interface Asker {
  tenantId: string;
  personId: string;
  userRole?: string;
}

/**
 * The guest accounts a mailbox address links to the asker's own account. Only an account of its
 * own tenant (not a guest) follows links, and only to guest accounts, which live in customers'
 * tenants under the address the person was invited with.
 */
export function linkedAccounts(asker: Asker, mail: MailIndex | undefined): LinkedAccount[] {
  if (asker.userRole === 'guest') return [];
  const own = personIndexKey(asker.tenantId, asker.personId);
  return (mail?.accounts ?? [])
    .filter((a) => a.userRole === 'guest' && a.key !== own)
    .slice(0, MAX_LINKED_ACCOUNTS);
}

/** One listed engagement: whose entry it is (the asker's own account or a linked one). */
export interface Candidate {
  account: { tenantId: string; personId: string };
  entry: IndexEntry;
}

/** The engagements to read for a listing: newest entries first, each engagement once, at most `limit`. */
export function candidates(lists: PersonIndex[], limit = LISTED_ENGAGEMENTS): Candidate[] {
  const all = lists.flatMap((doc) =>
    doc.entries.map((entry) => ({
      account: { tenantId: doc.tenantId, personId: doc.personId },
      entry,
    })),
  );
  all.sort((a, b) => b.entry.at.localeCompare(a.entry.at));
  const seen = new Set<string>();
  return all
    .filter((c) => !seen.has(c.entry.engagementId) && seen.add(c.entry.engagementId))
    .slice(0, limit);
}

/** Whether the account still takes part in the engagement: a role, in the chat, the same tenant. */
export function stillTakesPart(e: Engagement, account: Candidate['account']): boolean {
  const p = e.people[account.personId];
  return !!p && !p.removed && accountTenantOf(e, p) === account.tenantId;
}
