import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  appIdFrom,
  buildAppPackage,
  fillPlaceholders,
  mergeSettings,
  PACKAGE_FILES,
  PackageError,
  PLACEHOLDER_ID,
  teamsAppIdFrom,
} from '../../scripts/app-package.js';
import { environmentArg } from '../../scripts/package-app.js';
import { writeZip } from '../../scripts/zip.js';
import { readZip } from './unzip.js';

const APP = join(__dirname, '..', '..', 'appPackage');
const APP_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

describe('npm run package: the app package builder', () => {
  it('zips exactly manifest.json, color.png and outline.png at the root, with the bot id put in', () => {
    const zip = buildAppPackage({ sourceDir: APP, appId: APP_ID, version: '1.4.2' });
    const entries = readZip(zip);
    expect(entries.map((e) => e.name)).toEqual([...PACKAGE_FILES]);
    const manifest = JSON.parse(entries[0].data.toString('utf8')) as {
      id: string;
      version: string;
      bots: { botId: string }[];
    };
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots.map((b) => b.botId)).toEqual([APP_ID]);
    expect(manifest.version).toBe('1.4.2');
    expect(entries[0].data.toString('utf8')).not.toContain(PLACEHOLDER_ID);
    expect(entries[1].data.equals(readFileSync(join(APP, 'color.png')))).toBe(true);
    expect(entries[2].data.equals(readFileSync(join(APP, 'outline.png')))).toBe(true);
  });

  it('keeps everything else of the committed manifest as it is', () => {
    const committed = JSON.parse(readFileSync(join(APP, 'manifest.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    const packaged = JSON.parse(
      readZip(
        buildAppPackage({ sourceDir: APP, appId: APP_ID, version: '0.1.0' }),
      )[0].data.toString('utf8'),
    ) as Record<string, unknown>;
    // The bot's id is also the app whose resource-specific permissions Teams grants.
    expect(packaged.webApplicationInfo).toEqual({ id: APP_ID, resource: `api://botid-${APP_ID}` });
    expect({
      ...packaged,
      id: committed.id,
      version: committed.version,
      bots: committed.bots,
      webApplicationInfo: committed.webApplicationInfo,
    }).toEqual(committed);
  });

  it("puts the toolkit's Teams app id in the app and the bot's id in the bot when they differ", () => {
    const teamsAppId = '6f1c2a7e-93b4-4d8e-a1f0-2c5b7d9e0a13';
    const manifest = JSON.parse(
      readZip(
        buildAppPackage({ sourceDir: APP, appId: APP_ID, teamsAppId, version: '0.1.0' }),
      )[0].data.toString('utf8'),
    ) as { id: string; bots: { botId: string }[] };
    expect(manifest.id).toBe(teamsAppId);
    expect(manifest.bots.map((b) => b.botId)).toEqual([APP_ID]);
  });

  it('fills any other placeholder from the settings, and names the ones nothing fills', () => {
    const dir = mkdtempSync(join(tmpdir(), 'app-package-'));
    try {
      for (const icon of ['color.png', 'outline.png'])
        writeFileSync(join(dir, icon), readFileSync(join(APP, icon)));
      const committed = JSON.parse(readFileSync(join(APP, 'manifest.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      writeFileSync(
        join(dir, 'manifest.json'),
        JSON.stringify({ ...committed, validDomains: ['${{ BOT_DOMAIN }}', '${{OTHER_DOMAIN}}'] }),
      );
      expect(() =>
        buildAppPackage({
          sourceDir: dir,
          appId: APP_ID,
          version: '0.1.0',
          settings: { BOT_DOMAIN: 'bot.example.net', OTHER_DOMAIN: '' },
        }),
      ).toThrow(/needs OTHER_DOMAIN; set it/);
      const zip = buildAppPackage({
        sourceDir: dir,
        appId: APP_ID,
        version: '0.1.0',
        settings: { BOT_DOMAIN: 'bot.example.net', OTHER_DOMAIN: 'other.example.net' },
      });
      const manifest = JSON.parse(readZip(zip)[0].data.toString('utf8')) as {
        validDomains: string[];
      };
      expect(manifest.validDomains).toEqual(['bot.example.net', 'other.example.net']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fills placeholders as the toolkit does: an empty value fills nothing, but APP_NAME_SUFFIX may be empty', () => {
    expect(() => fillPlaceholders('"${{BOT_ID}}"', { BOT_ID: '' })).toThrow(/needs BOT_ID/);
    expect(fillPlaceholders('"Bot${{APP_NAME_SUFFIX}}"', { APP_NAME_SUFFIX: '' })).toBe('"Bot"');
    expect(() => fillPlaceholders('"Bot${{APP_NAME_SUFFIX}}"', {})).toThrow(
      /needs APP_NAME_SUFFIX/,
    );
  });

  it('builds the same bytes from the same input (a reproducible package)', () => {
    const a = buildAppPackage({ sourceDir: APP, appId: APP_ID, version: '0.1.0' });
    const b = buildAppPackage({ sourceDir: APP, appId: APP_ID, version: '0.1.0' });
    expect(a.equals(b)).toBe(true);
  });

  it('refuses a version that is not x.y.z and a folder without the manifest, with the reason', () => {
    expect(() => buildAppPackage({ sourceDir: APP, appId: APP_ID, version: 'latest' })).toThrow(
      /not a semantic version/,
    );
    const empty = mkdtempSync(join(tmpdir(), 'app-package-'));
    try {
      expect(() => buildAppPackage({ sourceDir: empty, appId: APP_ID, version: '0.1.0' })).toThrow(
        PackageError,
      );
      writeFileSync(join(empty, 'manifest.json'), '{ not json');
      expect(() => buildAppPackage({ sourceDir: empty, appId: APP_ID, version: '0.1.0' })).toThrow(
        /not valid JSON/,
      );
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('the MicrosoftAppId setting', () => {
  it('comes from the environment first, then from .env', () => {
    const dotEnv = `# local settings\nMicrosoftAppId=${APP_ID}\nPORT=3978\n`;
    expect(appIdFrom(mergeSettings({}, dotEnv))).toBe(APP_ID);
    const other = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    expect(appIdFrom(mergeSettings({ MicrosoftAppId: other }, dotEnv))).toBe(other);
    expect(appIdFrom({ MicrosoftAppId: `  ${APP_ID.toUpperCase()} ` })).toBe(APP_ID);
  });

  it("is also read from the toolkit's BOT_ID, and refused when the two name different bots", () => {
    expect(appIdFrom({ BOT_ID: APP_ID })).toBe(APP_ID);
    expect(appIdFrom({ BOT_ID: APP_ID, MicrosoftAppId: APP_ID.toUpperCase() })).toBe(APP_ID);
    expect(() =>
      appIdFrom({ BOT_ID: APP_ID, MicrosoftAppId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' }),
    ).toThrow(/two different bots/);
    expect(() => appIdFrom({ BOT_ID: 'not-a-guid' })).toThrow(/BOT_ID must be a GUID/);
  });

  it("gives the Teams app the toolkit's TEAMS_APP_ID when set, otherwise the bot's id", () => {
    expect(teamsAppIdFrom({}, APP_ID)).toBe(APP_ID);
    const teamsAppId = '6f1c2a7e-93b4-4d8e-a1f0-2c5b7d9e0a13';
    expect(teamsAppIdFrom({ TEAMS_APP_ID: teamsAppId.toUpperCase() }, APP_ID)).toBe(teamsAppId);
    expect(() => teamsAppIdFrom({ TEAMS_APP_ID: PLACEHOLDER_ID }, APP_ID)).toThrow(/placeholder/);
  });

  it('is required, must be a GUID and must not be the placeholder, each said plainly', () => {
    expect(() => appIdFrom(mergeSettings({}, undefined))).toThrow(/MicrosoftAppId is not set/);
    expect(() => appIdFrom({ MicrosoftAppId: '   ' })).toThrow(/MicrosoftAppId is not set/);
    expect(() => appIdFrom({ MicrosoftAppId: '${{BOT_ID}}' })).toThrow(/must be a GUID/);
    expect(() => appIdFrom({ MicrosoftAppId: PLACEHOLDER_ID })).toThrow(/placeholder/);
  });
});

describe('npm run package -- --env <name>', () => {
  it('names the toolkit environment whose env/.env.<name> is read, and refuses a bad name', () => {
    expect(environmentArg([])).toBeUndefined();
    expect(environmentArg(['--env', 'dev'])).toBe('dev');
    expect(environmentArg(['--env=local'])).toBe('local');
    expect(() => environmentArg(['--env'])).toThrow(/needs a name/);
    expect(() => environmentArg(['--env', '../secrets'])).toThrow(/not an environment name/);
  });
});

describe('the ZIP writer', () => {
  it('stores what does not compress, deflates what does, and reads back byte for byte', () => {
    const noise = Buffer.from(Array.from({ length: 256 }, (_, i) => (i * 151 + 7) % 256));
    const text = Buffer.from('Deploy Securely '.repeat(200));
    const entries = readZip(
      writeZip([
        { name: 'noise.bin', data: noise },
        { name: 'ä/text.txt', data: text },
        { name: 'empty', data: Buffer.alloc(0) },
      ]),
    );
    expect(entries.map((e) => [e.name, e.method])).toEqual([
      ['noise.bin', 0],
      ['ä/text.txt', 8],
      ['empty', 0],
    ]);
    expect(entries[0].data.equals(noise)).toBe(true);
    expect(entries[1].data.equals(text)).toBe(true);
    expect(entries[2].data.length).toBe(0);
  });

  it('refuses unsafe and duplicate names', () => {
    const data = Buffer.from('x');
    expect(() => writeZip([{ name: '../evil', data }])).toThrow(/not a safe path/);
    expect(() => writeZip([{ name: '/abs', data }])).toThrow(/not a safe path/);
    expect(() =>
      writeZip([
        { name: 'a', data },
        { name: 'a', data },
      ]),
    ).toThrow(/twice/);
  });
});
