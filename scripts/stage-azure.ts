/**
 * `npm run stage:azure`: lays out build/azure, the folder `atk deploy` zips for App Service:
 * the compiled bot (dist/src), its card templates and package.json with package-lock.json, so
 * that `npm ci --omit=dev` there installs exactly the locked production packages. The site
 * starts it with `node dist/src/index.js` (infra/azure.bicep's appCommandLine).
 */
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface StageOptions {
  /** The repository: package.json, package-lock.json, cards/. */
  root: string;
  /** Where the TypeScript build went (its src/ folder holds the bot). */
  compiled: string;
  /** The folder to lay out; emptied first. */
  target: string;
}

/** What the deployed bot needs besides its node_modules, relative to the target. */
export function stageApp({ root, compiled, target }: StageOptions): string[] {
  const entry = join(compiled, 'src', 'index.js');
  if (!existsSync(entry))
    throw new Error(`${entry} is missing: build the bot first (npm run build).`);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  for (const file of ['package.json', 'package-lock.json'])
    cpSync(join(root, file), join(target, file));
  cpSync(join(compiled, 'src'), join(target, 'dist', 'src'), {
    recursive: true,
    filter: (source) => !source.endsWith('.map'),
  });
  mkdirSync(join(target, 'cards'));
  for (const name of readdirSync(join(root, 'cards'))) {
    if (name.endsWith('.json') && !name.endsWith('.data.json'))
      cpSync(join(root, 'cards', name), join(target, 'cards', name));
  }
  return listFiles(target).map((file) => relative(target, file).split('\\').join('/'));
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? listFiles(join(dir, d.name)) : [join(dir, d.name)]))
    .sort();
}

if (require.main === module) {
  const root = process.cwd();
  const target = join(root, 'build', 'azure');
  const files = stageApp({ root, compiled: join(root, 'dist'), target });
  console.log(
    `Staged ${files.length} files in ${relative(root, target)}; next: npm ci --omit=dev there.`,
  );
}
