/**
 * `npm run package`: writes build/appPackage.zip, the Teams app package to upload
 * (Teams > Apps > Manage your apps > Upload an app), from appPackage/ with the bot's id filled in.
 * Settings come from the environment, then from .env; `npm run package -- --env dev` reads the
 * Agents Toolkit's env/.env.dev instead of .env, so it packages what `atk provision --env dev`
 * packages.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  appIdFrom,
  buildAppPackage,
  mergeSettings,
  PackageError,
  teamsAppIdFrom,
} from './app-package.js';

/** The toolkit environment named by `--env <name>` or `--env=<name>`, if any. */
export function environmentArg(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--env') {
      const name = args[i + 1];
      if (!name || name.startsWith('-'))
        throw new PackageError('--env needs a name, e.g. --env dev');
      return checkedName(name);
    }
    if (args[i].startsWith('--env=')) return checkedName(args[i].slice('--env='.length));
  }
  return undefined;
}

function checkedName(name: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(name))
    throw new PackageError(`"${name.slice(0, 40)}" is not an environment name such as dev.`);
  return name;
}

function main(): void {
  const root = process.cwd();
  const env = environmentArg(process.argv.slice(2));
  const readIf = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : undefined);
  const envFile = env ? join(root, 'env', `.env.${env}`) : undefined;
  if (envFile && !existsSync(envFile))
    throw new PackageError(
      `${relative(root, envFile)} does not exist; run \`atk provision --env ${env}\` first.`,
    );
  const settings = mergeSettings(process.env, readIf(envFile ?? join(root, '.env')));
  const appId = appIdFrom(settings);
  const teamsAppId = teamsAppIdFrom(settings, appId);
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    version: string;
  };
  const zip = buildAppPackage({
    sourceDir: join(root, 'appPackage'),
    appId,
    teamsAppId,
    version,
    settings,
  });
  const out = join(root, 'build', 'appPackage.zip');
  mkdirSync(join(root, 'build'), { recursive: true });
  writeFileSync(out, zip);
  console.log(
    `Wrote ${relative(root, out)} (${zip.length} bytes): app id ${teamsAppId}, bot id ${appId}, version ${version}.`,
  );
  console.log('Upload it in Teams: Apps > Manage your apps > Upload an app > Upload a custom app.');
}

if (require.main === module) {
  try {
    main();
  } catch (err) {
    if (!(err instanceof PackageError)) throw err;
    console.error(`Cannot build the app package: ${err.message}`);
    process.exit(1);
  }
}
