import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Engagement } from '../playbook/engagement.js';
import type { IndexDocument } from '../playbook/people-index.js';
import { removeFileDurably, removeTempFiles, writeFileAtomic } from './atomic-file.js';
import { checkDocument } from './document.js';
import { EmbeddedIndexes } from './embedded-index.js';
import { KeyedQueue } from './keyed-queue.js';
import {
  StoreConflictError,
  StoreUnavailableError,
  type EngagementStore,
  type Versioned,
  type VersionedIndex,
} from './store.js';

export interface EmbeddedSettings {
  /** The folder holding one JSON file per engagement; created if missing. Default `./data`. */
  dataDir?: string;
  logger?: Logger;
}

/** One engagement file: the engagement and the version tag a conditional replace must match. */
interface StoredFile {
  etag: string;
  engagement: Engagement;
}

/** What the store keeps in memory per engagement: enough to check versions and find due reminders. */
interface IndexEntry {
  etag: string;
  nextReminderAt?: string;
}

const SUFFIX = '.json';

function fileNameFor(engagementId: string): string {
  return `${encodeURIComponent(engagementId)}${SUFFIX}`;
}

function parseStoredFile(text: string, file: string): StoredFile {
  const parsed = JSON.parse(text) as Partial<StoredFile> | null;
  if (typeof parsed?.etag !== 'string' || typeof parsed.engagement?.id !== 'string') {
    throw new Error(`${file} is not an engagement file of this store.`);
  }
  return parsed as StoredFile;
}

function isMissing(err: unknown): boolean {
  return (err as NodeJS.ErrnoException).code === 'ENOENT';
}

/**
 * The durable local store, for when no Cosmos DB is configured: one JSON file per engagement,
 * each write atomic (temp file, fsync, rename, fsync folder). Writes to one engagement are
 * serialized inside this object, so a conditional replace is atomic within the process. One
 * process per data folder: two bots sharing a folder would not see each other's versions.
 */
export class EmbeddedEngagementStore implements EngagementStore {
  private readonly writes = new KeyedQueue();
  private closed = false;

  private constructor(
    readonly dataDir: string,
    private readonly index: Map<string, IndexEntry>,
    private readonly indexes: EmbeddedIndexes,
    private readonly logger?: Logger,
  ) {}

  /** Opens (creating if needed) the data folder, removes unfinished writes and indexes what is there. */
  static async open(settings: EmbeddedSettings = {}): Promise<EmbeddedEngagementStore> {
    const dataDir = path.resolve(settings.dataDir ?? './data');
    await mkdir(dataDir, { recursive: true });
    const removed = (await removeTempFiles(dataDir)).length;
    const { indexes, removed: indexWrites } = await EmbeddedIndexes.open(dataDir);
    if (removed + indexWrites > 0)
      settings.logger?.warn(
        { dataDir, removed: removed + indexWrites },
        'Removed unfinished writes',
      );
    const index = new Map<string, IndexEntry>();
    for (const name of await readdir(dataDir)) {
      if (!name.endsWith(SUFFIX)) continue;
      const file = path.join(dataDir, name);
      const { etag, engagement } = parseStoredFile(await readFile(file, 'utf8'), file);
      if (fileNameFor(engagement.id) !== name)
        throw new Error(`${file} holds engagement ${engagement.id}, not the one its name says.`);
      index.set(engagement.id, { etag, nextReminderAt: engagement.nextReminderAt });
    }
    settings.logger?.info({ dataDir, engagements: index.size }, 'Embedded store open');
    return new EmbeddedEngagementStore(dataDir, index, indexes, settings.logger);
  }

  async get(engagementId: string): Promise<Versioned | undefined> {
    this.assertOpen();
    const file = this.pathFor(engagementId);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      if (isMissing(err)) return undefined;
      throw this.unavailable('read', engagementId, err);
    }
    const { etag, engagement } = parseStoredFile(text, file);
    return { engagement, etag };
  }

  async create(engagement: Engagement): Promise<Versioned> {
    return this.writeUnless(engagement, () =>
      this.index.has(engagement.id)
        ? new StoreConflictError('An engagement with this id already exists.')
        : undefined,
    );
  }

  async replace(engagement: Engagement, etag: string): Promise<Versioned> {
    return this.writeUnless(engagement, () =>
      this.index.get(engagement.id)?.etag !== etag ? new StoreConflictError() : undefined,
    );
  }

  async delete(engagementId: string, etag: string): Promise<void> {
    this.assertOpen();
    await this.writes.run(engagementId, async () => {
      if (this.index.get(engagementId)?.etag !== etag) throw new StoreConflictError();
      try {
        await removeFileDurably(this.pathFor(engagementId));
      } catch (err) {
        throw this.unavailable('delete', engagementId, err);
      }
      this.index.delete(engagementId);
    });
  }

  async dueReminders(now: string, limit: number): Promise<Versioned[]> {
    this.assertOpen();
    const ids = [...this.index]
      .filter(([, entry]) => entry.nextReminderAt !== undefined && entry.nextReminderAt <= now)
      .sort(([, a], [, b]) => (a.nextReminderAt ?? '').localeCompare(b.nextReminderAt ?? ''))
      .slice(0, Math.max(0, limit))
      .map(([id]) => id);
    const due: Versioned[] = [];
    for (const id of ids) {
      const found = await this.get(id);
      if (found) due.push(found);
    }
    return due;
  }

  async getIndex(key: string): Promise<VersionedIndex | undefined> {
    this.assertOpen();
    try {
      return await this.indexes.get(key);
    } catch (err) {
      throw this.unavailable('readIndex', key, err);
    }
  }

  async putIndex(doc: IndexDocument, etag?: string): Promise<VersionedIndex> {
    this.assertOpen();
    try {
      return await this.indexes.put(doc, etag);
    } catch (err) {
      if (err instanceof StoreConflictError || err instanceof TypeError) throw err;
      throw this.unavailable('writeIndex', doc.id, err);
    }
  }

  /** Waits for the writes under way; afterwards every call throws. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([this.writes.drain(), this.indexes.drain()]);
  }

  /** Writes after the writes to this engagement queued before, unless `conflict` says someone wrote first. */
  private async writeUnless(
    engagement: Engagement,
    conflict: () => StoreConflictError | undefined,
  ): Promise<Versioned> {
    this.assertOpen();
    checkDocument(engagement);
    return this.writes.run(engagement.id, async () => {
      const error = conflict();
      if (error) throw error;
      return this.write(engagement);
    });
  }

  private async write(engagement: Engagement): Promise<Versioned> {
    const stored: StoredFile = { etag: randomUUID(), engagement };
    try {
      await writeFileAtomic(this.pathFor(engagement.id), JSON.stringify(stored));
    } catch (err) {
      throw this.unavailable('write', engagement.id, err);
    }
    this.index.set(engagement.id, { etag: stored.etag, nextReminderAt: engagement.nextReminderAt });
    return { engagement: structuredClone(engagement), etag: stored.etag };
  }

  private pathFor(engagementId: string): string {
    return path.join(this.dataDir, fileNameFor(engagementId));
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The embedded engagement store is closed.');
  }

  private unavailable(op: string, engagementId: string, err: unknown): StoreUnavailableError {
    this.logger?.error(
      { op, engagementId, code: (err as NodeJS.ErrnoException).code },
      'Embedded store failed',
    );
    return new StoreUnavailableError(undefined, { cause: err });
  }
}

export function openEmbeddedStore(
  settings: EmbeddedSettings = {},
): Promise<EmbeddedEngagementStore> {
  return EmbeddedEngagementStore.open(settings);
}
