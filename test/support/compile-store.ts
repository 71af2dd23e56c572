import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { transformFileSync } from '@swc/core';

const SRC_STORE = path.resolve(__dirname, '../../src/store');

/**
 * Compiles the given src/store modules to CommonJS in `outDir` (same names, .js), so a plain
 * `node` child process can run the real store code without a build step. The modules may import
 * each other and types from elsewhere (types vanish), but nothing else from src/.
 */
export async function compileStoreModules(outDir: string, modules: string[]): Promise<string> {
  await mkdir(outDir, { recursive: true });
  for (const name of modules) {
    const { code } = transformFileSync(path.join(SRC_STORE, `${name}.ts`), {
      swcrc: false,
      jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
      module: { type: 'commonjs' },
    });
    await writeFile(path.join(outDir, `${name}.js`), code);
  }
  return outDir;
}
