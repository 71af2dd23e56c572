import type { Logger } from 'pino';
import type { Engagement } from '../playbook/engagement.js';
import {
  candidates,
  indexChanges,
  indexRemovals,
  linkedAccounts,
  mailIndexKey,
  personIndexKey,
  stillTakesPart,
  withEntry,
  withLink,
  type Asker,
  type IndexChange,
  type IndexDocument,
  type MailIndex,
  type PersonIndex,
} from '../playbook/people-index.js';
import { StoreConflictError, StoreUnavailableError, type EngagementStore } from '../store/store.js';

/** One engagement of a person's list: the engagement as it stands, and which of their accounts takes part. */
export interface Listed {
  engagement: Engagement;
  personId: string;
}

/** How often an index write is tried again after someone else wrote the same index first. */
const INDEX_TRIES = 5;

const isPersonIndex = (doc: IndexDocument | undefined): doc is PersonIndex =>
  doc?.type === 'personIndex';

/**
 * Each person's list of engagements, kept in index documents beside the engagements: written when
 * roles change (after the engagement, which stays the truth), read for "my engagements".
 */
export class Directory {
  constructor(
    private readonly store: EngagementStore,
    private readonly clock: () => Date,
    private readonly logger?: Logger,
  ) {}

  /**
   * Brings the lists of the people whose role changed between `before` and `after` up to date.
   * The engagement is saved already: a list that cannot be written is logged, and written again
   * at that person's next role change.
   */
  sync(before: Engagement | undefined, after: Engagement): Promise<void> {
    return this.apply(after.id, indexChanges(before, after));
  }

  /**
   * Takes a deleted engagement (its customer's name, its chat) off every list it was on. The
   * engagement is gone already: a list that cannot be written is logged, and the next listing
   * that finds the engagement gone takes it off.
   */
  forget(deleted: Engagement): Promise<void> {
    return this.apply(deleted.id, indexRemovals(deleted));
  }

  /** Writes each change to its person's list (and links the address), logging what cannot be written. */
  private async apply(engagementId: string, changes: IndexChange[]): Promise<void> {
    const now = this.clock().toISOString();
    for (const change of changes) {
      try {
        await this.upsert(change.key, (doc) =>
          withEntry(isPersonIndex(doc) ? doc : undefined, change, now),
        );
        const link = change.link;
        if (link) {
          const key = mailIndexKey(link.email);
          await this.upsert(key, (doc) =>
            withLink(doc?.type === 'mailIndex' ? doc : undefined, key, link.account, now),
          );
        }
      } catch (err) {
        if (!(err instanceof StoreUnavailableError || err instanceof StoreConflictError)) throw err;
        this.logger?.warn(
          { engagementId, err: err.message },
          "could not update a person's list of engagements",
        );
      }
    }
  }

  /**
   * The asker's engagements, newest first: those of their own account and of the guest accounts
   * their mailbox address links to, each checked against the engagement as it stands now. Costs
   * one read of their list, one of their address's, one per linked account and one per
   * engagement listed (at most LISTED_ENGAGEMENTS). An entry whose engagement is gone (deleted
   * while its list could not be written) is taken off that list.
   */
  async list(asker: Asker, email: string | undefined): Promise<Listed[]> {
    const [own, mail] = await Promise.all([
      this.store.getIndex(personIndexKey(asker.tenantId, asker.personId)),
      email ? this.store.getIndex(mailIndexKey(email)) : undefined,
    ]);
    const mailDoc = mail?.doc.type === 'mailIndex' ? (mail.doc as MailIndex) : undefined;
    const linked = await Promise.all(
      linkedAccounts(asker, mailDoc).map((a) => this.store.getIndex(a.key)),
    );
    const lists = [own, ...linked].map((v) => v?.doc).filter(isPersonIndex);
    const picks = candidates(lists);
    const found = await Promise.all(picks.map((c) => this.store.get(c.entry.engagementId)));
    const gone = picks.filter((_, i) => !found[i]);
    if (gone.length > 0)
      await this.apply(
        'listing',
        gone.map(({ account, entry }) => ({
          key: personIndexKey(account.tenantId, account.personId),
          ...account,
          engagementId: entry.engagementId,
        })),
      );
    return picks
      .flatMap((c, i) => {
        const e = found[i]?.engagement;
        return e && stillTakesPart(e, c.account)
          ? [{ engagement: e, personId: c.account.personId }]
          : [];
      })
      .sort((a, b) => b.engagement.updatedAt.localeCompare(a.engagement.updatedAt));
  }

  /** Reads, changes and conditionally writes one index document, again when someone wrote first. */
  private async upsert(
    key: string,
    change: (doc: IndexDocument | undefined) => IndexDocument | undefined,
  ): Promise<void> {
    for (let tries = 1; ; tries++) {
      const current = await this.store.getIndex(key);
      const next = change(current?.doc);
      if (!next) return;
      try {
        await this.store.putIndex(next, current?.etag);
        return;
      } catch (err) {
        if (!(err instanceof StoreConflictError) || tries >= INDEX_TRIES) throw err;
      }
    }
  }
}
