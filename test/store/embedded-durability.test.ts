import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { isTempFile, tempPathFor, writeFileAtomic } from '../../src/store/atomic-file.js';
import { openEmbeddedStore } from '../../src/store/embedded.js';
import { StoreUnavailableError } from '../../src/store/store.js';
import { compileStoreModules } from '../support/compile-store.js';
import { edited, newEngagement } from './fixtures.js';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'engagements-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

const tempFilesIn = async (dir: string) => (await readdir(dir)).filter(isTempFile);

describe('the embedded store on disk', () => {
  it('keeps the last good version when a write was cut off before its rename, and removes the scrap', async () => {
    const store = await openEmbeddedStore({ dataDir });
    const e = newEngagement('Good');
    const good = await store.replace(edited(e, 'Good, saved'), (await store.create(e)).etag);
    await store.close();
    const [file] = (await readdir(dataDir)).filter((name) => name.endsWith('.json'));
    const target = path.join(dataDir, file!);
    const next = JSON.stringify({ etag: 'next', engagement: edited(e, 'Never finished') });
    await writeFile(tempPathFor(target), next.slice(0, next.length / 2));

    const reopened = await openEmbeddedStore({ dataDir });
    expect(await reopened.get(e.id)).toEqual(good);
    expect(await tempFilesIn(dataDir)).toEqual([]);
    await reopened.close();
  });

  it('removes its temporary file when the rename fails, leaving the target as it was', async () => {
    const target = path.join(dataDir, 'occupied.json');
    await mkdir(path.join(target, 'inside'), { recursive: true });
    await expect(writeFileAtomic(target, '{"new":true}')).rejects.toMatchObject({
      code: expect.stringMatching(/^E/),
    });
    expect(await readdir(dataDir)).toEqual(['occupied.json']);
    expect(await readdir(target)).toEqual(['inside']);
  });

  it('reports a write the disk refused as StoreUnavailableError, and saves others', async () => {
    const store = await openEmbeddedStore({ dataDir });
    const blocked = newEngagement();
    await mkdir(path.join(dataDir, `${blocked.id}.json`, 'in-the-way'), { recursive: true });
    const failure = await store.create(blocked).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(StoreUnavailableError);
    expect((failure as Error).message).toMatch(/^Not saved: .*Please try again\.$/);
    expect(await tempFilesIn(dataDir)).toEqual([]);
    const other = newEngagement();
    await store.create(other);
    expect((await store.get(other.id))?.engagement).toEqual(other);
    await store.close();
  });

  it('refuses to open over a damaged engagement file, naming it, rather than forget it', async () => {
    await writeFile(
      path.join(dataDir, 'eng-damaged.json'),
      '{"etag":"1","engagement":{"id":"eng-dam',
    );
    await expect(openEmbeddedStore({ dataDir })).rejects.toThrow();
    await writeFile(path.join(dataDir, 'eng-damaged.json'), '{"something":"else"}');
    await expect(openEmbeddedStore({ dataDir })).rejects.toThrow(
      `${path.join(dataDir, 'eng-damaged.json')} is not an engagement file`,
    );
  });

  it('finishes the writes under way when closed, and refuses work afterwards', async () => {
    const store = await openEmbeddedStore({ dataDir });
    const e = newEngagement();
    const { etag } = await store.create(e);
    const saving = store.replace(edited(e, 'Saved while closing'), etag);
    await store.close();
    const saved = await saving;
    await expect(store.get(e.id)).rejects.toThrow('closed');
    const reopened = await openEmbeddedStore({ dataDir });
    expect(await reopened.get(e.id)).toEqual(saved);
    await reopened.close();
  });
});

describe('a bot process killed while saving', () => {
  const child = path.resolve(__dirname, '../support/embedded-writer-child.js');

  /**
   * Runs the child until it has reported `writes` saves, then SIGKILLs it at a random moment
   * within the next few milliseconds (a fixed delay would always land in the same phase of its
   * loop); returns the last save it reported.
   */
  async function killAfter(embeddedModule: string, id: string, writes: number): Promise<number> {
    const proc = spawn(process.execPath, [child, embeddedModule, dataDir, id], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      proc.on('exit', (_code, signal) => resolve(signal)),
    );
    let stderr = '';
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let last = 0;
    for await (const line of createInterface({ input: proc.stdout })) {
      last = Number(/^saved (\d+)$/.exec(line)?.[1]);
      if (last >= writes) {
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 15));
        proc.kill('SIGKILL');
        break;
      }
    }
    expect({ signal: await exited, stderr }).toEqual({ signal: 'SIGKILL', stderr: '' });
    return last;
  }

  it('leaves a whole engagement every time: the last reported save or a later one', async () => {
    const outDir = await compileStoreModules(
      path.join(dataDir, '..', `${path.basename(dataDir)}-code`),
      ['store', 'document', 'keyed-queue', 'atomic-file', 'embedded-index', 'embedded'],
    );
    try {
      const store = await openEmbeddedStore({ dataDir });
      const e = newEngagement();
      await store.create(e);
      await store.close();
      // Each round kills a fresh child after a few saves; over 20 rounds many kills land mid-write
      // (a store that wrote the file in place, without the rename, fails this test almost every run).
      for (let round = 0; round < 20; round++) {
        const writes = 2 + (round % 4);
        const reported = await killAfter(path.join(outDir, 'embedded.js'), e.id, writes);
        const reopened = await openEmbeddedStore({ dataDir });
        const found = (await reopened.get(e.id))!.engagement as typeof e & { filler: string };
        const version = Number(/^version (\d+)$/.exec(found.customer)?.[1]);
        expect(version).toBeGreaterThanOrEqual(reported);
        expect(found.filler.startsWith(`${version}:`)).toBe(true);
        expect(await tempFilesIn(dataDir)).toEqual([]);
        await reopened.close();
      }
      const file = (await readdir(dataDir)).find((name) => name.endsWith('.json'))!;
      expect(JSON.parse(await readFile(path.join(dataDir, file), 'utf8'))).toHaveProperty(
        'engagement.id',
        e.id,
      );
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });
});
