/**
 * The Teams app package: appPackage/manifest.json with its `${{NAME}}` placeholders filled in as
 * the Microsoft 365 Agents Toolkit fills them (TEAMS_APP_ID, BOT_ID), and the two icons, zipped
 * at the archive's root (what Teams' "Upload a custom app" accepts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { writeZip } from './zip.js';

/** The all-zero GUID: well formed, but no app's id. */
export const PLACEHOLDER_ID = '00000000-0000-0000-0000-000000000000';
export const PACKAGE_FILES = ['manifest.json', 'color.png', 'outline.png'] as const;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
/** A toolkit placeholder: `${{NAME}}`, spaces allowed inside the braces. */
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

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

function guidSetting(name: string, value: string): string {
  if (!GUID.test(value)) {
    throw new PackageError(
      `${name} must be a GUID such as 12345678-90ab-cdef-1234-567890abcdef; "${value.slice(0, 60)}" is not one.`,
    );
  }
  if (value === PLACEHOLDER_ID) {
    throw new PackageError(
      `${name} is the placeholder ${PLACEHOLDER_ID}, which is no app's id; set the real one.`,
    );
  }
  return value.toLowerCase();
}

/**
 * The bot's Microsoft App ID: `MicrosoftAppId` (what the bot reads) or `BOT_ID` (what the
 * Agents Toolkit writes after provisioning), or a message that says what to set.
 */
export function appIdFrom(settings: NodeJS.Dict<string>): string {
  const appId = settings.MicrosoftAppId?.trim();
  const botId = settings.BOT_ID?.trim();
  if (!appId && !botId) {
    throw new PackageError(
      "MicrosoftAppId is not set (nor the Agents Toolkit's BOT_ID). Set it to the bot's Microsoft " +
        "App ID (the Azure Bot resource's app registration or managed identity, a GUID) in the " +
        'environment or in .env, or run `npm run package -- --env <name>` after `atk provision`.',
    );
  }
  const id = appId ? guidSetting('MicrosoftAppId', appId) : guidSetting('BOT_ID', botId as string);
  if (appId && botId && guidSetting('BOT_ID', botId) !== id) {
    throw new PackageError(
      'MicrosoftAppId and BOT_ID name two different bots; unset one of them or make them equal.',
    );
  }
  return id;
}

/** The Teams app's id: the toolkit's TEAMS_APP_ID when set, otherwise the bot's id. */
export function teamsAppIdFrom(settings: NodeJS.Dict<string>, appId: string): string {
  const id = settings.TEAMS_APP_ID?.trim();
  return id ? guidSetting('TEAMS_APP_ID', id) : appId;
}

/** The names of the placeholders in a manifest template, each once, in order. */
export function placeholdersIn(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

/**
 * Fills each `${{NAME}}` with its value, as the toolkit does: a name with an empty value stays
 * unfilled (APP_NAME_SUFFIX excepted, which may be empty). Unfilled names are refused by name.
 */
export function fillPlaceholders(template: string, values: NodeJS.Dict<string>): string {
  const filled = (name: string) =>
    name === 'APP_NAME_SUFFIX' ? values[name] !== undefined : Boolean(values[name]);
  const missing = placeholdersIn(template).filter((name) => !filled(name));
  if (missing.length > 0) {
    throw new PackageError(
      `appPackage/manifest.json needs ${missing.join(', ')}; set ${missing.length > 1 ? 'them' : 'it'} in the environment, .env or the toolkit's env/.env.<name>.`,
    );
  }
  return template.replace(PLACEHOLDER, (_, name: string) => values[name] as string);
}

interface Manifest {
  id: string;
  version: string;
  icons?: { color?: string; outline?: string };
  bots?: { botId: string }[];
  [key: string]: unknown;
}

function isManifest(value: unknown): value is Manifest {
  const m = value as Manifest;
  return (
    typeof m === 'object' && m !== null && typeof m.id === 'string' && typeof m.version === 'string'
  );
}

/** The manifest Teams receives: filled in, one bot, the app's version. */
export function manifestFor(filled: unknown, version: string): Manifest {
  if (!isManifest(filled))
    throw new PackageError('appPackage/manifest.json has no "id" or "version".');
  if (!filled.bots || filled.bots.length !== 1)
    throw new PackageError('appPackage/manifest.json must declare exactly one bot.');
  if (!SEMVER.test(version))
    throw new PackageError(`The app version "${version}" is not a semantic version (x.y.z).`);
  return { ...filled, version };
}

export interface PackageOptions {
  /** The folder with manifest.json and the icons (appPackage/). */
  sourceDir: string;
  /** The bot's Microsoft App ID: fills `${{BOT_ID}}`. */
  appId: string;
  /** The Teams app's id (the toolkit's TEAMS_APP_ID): fills `${{TEAMS_APP_ID}}`; the bot's id if unset. */
  teamsAppId?: string;
  /** The app's version (package.json's), so every release updates the app in Teams. */
  version: string;
  /** Values for any other placeholder the manifest uses. */
  settings?: NodeJS.Dict<string>;
}

/** The zip's bytes: manifest.json and the two icons it names, at the root. */
export function buildAppPackage(options: PackageOptions): Buffer {
  const { sourceDir, appId, version } = options;
  const read = (name: string): Buffer => {
    try {
      return readFileSync(join(sourceDir, name));
    } catch (err) {
      throw new PackageError(`Cannot read ${join(sourceDir, name)}: ${(err as Error).message}`);
    }
  };
  const template = read('manifest.json').toString('utf8');
  const filled = fillPlaceholders(template, {
    ...options.settings,
    BOT_ID: appId,
    TEAMS_APP_ID: options.teamsAppId ?? appId,
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(filled);
  } catch (err) {
    throw new PackageError(`appPackage/manifest.json is not valid JSON: ${(err as Error).message}`);
  }
  const manifest = manifestFor(parsed, version);
  const color = manifest.icons?.color ?? 'color.png';
  const outline = manifest.icons?.outline ?? 'outline.png';
  return writeZip([
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') },
    { name: color, data: read(color) },
    { name: outline, data: read(outline) },
  ]);
}
