import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openEmbeddedStore } from '../../src/store/embedded.js';
import type { EngagementStore } from '../../src/store/store.js';
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
    putStored: async (doc) => {
      const file = path.join(dataDir, `${encodeURIComponent(String(doc.id))}.json`);
      await writeFile(file, JSON.stringify({ etag: 'stored-by-v1', engagement: doc }));
    },
    close: async () => {
      for (const s of stores) await s.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
});
