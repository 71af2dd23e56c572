import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { transformFileSync } from '@swc/core';

const ROOT = path.resolve(__dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

export interface BuiltBot {
  /** The compiled entry point, as `npm start` runs dist/src/index.js. */
  entry: string;
  remove(): void;
}

/**
 * Compiles src/ to CommonJS in a folder of its own (with swc, as jest does), so that a test file
 * can run the bot as its own process without racing other test files for dist/. The folder lies
 * under node_modules/.cache, from where the compiled code finds the packages, laid out as the
 * repository is: dist/src/, package.json and the card templates.
 */
export function buildBot(): BuiltBot {
  const out = path.join(ROOT, 'node_modules', '.cache', 'ds-test-bot', randomUUID());
  for (const file of sources(path.join(ROOT, 'src'))) {
    const { code } = transformFileSync(file, {
      swcrc: false,
      jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
      module: { type: 'commonjs' },
    });
    const target = path.join(out, 'dist', path.relative(ROOT, file)).replace(/\.ts$/, '.js');
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, code);
  }
  copyFileSync(path.join(ROOT, 'package.json'), path.join(out, 'package.json'));
  symlinkSync(path.join(ROOT, 'cards'), path.join(out, 'cards'), 'dir');
  return {
    entry: path.join(out, 'dist', 'src', 'index.js'),
    remove: () => rmSync(out, { recursive: true, force: true }),
  };
}
