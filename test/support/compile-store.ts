import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { transformFileSync } from '@swc/core';

const SRC = path.resolve(__dirname, '../../src');

/** The playbook modules the store reads with (`upgrade` of older documents), for a child process. */
const PLAYBOOK_FOR_STORE = ['upgrade', 'catalog', 'catalog-identity', 'names'];

/**
 * Compiles the given src/store modules, and the playbook modules the store reads documents with,
 * to CommonJS under `outDir` (store/<name>.js, playbook/<name>.js), so a plain `node` child
 * process can run the real store code without a build step. Types vanish; nothing else from src/
 * may be imported. Returns the folder of the compiled store modules.
 */
export async function compileStoreModules(outDir: string, modules: string[]): Promise<string> {
  const files = [
    ...modules.map((name) => path.join('store', name)),
    ...PLAYBOOK_FOR_STORE.map((name) => path.join('playbook', name)),
  ];
  for (const file of files) {
    const { code } = transformFileSync(path.join(SRC, `${file}.ts`), {
      swcrc: false,
      jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
      module: { type: 'commonjs' },
    });
    await mkdir(path.dirname(path.join(outDir, file)), { recursive: true });
    await writeFile(path.join(outDir, `${file}.js`), code);
  }
  return path.join(outDir, 'store');
}
