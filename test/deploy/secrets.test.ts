/**
 * No key or secret in any committed template or environment file: the Azure environment has
 * none to keep, and the local one's client secret lives only in git-ignored files.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { ROOT } from './template.js';
import { readText } from './toolkit.js';

interface Finding {
  file: string;
  line: number;
  rule: string;
}

/** Names whose value would be a secret. */
const SECRET_NAME =
  /(password|passwd|pwd|secret|apikey|api_key|accesskey|access_key|accountkey|_key|connection_?string|token)$/i;
/** A reference to a secret kept elsewhere (the toolkit's SECRET_ variables), not a secret itself. */
const SECRET_REFERENCE = /^(\$\{\{\s*SECRET_[A-Z0-9_]+\s*\}\}|SECRET_[A-Z0-9_]+)$/;

const RULES: [string, RegExp][] = [
  [
    'an Azure function that reads keys',
    /\blist(Keys|ConnectionStrings|Secrets|Credentials?|AccountSas|ServiceSas)\s*\(/i,
  ],
  [
    'a connection string with a key',
    /\b(AccountKey|SharedAccessKey|SharedAccessSignature|InstrumentationKey)\s*=/i,
  ],
  ['a private key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
  ['a secure (secret) parameter', /@secure\s*\(\s*\)/],
  ['a base64 key', /[A-Za-z0-9+/]{40,}={1,2}/],
  ['an Entra client secret', /\b[A-Za-z0-9_.-]{3}\dQ~[A-Za-z0-9_.~-]{31,34}/],
];

/** Everything in `text` that looks like a key or a secret, by rule. */
function scan(file: string, text: string): Finding[] {
  const findings: Finding[] = [];
  text.split('\n').forEach((content, i) => {
    const at = (rule: string) => findings.push({ file, line: i + 1, rule });
    for (const [rule, pattern] of RULES) if (pattern.test(content)) at(rule);
    const assignment = /^\s*["']?([A-Za-z_][\w-]*)["']?\s*[:=]\s*(.*?)\s*,?\s*$/.exec(content);
    if (assignment && SECRET_NAME.test(assignment[1])) {
      const value = assignment[2].replace(/^["']|["']$/g, '').trim();
      const flag = value === 'true' || value === 'false';
      if (value && !flag && !SECRET_REFERENCE.test(value)) at(`a value for ${assignment[1]}`);
    }
    if (/(^|\/)env\/\.env\.[^/]+$/.test(file) && /^\s*SECRET_/.test(content))
      at('a SECRET_ variable outside the .user file');
  });
  return findings;
}

/** The templates and env files git would commit: tracked, or new and not ignored. */
function committedFiles(): string[] {
  const out = execFileSync(
    'git',
    [
      'ls-files',
      '--cached',
      '--others',
      '--exclude-standard',
      '--',
      'infra',
      'env',
      'm365agents.yml',
      'm365agents.local.yml',
      'appPackage/*.json',
      'playground',
      '.npmrc',
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  return out.split('\n').filter(Boolean);
}

describe('no key or secret in a committed template or env file', () => {
  const files = committedFiles();

  it('scans the Bicep, its parameters, both toolkit files, the env files and the manifest', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'infra/azure.bicep',
        'infra/azure.parameters.json',
        'm365agents.yml',
        'm365agents.local.yml',
        'env/.env.dev',
        'env/.env.local',
        'appPackage/manifest.json',
      ]),
    );
  });

  it('finds none', () => {
    expect(files.flatMap((file) => scan(file, readText(file)))).toEqual([]);
  });

  it('would find each kind of secret', () => {
    const sample = [
      '  value: cosmos.listKeys().primaryMasterKey',
      'COSMOS_CONNECTION=AccountEndpoint=https://a.documents.azure.com:443/;AccountKey=abc==;',
      'APPLICATIONINSIGHTS_CONNECTION_STRING=InstrumentationKey=0000',
      '-----BEGIN RSA PRIVATE KEY-----',
      '@secure()',
      'x: C2FzZGZhc2RmYXNkZmFzZGZhc2RmYXNkZmFzZGZhc2RmYXNkZmFzZGY=',
      'note: abc8Q~Zx1yW2vU3tS4rQ5pO6nM7lK8jI9hG0fE1d',
      'COSMOS_KEY=c2VjcmV0',
      '        MicrosoftAppPassword: hunter2',
      '"clientSecret": "plain-text-secret",',
    ].join('\n');
    expect(scan('sample', sample).map((f) => `${f.line} ${f.rule}`)).toEqual([
      '1 an Azure function that reads keys',
      '2 a connection string with a key',
      '3 a connection string with a key',
      '3 a value for APPLICATIONINSIGHTS_CONNECTION_STRING',
      '4 a private key',
      '5 a secure (secret) parameter',
      '6 a base64 key',
      '7 an Entra client secret',
      '8 a value for COSMOS_KEY',
      '9 a value for MicrosoftAppPassword',
      '10 a value for clientSecret',
    ]);
    expect(scan('env/.env.dev', 'SECRET_BOT_PASSWORD=\n').map((f) => f.rule)).toEqual([
      'a SECRET_ variable outside the .user file',
    ]);
    // References to the toolkit's secret variables are not secrets.
    expect(
      scan(
        'm365agents.local.yml',
        'clientSecret: SECRET_BOT_PASSWORD\nMicrosoftAppPassword: ${{SECRET_BOT_PASSWORD}}',
      ),
    ).toEqual([]);
  });
});

describe('.gitignore', () => {
  const ignored = (path: string) =>
    spawnSync('git', ['check-ignore', '--quiet', '--no-index', path], { cwd: ROOT }).status === 0;

  it('ignores every file the toolkit or a person may put a secret in, and what the toolkit builds', () => {
    for (const path of [
      'env/.env.dev.user',
      'env/.env.local.user',
      'env/.env.prod.user',
      '.localConfigs',
      '.env',
      'appPackage/build/appPackage.dev.zip',
      '.deployment/deployment.zip',
      'build/azure/package.json',
    ])
      expect([path, ignored(path)]).toEqual([path, true]);
  });

  it('keeps the env templates and the toolkit files committed', () => {
    for (const path of ['env/.env.dev', 'env/.env.local', 'm365agents.yml', 'infra/azure.bicep'])
      expect([path, ignored(path)]).toEqual([path, false]);
    const tracked = execFileSync('git', ['ls-files', 'env'], { cwd: ROOT, encoding: 'utf8' });
    expect(tracked).not.toMatch(/\.user$/m);
  });
});
