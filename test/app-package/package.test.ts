import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  appIdFrom,
  buildAppPackage,
  mergeSettings,
  PACKAGE_FILES,
  PackageError,
  PLACEHOLDER_ID,
} from '../../scripts/app-package.js';
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
    expect({
      ...packaged,
      id: committed.id,
      version: committed.version,
      bots: committed.bots,
    }).toEqual(committed);
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

  it('is required, must be a GUID and must not be the placeholder, each said plainly', () => {
    expect(() => appIdFrom(mergeSettings({}, undefined))).toThrow(/MicrosoftAppId is not set/);
    expect(() => appIdFrom({ MicrosoftAppId: '   ' })).toThrow(/MicrosoftAppId is not set/);
    expect(() => appIdFrom({ MicrosoftAppId: '${{BOT_ID}}' })).toThrow(/must be a GUID/);
    expect(() => appIdFrom({ MicrosoftAppId: PLACEHOLDER_ID })).toThrow(/placeholder/);
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
