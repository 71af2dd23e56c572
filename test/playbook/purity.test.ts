/**
 * The playbook is pure. Nothing under src/playbook/ imports botbuilder, restify or
 * @azure/cosmos, nor anything else outside src/playbook/ (other than the few pure Node built-ins
 * allowed below). Imports are found with TypeScript's own pre-processor, so comments and strings
 * do not fool it, and `export … from`, `import type`, `import()` and `require()` all count.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '../..');
const PLAYBOOK = path.join(ROOT, 'src', 'playbook');

/** Bare modules the playbook may use: deterministic computation, no I/O (luxon: times in a zone). Add one here on purpose. */
const ALLOWED_BARE = new Set(['node:crypto', 'luxon']);
const FRAMEWORKS = [/^botbuilder/, /^restify/, /^@azure\/cosmos/];

function importsOf(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
}

/** Why an import breaks the rule, or undefined when it is fine. */
function violation(fromFile: string, specifier: string): string | undefined {
  if (FRAMEWORKS.some((re) => re.test(specifier))) return `imports the framework "${specifier}"`;
  if (specifier.startsWith('.')) {
    const target = path.resolve(path.dirname(fromFile), specifier);
    const inside = target === PLAYBOOK || target.startsWith(PLAYBOOK + path.sep);
    return inside ? undefined : `imports "${specifier}", outside src/playbook`;
  }
  if (path.isAbsolute(specifier)) return `imports the absolute path "${specifier}"`;
  return ALLOWED_BARE.has(specifier)
    ? undefined
    : `imports the package "${specifier}", outside src/playbook`;
}

function violationsIn(file: string, source: string): string[] {
  return importsOf(source).flatMap((spec) => {
    const why = violation(file, spec);
    return why ? [`${path.relative(ROOT, file)} ${why}`] : [];
  });
}

const files = readdirSync(PLAYBOOK, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => path.join(PLAYBOOK, f));

describe('the playbook is pure', () => {
  test('it has the files the scan is meant for', () => {
    const names = files.map((f) => path.relative(PLAYBOOK, f));
    expect(names).toEqual(
      expect.arrayContaining(['apply.ts', 'gates.ts', path.join('steps', 'identity.ts')]),
    );
  });

  test('no file under src/playbook imports a framework or anything outside src/playbook', () => {
    const found = files.flatMap((file) => violationsIn(file, readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });

  describe('the scan itself catches', () => {
    const file = path.join(PLAYBOOK, 'steps', 'example.ts');
    test.each([
      ["import { TurnContext } from 'botbuilder';", 'imports the framework "botbuilder"'],
      ["import type { Request } from 'restify';", 'imports the framework "restify"'],
      ["export { CosmosClient } from '@azure/cosmos';", 'imports the framework "@azure/cosmos"'],
      ["const c = await import('botbuilder-core');", 'imports the framework "botbuilder-core"'],
      ["const r = require('restify-errors');", 'imports the framework "restify-errors"'],
      [
        "import { store } from '../../store/store.js';",
        'imports "../../store/store.js", outside src/playbook',
      ],
      [
        "import { Card } from '../../cards/renderer.js';",
        'imports "../../cards/renderer.js", outside src/playbook',
      ],
      [
        "import { readFileSync } from 'node:fs';",
        'imports the package "node:fs", outside src/playbook',
      ],
      ["import 'dotenv/config';", 'imports the package "dotenv/config", outside src/playbook'],
    ])('%s', (source, why) => {
      expect(violationsIn(file, source)).toEqual([`src/playbook/steps/example.ts ${why}`]);
    });

    test('but not imports inside the playbook, nor words in comments and strings', () => {
      const source = [
        "import { refuse } from '../refusal.js';",
        "import type { Action } from './context.js';",
        "import { createHash } from 'node:crypto';",
        "// this once came from 'botbuilder'",
        'const text = "import x from \'restify\'";',
      ].join('\n');
      expect(violationsIn(file, source)).toEqual([]);
    });
  });
});
