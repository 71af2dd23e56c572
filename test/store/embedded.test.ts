import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { INDEX_FOLDER } from '../../src/store/embedded-index.js';
import { openEmbeddedStore } from '../../src/store/embedded.js';
import { StoreUnavailableError, type EngagementStore } from '../../src/store/store.js';
import { storeContract } from './contract.js';

storeContract('embedded', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'engagements-'));
  const stores: EngagementStore[] = [await openEmbeddedStore({ dataDir })];
  return {
    store: stores[0]!,
    reopen: async () => {
      const again = await openEmbeddedStore({ dataDir });
      stores.push(again);
      return again;
    },
    close: async () => {
      for (const s of stores) await s.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
});

describe('embedded store: index documents on a damaged disk', () => {
  it('a list that cannot be read or written is "not saved", and the rest of the store goes on', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'engagements-'));
    const store = await openEmbeddedStore({ dataDir });
    try {
      const key = 'person-0000000000000000000000000000000a';
      // A folder where the list's file should be: reading and writing it both fail.
      await mkdir(path.join(dataDir, INDEX_FOLDER, `${key}.json`));
      await expect(store.getIndex(key)).rejects.toBeInstanceOf(StoreUnavailableError);
      const doc = {
        id: key,
        engagementId: key,
        type: 'mailIndex' as const,
        accounts: [],
        updatedAt: '2025-03-10T00:00:00.000Z',
      };
      await expect(store.putIndex(doc)).rejects.toBeInstanceOf(StoreUnavailableError);
      expect(await store.getIndex('mail-0000000000000000000000000000000b')).toBeUndefined();
    } finally {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
