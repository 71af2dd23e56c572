import { randomUUID } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { IndexDocument } from '../playbook/people-index.js';
import { removeTempFiles, writeFileAtomic } from './atomic-file.js';
import { KeyedQueue } from './keyed-queue.js';
import { StoreConflictError, type VersionedIndex } from './store.js';

/** The folder, under the data folder, holding one file per index document. */
export const INDEX_FOLDER = 'indexes';

interface StoredIndex {
  etag: string;
  doc: IndexDocument;
}

/**
 * The embedded store's index documents: one JSON file each, written atomically like the
 * engagements. A conditional write reads the stored version inside the key's queue, so it is
 * atomic within the process.
 */
export class EmbeddedIndexes {
  private readonly writes = new KeyedQueue();

  private constructor(private readonly dir: string) {}

  /** Opens (creating if needed) the folder and removes unfinished writes; returns how many. */
  static async open(dataDir: string): Promise<{ indexes: EmbeddedIndexes; removed: number }> {
    const dir = path.join(dataDir, INDEX_FOLDER);
    await mkdir(dir, { recursive: true });
    const removed = await removeTempFiles(dir);
    return { indexes: new EmbeddedIndexes(dir), removed: removed.length };
  }

  async get(key: string): Promise<VersionedIndex | undefined> {
    let text: string;
    try {
      text = await readFile(this.pathFor(key), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    const stored = JSON.parse(text) as StoredIndex;
    return { doc: stored.doc, etag: stored.etag };
  }

  put(doc: IndexDocument, etag: string | undefined): Promise<VersionedIndex> {
    if (!doc.id || doc.id !== doc.engagementId)
      throw new TypeError('An index document needs id equal to engagementId (its partition key).');
    return this.writes.run(doc.id, async () => {
      const current = await this.get(doc.id);
      if (etag === undefined ? current !== undefined : current?.etag !== etag)
        throw new StoreConflictError('The index changed while saving.');
      const stored: StoredIndex = { etag: randomUUID(), doc };
      await writeFileAtomic(this.pathFor(doc.id), JSON.stringify(stored));
      return { doc: structuredClone(doc), etag: stored.etag };
    });
  }

  drain(): Promise<void> {
    return this.writes.drain();
  }

  private pathFor(key: string): string {
    return path.join(this.dir, `${encodeURIComponent(key)}.json`);
  }
}
