import type { Engagement } from '../playbook/engagement.js';
import type { IndexDocument } from '../playbook/people-index.js';

/** An engagement as stored, with the version tag a conditional write must match. */
export interface Versioned {
  engagement: Engagement;
  etag: string;
}

/** An index document as stored, with its version tag. */
export interface VersionedIndex {
  doc: IndexDocument;
  etag: string;
}

/**
 * The engagement store: the only door to the database. Both adapters (Cosmos DB and the
 * embedded local one) pass the same contract suite in test/store/.
 */
export interface EngagementStore {
  /** A point read by id and partition key; undefined when there is none. */
  get(engagementId: string): Promise<Versioned | undefined>;
  /** Writes a new engagement; throws StoreConflictError when one with that id exists. */
  create(engagement: Engagement): Promise<Versioned>;
  /** Replaces the engagement if its stored version still has `etag`; else StoreConflictError. */
  replace(engagement: Engagement, etag: string): Promise<Versioned>;
  /**
   * Deletes the engagement if its stored version still has `etag`; else StoreConflictError (also
   * when it is already gone: a re-read then finds nothing to delete).
   */
  delete(engagementId: string, etag: string): Promise<void>;
  /** Engagements with a reminder due at or before `now` (ISO 8601), at most `limit`. */
  dueReminders(now: string, limit: number): Promise<Versioned[]>;
  /** A point read of an index document (a person's engagements, a mailbox's accounts) by its key. */
  getIndex(key: string): Promise<VersionedIndex | undefined>;
  /**
   * Writes an index document beside the engagements: a new one without `etag` (StoreConflictError
   * when one exists), otherwise a replace if its stored version still has `etag`.
   */
  putIndex(doc: IndexDocument, etag?: string): Promise<VersionedIndex>;
  close(): Promise<void>;
}

/** Someone else wrote first: re-read, re-apply, try again. */
export class StoreConflictError extends Error {
  constructor(message = 'The engagement changed while saving.') {
    super(message);
    this.name = 'StoreConflictError';
  }
}

/** The database cannot take the write now; nothing was saved. The message is safe to show. */
export class StoreUnavailableError extends Error {
  constructor(
    message = 'Not saved: the engagement store is unavailable right now. Please try again.',
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}

/**
 * A write was sent and the database did not say whether it applied it, nor could it be found out
 * in time. The message says exactly that (never "not saved", which might turn out false): the
 * person looks at the card again before answering again. A redelivery of the same activity is
 * recognised by its id and never applied twice.
 */
export class StoreOutcomeUnknownError extends StoreUnavailableError {
  constructor(options?: { cause?: unknown }) {
    super(
      'Not confirmed: the database did not answer in time, so I cannot tell whether this was saved. ' +
        'Open the card again in a minute to see what was recorded before you answer again.',
      options,
    );
    this.name = 'StoreOutcomeUnknownError';
  }
}

/**
 * The engagement has grown past what one stored document may hold (Cosmos DB refuses documents
 * over 2 MB). The playbook's limits keep every engagement under it (test/store/document-size.test.ts),
 * so this is a guard: nothing was saved, and the message names what a person can do.
 */
export class EngagementTooLargeError extends StoreUnavailableError {
  constructor(
    readonly bytes: number,
    readonly limit: number,
    engagementId = '',
  ) {
    super(
      `Not saved: this engagement's record would be ${Math.ceil(bytes / 1024)} KB, more than the ${Math.floor(limit / 1024)} KB one record may hold. ` +
        'Nothing was changed. Shorten what you typed and try again; if that does not help, the FastTrack manager can post the summary to keep it (Export, on the summary card) ' +
        `and ask the bot's operators to look at engagement ${engagementId}.`,
    );
    this.name = 'EngagementTooLargeError';
  }
}
