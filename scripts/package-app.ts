/**
 * `npm run package`: writes build/appPackage.zip, the Teams app package to upload
 * (Teams > Apps > Manage your apps > Upload an app), with the bot's MicrosoftAppId from the
 * environment or .env as the app id and the bot id.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { appIdFrom, buildAppPackage, mergeSettings, PackageError } from './app-package.js';

function main(): void {
  const root = process.cwd();
  const envFile = join(root, '.env');
  const settings = mergeSettings(
    process.env,
    existsSync(envFile) ? readFileSync(envFile, 'utf8') : undefined,
  );
  const appId = appIdFrom(settings);
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    version: string;
  };
  const zip = buildAppPackage({ sourceDir: join(root, 'appPackage'), appId, version });
  const out = join(root, 'build', 'appPackage.zip');
  mkdirSync(join(root, 'build'), { recursive: true });
  writeFileSync(out, zip);
  console.log(
    `Wrote ${relative(root, out)} (${zip.length} bytes): app and bot id ${appId}, version ${version}.`,
  );
  console.log('Upload it in Teams: Apps > Manage your apps > Upload an app > Upload a custom app.');
}

try {
  main();
} catch (err) {
  if (!(err instanceof PackageError)) throw err;
  console.error(`Cannot build the app package: ${err.message}`);
  process.exit(1);
}
