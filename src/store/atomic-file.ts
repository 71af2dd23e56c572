import { randomUUID } from 'node:crypto';
import { open, readdir, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

/** Temporary files are hidden and end with this; anything matching is a write that never finished. */
export const TEMP_SUFFIX = '.tmp';

export function isTempFile(name: string): boolean {
  return name.startsWith('.') && name.endsWith(TEMP_SUFFIX);
}

/** Where a write of `target` is staged: the same folder, so the rename stays on one file system. */
export function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomUUID()}${TEMP_SUFFIX}`);
}

/** Platforms where a folder cannot be opened or synced (Windows): the rename is all we get. */
const UNSYNCABLE_DIR = new Set(['EISDIR', 'EPERM', 'EINVAL', 'EBADF']);

/** Makes a rename in `dir` durable: without it a power cut may forget the new name. */
export async function syncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (err) {
    if (!UNSYNCABLE_DIR.has(String((err as NodeJS.ErrnoException).code))) throw err;
  } finally {
    await handle?.close();
  }
}

/**
 * Replaces `target` with `data` so that whatever happens (a crash, SIGKILL, a power cut after
 * this resolves) the file holds either the previous content or the new one, never a mix:
 * write a temporary file in the same folder, fsync it, rename it over the target, fsync the folder.
 */
export async function writeFileAtomic(target: string, data: string): Promise<void> {
  const temp = tempPathFor(target);
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw err;
  }
  await syncDirectory(path.dirname(target));
}

/** Deletes `target` and makes the deletion durable (a power cut after this resolves keeps it deleted). */
export async function removeFileDurably(target: string): Promise<void> {
  await unlink(target);
  await syncDirectory(path.dirname(target));
}

/** Deletes what interrupted writes left behind in `dir`; returns the names removed. */
export async function removeTempFiles(dir: string): Promise<string[]> {
  const leftovers = (await readdir(dir)).filter(isTempFile);
  for (const name of leftovers) await unlink(path.join(dir, name)).catch(() => undefined);
  return leftovers;
}
