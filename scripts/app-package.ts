/**
 * The Teams app package: appPackage/manifest.json with the bot's Microsoft App ID put in, and
 * the two icons, zipped at the archive's root (what Teams' "Upload a custom app" accepts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { writeZip } from './zip.js';

/** The id the committed manifest carries until `npm run package` puts the real one in. */
export const PLACEHOLDER_ID = '00000000-0000-0000-0000-000000000000';
export const PACKAGE_FILES = ['manifest.json', 'color.png', 'outline.png'] as const;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/** A problem a person fixes in their settings; the message says how. */
export class PackageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PackageError';
  }
}

/** The settings: the environment wins over the .env file's lines. */
export function mergeSettings(
  env: NodeJS.ProcessEnv,
  dotEnv: string | undefined,
): NodeJS.Dict<string> {
  return { ...(dotEnv ? parseEnv(dotEnv) : {}), ...env };
}

/** The bot's Microsoft App ID from the settings, or a message that says what to set. */
export function appIdFrom(settings: NodeJS.Dict<string>): string {
  const id = settings.MicrosoftAppId?.trim();
  if (!id) {
    throw new PackageError(
      "MicrosoftAppId is not set. Set it to the bot's Microsoft App ID (the Azure Bot resource's " +
        'app registration, a GUID) in the environment or in .env, then run `npm run package` again.',
    );
  }
  if (!GUID.test(id)) {
    throw new PackageError(
      `MicrosoftAppId must be a GUID such as 12345678-90ab-cdef-1234-567890abcdef; "${id.slice(0, 60)}" is not one.`,
    );
  }
  if (id === PLACEHOLDER_ID) {
    throw new PackageError(
      `MicrosoftAppId is the placeholder ${PLACEHOLDER_ID}; set the bot's real Microsoft App ID.`,
    );
  }
  return id.toLowerCase();
}

interface Manifest {
  id: string;
  version: string;
  bots?: { botId: string }[];
  [key: string]: unknown;
}

function isManifest(value: unknown): value is Manifest {
  const m = value as Manifest;
  return (
    typeof m === 'object' && m !== null && typeof m.id === 'string' && typeof m.version === 'string'
  );
}

/** The manifest Teams receives: the app and its bot both carry the Microsoft App ID. */
export function manifestFor(committed: unknown, appId: string, version: string): Manifest {
  if (!isManifest(committed))
    throw new PackageError('appPackage/manifest.json has no "id" or "version".');
  if (!committed.bots || committed.bots.length !== 1)
    throw new PackageError('appPackage/manifest.json must declare exactly one bot.');
  if (!SEMVER.test(version))
    throw new PackageError(`The app version "${version}" is not a semantic version (x.y.z).`);
  return {
    ...committed,
    id: appId,
    version,
    bots: committed.bots.map((bot) => ({ ...bot, botId: appId })),
  };
}

export interface PackageOptions {
  /** The folder with manifest.json and the icons (appPackage/). */
  sourceDir: string;
  appId: string;
  /** The app's version (package.json's), so every release updates the app in Teams. */
  version: string;
}

/** The zip's bytes: manifest.json, color.png and outline.png, at the root. */
export function buildAppPackage({ sourceDir, appId, version }: PackageOptions): Buffer {
  const read = (name: string): Buffer => {
    try {
      return readFileSync(join(sourceDir, name));
    } catch (err) {
      throw new PackageError(`Cannot read ${join(sourceDir, name)}: ${(err as Error).message}`);
    }
  };
  let committed: unknown;
  try {
    committed = JSON.parse(read('manifest.json').toString('utf8'));
  } catch (err) {
    if (err instanceof PackageError) throw err;
    throw new PackageError(`appPackage/manifest.json is not valid JSON: ${(err as Error).message}`);
  }
  const manifest = manifestFor(committed, appId, version);
  return writeZip([
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') },
    { name: 'color.png', data: read('color.png') },
    { name: 'outline.png', data: read('outline.png') },
  ]);
}
