import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import { PNG } from 'pngjs';
import { fillPlaceholders, placeholdersIn } from '../../scripts/app-package.js';
import { drawColorIcon, drawOutlineIcon, pngBytes } from '../../scripts/draw-icons.js';
import { TEXT_COMMANDS } from '../../src/cards/views/help.js';
import { parseCommand } from '../../src/chat/commands.js';

const ROOT = join(__dirname, '..', '..');
const APP = join(ROOT, 'appPackage');
const SCHEMAS = join(
  ROOT,
  'node_modules',
  '@microsoft',
  'app-manifest',
  'build',
  'json-schemas',
  'teams',
);

interface Command {
  title: string;
  description?: string;
}
interface Manifest {
  $schema: string;
  manifestVersion: string;
  id: string;
  name: { short: string; full?: string };
  description: { short: string; full?: string };
  developer: Record<string, string>;
  validDomains?: string[];
  icons: { color: string; outline: string };
  supportedChannelTypes?: string[];
  supportsChannelFeatures?: string;
  webApplicationInfo?: { id: string; resource?: string };
  authorization?: { permissions: { resourceSpecific: { name: string; type: string }[] } };
  bots: {
    botId: string;
    scopes: string[];
    commandLists: { scopes: string[]; commands: Command[] }[];
  }[];
}

const template = readFileSync(join(APP, 'manifest.json'), 'utf8');
const TEAMS_APP_ID = '6f1c2a7e-93b4-4d8e-a1f0-2c5b7d9e0a13';
const BOT_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
/** The manifest as Teams receives it: the toolkit's placeholders filled in. */
const manifest = JSON.parse(fillPlaceholders(template, { TEAMS_APP_ID, BOT_ID })) as Manifest;

function schemaFor(version: string): Record<string, unknown> {
  return JSON.parse(
    readFileSync(join(SCHEMAS, `v${version}`, 'MicrosoftTeams.schema.json'), 'utf8'),
  ) as Record<string, unknown>;
}

function validate(doc: unknown, version: string): string[] {
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  const check = ajv.compile(schemaFor(version));
  return check(doc)
    ? []
    : (check.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

const png = (file: string) => PNG.sync.read(readFileSync(join(APP, file)));

describe('appPackage/manifest.json', () => {
  it('validates against the official schema of its manifestVersion, shipped by @microsoft/app-manifest', () => {
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
    );
    expect(validate(manifest, manifest.manifestVersion)).toEqual([]);
  });

  it('uses the newest stable (v1.x) schema that is shipped', () => {
    const stable = readdirSync(SCHEMAS)
      .filter((d) => /^v1\.\d+$/.test(d))
      .map((d) => Number(d.slice(3)))
      .sort((a, b) => b - a);
    expect(manifest.manifestVersion).toBe(`1.${stable[0]}`);
  });

  it('the validator really checks: a template placeholder as bot id and a missing icon are refused', () => {
    const broken = structuredClone(manifest) as Partial<Manifest> & Pick<Manifest, 'bots'>;
    broken.bots[0].botId = '${{BOT_ID}}';
    delete broken.icons;
    expect(validate(broken, manifest.manifestVersion)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/bots\/0\/botId must match pattern/),
        "/ must have required property 'icons'",
      ]),
    );
  });

  it('carries the Agents Toolkit placeholders for the app id and the bot id, and no others', () => {
    const raw = JSON.parse(template) as Manifest;
    expect(raw.id).toBe('${{TEAMS_APP_ID}}');
    expect(raw.bots.map((b) => b.botId)).toEqual(['${{BOT_ID}}']);
    expect(placeholdersIn(template)).toEqual(['TEAMS_APP_ID', 'BOT_ID']);
    expect(manifest.id).toBe(TEAMS_APP_ID);
    expect(manifest.bots.map((b) => b.botId)).toEqual([BOT_ID]);
  });

  it('names the app and says what it does, with https developer pages', () => {
    expect(manifest.name.short).toBe('Deploy Securely');
    expect(manifest.description.short).toMatch(/Deploy Securely phase of a FastTrack engagement/);
    expect(manifest.description.full).toMatch(/authentication method/);
    for (const key of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl']) {
      expect(new URL(manifest.developer[key]).protocol).toBe('https:');
    }
    expect(manifest.validDomains?.length).toBeGreaterThan(0);
  });

  it('offers the bot in personal chats, group chats and teams, with a command list for each scope', () => {
    const bot = manifest.bots[0];
    expect([...bot.scopes].sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(bot.commandLists.map((l) => l.scopes.join())).toEqual(['personal', 'groupChat', 'team']);
    const expected = [
      'start',
      'status',
      'roles',
      'licensing',
      'agenda',
      'identity',
      'auth',
      'workshop',
      'handoff',
      'followup',
      'summary',
      'help',
    ];
    // In the 1:1 chat a person asks for their engagements; engagements start in the customer's chat.
    const personal = ['engagements', ...expected.filter((c) => c !== 'start')];
    for (const list of bot.commandLists) {
      const titles = list.scopes.includes('personal') ? personal : expected;
      expect(list.commands.map((c) => c.title)).toEqual(titles);
      for (const c of list.commands) expect(c.description?.length).toBeGreaterThan(10);
    }
  });

  it('declares the bot for shared and private channels, with the member-list permission they need', () => {
    expect(Number(manifest.manifestVersion.split('.')[1])).toBeGreaterThanOrEqual(25);
    expect(manifest.supportedChannelTypes?.sort()).toEqual(['privateChannels', 'sharedChannels']);
    expect(manifest.supportsChannelFeatures).toBe('tier1');
    // Without it, Teams refuses the bot the member list of a channel (and its member events).
    expect(manifest.authorization?.permissions.resourceSpecific).toEqual([
      { name: 'ChannelMember.Read.Group', type: 'Application' },
    ]);
    expect(manifest.webApplicationInfo?.id).toBe(BOT_ID);
  });

  it('the schema really checks the channel declarations', () => {
    const broken = structuredClone(manifest);
    broken.supportedChannelTypes = ['sharedChannels', 'teamChannels'];
    broken.supportsChannelFeatures = 'tier9';
    broken.authorization = {
      permissions: { resourceSpecific: [{ name: 'ChannelMember.Read.Group', type: 'Sometimes' }] },
    };
    expect(validate(broken, manifest.manifestVersion)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^\/supportedChannelTypes\/1 must be equal to one of the allowed values/,
        ),
        expect.stringMatching(
          /^\/supportsChannelFeatures must be equal to one of the allowed values/,
        ),
        expect.stringMatching(
          /^\/authorization\/permissions\/resourceSpecific\/0\/type must be equal to one of the allowed values/,
        ),
      ]),
    );
  });

  it('lists exactly the commands the bot understands and its help card lists', () => {
    const meaning = (word: string) =>
      JSON.stringify(parseCommand(word === 'start' ? 'start Contoso' : word));
    const titles = [
      ...new Set(manifest.bots[0].commandLists.flatMap((l) => l.commands.map((c) => c.title))),
    ];
    for (const title of titles)
      expect(parseCommand(title)).not.toEqual({ kind: 'help', unknown: true });
    const helpWords = TEXT_COMMANDS.map((c) => c.command.split(' ')[0]);
    expect(new Set(titles.map(meaning))).toEqual(new Set(helpWords.map(meaning)));
  });
});

describe('appPackage icons', () => {
  it('color.png is 192x192 and opaque', () => {
    const color = png(manifest.icons.color);
    expect([color.width, color.height]).toEqual([192, 192]);
    const seeThrough = color.data.filter((_, i) => i % 4 === 3 && color.data[i] !== 255).length;
    expect(seeThrough).toBe(0);
  });

  it('outline.png is 32x32, white only, on a transparent background', () => {
    const outline = png(manifest.icons.outline);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let transparent = 0;
    let opaque = 0;
    const notWhite: number[] = [];
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, a] = outline.data.subarray(i, i + 4);
      if (a === 0) transparent++;
      if (a === 255) opaque++;
      if (a > 0 && (r !== 255 || g !== 255 || b !== 255)) notWhite.push(i / 4);
    }
    expect(notWhite).toEqual([]);
    // Corners are background; the shield and its check are drawn.
    for (const [x, y] of [
      [0, 0],
      [31, 0],
      [0, 31],
      [31, 31],
    ])
      expect(outline.data[(y * 32 + x) * 4 + 3]).toBe(0);
    expect(transparent).toBeGreaterThan(32 * 32 * 0.5);
    expect(opaque).toBeGreaterThan(40);
  });

  it('the committed icons are what scripts/draw-icons.ts draws (run `npm run icons` after changing it)', () => {
    expect(pngBytes(drawColorIcon()).equals(readFileSync(join(APP, 'color.png')))).toBe(true);
    expect(pngBytes(drawOutlineIcon()).equals(readFileSync(join(APP, 'outline.png')))).toBe(true);
  });
});
