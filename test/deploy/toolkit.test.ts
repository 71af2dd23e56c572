/**
 * m365agents.yml (Azure) and m365agents.local.yml (this machine through a dev tunnel): the
 * toolkit's schema version, the lifecycle the README promises, every variable defined before it
 * is used, and the app package built from the same manifest as `npm run package`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { buildAppPackage, fillPlaceholders, placeholdersIn } from '../../scripts/app-package.js';
import { loadConfig } from '../../src/config.js';
import { readZip } from '../app-package/unzip.js';
import { ROOT } from './template.js';
import {
  envFile,
  projectFile,
  readText,
  undefinedPlaceholders,
  writtenBy,
  type Action,
  type ProjectFile,
} from './toolkit.js';

const SCHEMA_VERSION = 'v1.13';
/** Build the app package from the manifest and apply it to the app in Teams Developer Portal. */
const PACKAGE_STEPS = [
  'teamsApp/validateManifest',
  'teamsApp/zipAppPackage',
  'teamsApp/validateAppPackage',
  'teamsApp/update',
];
const azure = projectFile('m365agents.yml');
const local = projectFile('m365agents.local.yml');
const pkg = JSON.parse(readText('package.json')) as {
  version: string;
  scripts: Record<string, string>;
};

const uses = (actions: Action[] | undefined) => (actions ?? []).map((a) => a.uses);
const only = (actions: Action[] | undefined, name: string): Action[] =>
  (actions ?? []).filter((a) => a.uses === name);
/** Names set to something in a committed env file. */
const setIn = (environment: string) =>
  Object.entries(envFile(environment))
    .filter(([, value]) => value !== '')
    .map(([name]) => name);

describe('m365agents.yml and m365agents.local.yml', () => {
  it.each([
    ['m365agents.yml', azure],
    ['m365agents.local.yml', local],
  ])(`%s targets the toolkit schema ${SCHEMA_VERSION}`, (name, file) => {
    expect(file.version).toBe(SCHEMA_VERSION);
    expect(readText(name).split('\n')[0]).toBe(
      `# yaml-language-server: $schema=https://aka.ms/m365-agents-toolkits/${SCHEMA_VERSION}/yaml.schema.json`,
    );
    expect(file.environmentFolderPath).toBe('./env');
  });

  it('Azure: provision creates the Teams app, deploys the Bicep, then validates, zips and updates the app package', () => {
    expect(uses(azure.provision)).toEqual(['teamsApp/create', 'arm/deploy', ...PACKAGE_STEPS]);
    const [arm] = only(azure.provision, 'arm/deploy');
    const templates = arm.with?.templates as { path: string; parameters: string }[];
    expect(templates).toEqual([
      expect.objectContaining({
        path: './infra/azure.bicep',
        parameters: './infra/azure.parameters.json',
      }),
    ]);
    for (const t of templates) {
      expect(existsSync(join(ROOT, t.path))).toBe(true);
      expect(existsSync(join(ROOT, t.parameters))).toBe(true);
    }
  });

  it('Azure: deploy installs the locked packages with npm ci, builds, keeps production packages only and zip-deploys that folder', () => {
    const steps = azure.deploy ?? [];
    expect(uses(steps)).toEqual([
      'cli/runNpmCommand',
      'cli/runNpmCommand',
      'cli/runNpmCommand',
      'azureAppService/zipDeploy',
    ]);
    const [install, build, production, upload] = steps;
    expect(install.with).toEqual({ args: 'ci --no-audit --no-fund' });
    expect(build.with).toEqual({ args: 'run stage:azure' });
    expect(pkg.scripts['stage:azure']).toBe('npm run build && node dist/scripts/stage-azure.js');
    expect(production.with).toEqual({
      args: 'ci --omit=dev --no-audit --no-fund',
      workingDirectory: './build/azure',
    });
    expect(upload.with).toEqual({
      artifactFolder: './build/azure',
      resourceId: '${{AZURE_APP_SERVICE_RESOURCE_ID}}',
    });
  });

  it('Azure: publish rebuilds the app package and submits it to the Teams admin center', () => {
    expect(uses(azure.publish)).toEqual([...PACKAGE_STEPS, 'teamsApp/publishAppPackage']);
  });

  it('Azure: no step creates or reads a secret', () => {
    expect(uses(azure.provision)).not.toContain('aadApp/create');
    expect(uses(azure.provision)).not.toContain('botAadApp/create');
    expect(JSON.stringify(azure)).not.toMatch(/SECRET_|clientSecret|password/i);
  });

  it('every ${{VARIABLE}} is set by the toolkit, the committed env file or an earlier step', () => {
    expect(undefinedPlaceholders(azure, setIn('dev'))).toEqual([]);
    // The dev tunnel's address is the one value a person puts in env/.env.local.
    const tunnel = ['BOT_ENDPOINT'];
    expect(Object.keys(envFile('local'))).toEqual(expect.arrayContaining(tunnel));
    expect(undefinedPlaceholders(local, [...setIn('local'), ...tunnel])).toEqual([]);
    // The check finds a variable nobody sets.
    const broken: ProjectFile = {
      version: SCHEMA_VERSION,
      deploy: [
        { uses: 'azureAppService/zipDeploy', with: { resourceId: '${{NOBODY_SETS_THIS}}' } },
      ],
    };
    expect(undefinedPlaceholders(broken, [])).toEqual([
      'deploy azureAppService/zipDeploy: NOBODY_SETS_THIS',
    ]);
  });

  it('local: the settings written for `npm run start:teams` start a SingleTenant bot as src/config.ts reads them', () => {
    const [write] = only(local.deploy, 'file/createOrUpdateEnvironmentFile');
    expect(write.with?.target).toBe('./.localConfigs');
    expect(pkg.scripts['start:teams']).toBe(
      'npm run build && node --env-file=.localConfigs dist/src/index.js',
    );
    const values: Record<string, string> = {
      BOT_ID: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
      SECRET_BOT_PASSWORD: 'from-the-user-file',
      BOT_TENANT_ID: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    };
    const env = Object.fromEntries(
      Object.entries(write.with?.envs as Record<string, string | number>).map(([k, v]) => [
        k,
        fillPlaceholders(String(v), values),
      ]),
    );
    expect(loadConfig(env).bot).toEqual({
      authentication: 'bot-framework',
      appId: values.BOT_ID,
      appPassword: values.SECRET_BOT_PASSWORD,
      appType: 'SingleTenant',
      tenantId: values.BOT_TENANT_ID,
    });
    // The secret comes from the toolkit's .user file: the Entra app step writes it there.
    const [entra] = only(local.provision, 'aadApp/create');
    expect(entra.writeToEnvironmentFile?.clientSecret).toBe('SECRET_BOT_PASSWORD');
    expect(writtenBy(entra)).toEqual(expect.arrayContaining(['BOT_ID', 'BOT_TENANT_ID']));
  });
});

describe('the app package the toolkit builds is the one `npm run package` builds', () => {
  const template = readText('appPackage/manifest.json');

  it.each([
    ['m365agents.yml', azure],
    ['m365agents.local.yml', local],
  ])('%s zips appPackage/manifest.json, the manifest npm run package reads', (_, file) => {
    const zips = [
      ...only(file.provision, 'teamsApp/zipAppPackage'),
      ...only(file.publish, 'teamsApp/zipAppPackage'),
    ];
    expect(zips.length).toBeGreaterThan(0);
    for (const zip of zips)
      expect(normalize(join(ROOT, zip.with?.manifestPath as string))).toBe(
        join(ROOT, 'appPackage', 'manifest.json'),
      );
    // Each placeholder of the manifest is written by a provision step before the package is zipped.
    const steps = file.provision ?? [];
    const zipAt = steps.findIndex((a) => a.uses === 'teamsApp/zipAppPackage');
    const written = steps.slice(0, zipAt).flatMap(writtenBy);
    expect(written).toEqual(expect.arrayContaining(placeholdersIn(template)));
  });

  it("gives the same manifest and icons for the toolkit's values: the ids filled in, the version package.json's", () => {
    // What `atk provision` leaves in env/.env.dev: TEAMS_APP_ID from teamsApp/create, BOT_ID from the Bicep.
    const provisioned = {
      TEAMS_APP_ID: '6f1c2a7e-93b4-4d8e-a1f0-2c5b7d9e0a13',
      BOT_ID: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
    };
    // The toolkit fills the placeholders and keeps everything else, the version included.
    const toolkitManifest = JSON.parse(fillPlaceholders(template, provisioned)) as {
      id: string;
      version: string;
      icons: { color: string; outline: string };
      bots: { botId: string }[];
    };
    expect(toolkitManifest).toMatchObject({
      id: provisioned.TEAMS_APP_ID,
      bots: [{ botId: provisioned.BOT_ID }],
      version: pkg.version,
    });
    const entries = readZip(
      buildAppPackage({
        sourceDir: join(ROOT, 'appPackage'),
        appId: provisioned.BOT_ID,
        teamsAppId: provisioned.TEAMS_APP_ID,
        version: pkg.version,
      }),
    );
    expect(JSON.parse(entries[0].data.toString('utf8'))).toEqual(toolkitManifest);
    expect(entries.slice(1).map((e) => e.name)).toEqual([
      toolkitManifest.icons.color,
      toolkitManifest.icons.outline,
    ]);
    for (const entry of entries.slice(1))
      expect(entry.data.equals(readFileSync(join(ROOT, 'appPackage', entry.name)))).toBe(true);
  });
});
