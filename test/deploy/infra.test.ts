/**
 * infra/azure.bicep, read structurally (no Bicep compiler here): the resources the bot needs,
 * wired so that it starts with no secret, and every setting src/config.ts requires.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../src/config.js';
import { PARTITION_KEY_PATH } from '../../src/store/cosmos.js';
import { isExpr, parseBicep, ternary } from './bicep.js';
import {
  appSettingsEnv,
  appSettingValues,
  at,
  referenceOf,
  resource,
  resourceOfType,
  ROOT,
  SAMPLE_CLIENT_ID,
  SAMPLE_COSMOS_ENDPOINT,
  SAMPLE_TENANT_ID,
  TEMPLATE,
} from './template.js';

const IDENTITY = 'Microsoft.ManagedIdentity/userAssignedIdentities';
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string };

describe('infra/azure.bicep: the resources', () => {
  it('declares each resource the bot needs, at a pinned API version', () => {
    const declared = [...TEMPLATE.resources.values()].map((r) => `${r.type}@${r.apiVersion}`);
    expect(declared.sort()).toEqual(
      [
        'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31',
        'Microsoft.OperationalInsights/workspaces@2023-09-01',
        'Microsoft.Insights/components@2020-02-02',
        'Microsoft.DocumentDB/databaseAccounts@2024-11-15',
        'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15',
        'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15',
        'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15',
        'Microsoft.Web/serverfarms@2024-04-01',
        'Microsoft.Web/sites@2024-04-01',
        'Microsoft.Web/sites/config@2024-04-01',
        'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01',
        'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01',
        'Microsoft.Insights/diagnosticSettings@2021-05-01-preview',
        'Microsoft.BotService/botServices@2022-09-15',
        'Microsoft.BotService/botServices/channels@2022-09-15',
      ].sort(),
    );
    for (const r of TEMPLATE.resources.values()) expect(r.condition).toBeUndefined();
  });

  it('registers an Azure Bot of type UserAssignedMSI whose app id is the managed identity, with Teams', () => {
    const bot = resourceOfType('Microsoft.BotService/botServices');
    expect(at(bot.body, 'location')).toBe('global');
    expect(at(bot.body, 'properties.msaAppType')).toBe('UserAssignedMSI');
    expect(referenceOf(at(bot.body, 'properties.msaAppId'))).toBe(
      `${IDENTITY} properties.clientId`,
    );
    expect(referenceOf(at(bot.body, 'properties.msaAppMSIResourceId'))).toBe(`${IDENTITY} id`);
    expect(referenceOf(at(bot.body, 'properties.msaAppTenantId'))).toBe(
      `${IDENTITY} properties.tenantId`,
    );
    expect(at(bot.body, 'properties.endpoint')).toEqual({
      expr: "'https://${webApp.properties.defaultHostName}/api/messages'",
    });
    expect(resource('webApp').type).toBe('Microsoft.Web/sites');

    const channel = resourceOfType('Microsoft.BotService/botServices/channels');
    expect(at(channel.body, 'parent')).toEqual({ expr: bot.symbol });
    expect(at(channel.body, 'name')).toBe('MsTeamsChannel');
    expect(at(channel.body, 'properties.channelName')).toBe('MsTeamsChannel');
  });

  it('runs the bot on Linux App Service, Node 22 LTS, as npm start does, with the health check on /healthz', () => {
    const plan = resourceOfType('Microsoft.Web/serverfarms');
    expect(at(plan.body, 'kind')).toBe('linux');
    expect(at(plan.body, 'properties.reserved')).toBe(true);
    const site = resourceOfType('Microsoft.Web/sites');
    expect(at(site.body, 'kind')).toBe('app,linux');
    expect(at(site.body, 'properties.serverFarmId')).toEqual({ expr: `${plan.symbol}.id` });
    expect(at(site.body, 'properties.httpsOnly')).toBe(true);
    expect(at(site.body, 'properties.siteConfig')).toMatchObject({
      linuxFxVersion: 'NODE|22-lts',
      appCommandLine: `node ${pkg.main}`,
      alwaysOn: true,
      healthCheckPath: '/healthz',
      minTlsVersion: '1.2',
      ftpsState: 'Disabled',
    });
    // The identity the bot and Cosmos DB sign in with is attached to the site.
    expect(at(site.body, 'identity.type')).toBe('UserAssigned');
    const attached = Object.keys(at(site.body, 'identity.userAssignedIdentities') as object);
    expect(attached).toEqual(['${identity.id}']);
    expect(resource('identity').type).toBe(IDENTITY);
  });

  it('publishes without passwords: FTP and SCM basic authentication are off', () => {
    const policies = [...TEMPLATE.resources.values()].filter(
      (r) => r.type === 'Microsoft.Web/sites/basicPublishingCredentialsPolicies',
    );
    expect(
      policies.map((p) => [at(p.body, 'name'), at(p.body, 'properties.allow')]).sort(),
    ).toEqual([
      ['ftp', false],
      ['scm', false],
    ]);
  });

  it('sizes the App Service plan by an instance-count parameter, 1 to 30 instances', () => {
    const count = TEMPLATE.params.get('instanceCount');
    expect(count).toMatchObject({
      type: 'int',
      default: 1,
      decorators: { minValue: 1, maxValue: 30 },
    });
    expect(at(resourceOfType('Microsoft.Web/serverfarms').body, 'sku.capacity')).toEqual({
      expr: 'instanceCount',
    });
    expect(TEMPLATE.params.get('appServicePlanSku')).toMatchObject({ default: 'B1' });
  });
});

describe('infra/azure.bicep: Cosmos DB without keys', () => {
  const account = resourceOfType('Microsoft.DocumentDB/databaseAccounts');

  it('is a NoSQL account with key authentication disabled, serverless unless autoscale is chosen', () => {
    expect(at(account.body, 'kind')).toBe('GlobalDocumentDB');
    expect(at(account.body, 'properties.disableLocalAuth')).toBe(true);
    expect(at(account.body, 'properties.minimalTlsVersion')).toBe('Tls12');
    const mode = TEMPLATE.params.get('cosmosCapacityMode');
    expect(mode).toMatchObject({
      default: 'serverless',
      decorators: { allowed: ['serverless', 'autoscale'] },
    });
    expect(ternary(at(account.body, 'properties.capabilities'))).toEqual({
      condition: "cosmosCapacityMode == 'serverless'",
      whenTrue: [{ name: 'EnableServerless' }],
      whenFalse: [],
    });
    const container = resourceOfType(
      'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers',
    );
    expect(ternary(at(container.body, 'properties.options'))).toEqual({
      condition: "cosmosCapacityMode == 'autoscale'",
      whenTrue: { autoscaleSettings: { maxThroughput: { expr: 'cosmosAutoscaleMaxThroughput' } } },
      whenFalse: {},
    });
  });

  it('creates the database and the container partitioned as the store expects', () => {
    const database = resourceOfType('Microsoft.DocumentDB/databaseAccounts/sqlDatabases');
    const container = resourceOfType(
      'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers',
    );
    expect(at(database.body, 'parent')).toEqual({ expr: account.symbol });
    expect(at(container.body, 'parent')).toEqual({ expr: database.symbol });
    expect(at(container.body, 'properties.resource.partitionKey.paths')).toEqual([
      PARTITION_KEY_PATH,
    ]);
    // The bot opens the database and container its settings name: the ones created here.
    const settings = appSettingValues();
    expect(settings.get('COSMOS_DATABASE')).toEqual(at(database.body, 'name'));
    expect(settings.get('COSMOS_CONTAINER')).toEqual(at(container.body, 'name'));
    expect(at(database.body, 'properties.resource.id')).toEqual(at(database.body, 'name'));
    expect(at(container.body, 'properties.resource.id')).toEqual(at(container.body, 'name'));
  });

  it('grants the bot identity the Cosmos DB Built-in Data Contributor role on the account', () => {
    const grant = resourceOfType('Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments');
    expect(at(grant.body, 'parent')).toEqual({ expr: account.symbol });
    expect(referenceOf(at(grant.body, 'properties.principalId'))).toBe(
      `${IDENTITY} properties.principalId`,
    );
    expect(referenceOf(at(grant.body, 'properties.scope'))).toBe(`${account.type} id`);
    expect(at(grant.body, 'properties.roleDefinitionId')).toEqual({
      expr: "'${cosmos.id}/sqlRoleDefinitions/${cosmosDataContributorRoleId}'",
    });
    expect(TEMPLATE.vars.get('cosmosDataContributorRoleId')).toBe(
      '00000000-0000-0000-0000-000000000002',
    );
  });
});

describe('infra/azure.bicep: the settings the bot starts with', () => {
  it('sets every setting src/config.ts requires: the bot starts as a UserAssignedMSI bot on Cosmos DB with no key', () => {
    const env = appSettingsEnv();
    const config = loadConfig(env);
    expect(config.bot).toEqual({
      authentication: 'bot-framework',
      appId: SAMPLE_CLIENT_ID,
      appType: 'UserAssignedMSI',
      tenantId: SAMPLE_TENANT_ID,
    });
    expect(config.store).toEqual({
      kind: 'cosmos',
      endpoint: SAMPLE_COSMOS_ENDPOINT,
      database: 'deploy-securely',
      container: 'engagements',
    });
    expect(env.NODE_ENV).toBe('production');
    // DefaultAzureCredential signs in to Cosmos DB as the same identity the bot is.
    expect(env.AZURE_CLIENT_ID).toBe(env.MicrosoftAppId);
    expect(env.APPLICATIONINSIGHTS_CONNECTION_STRING).toMatch(/^InstrumentationKey=/);
    expect(Object.keys(env)).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/PASSWORD|SECRET|COSMOS_KEY/i)]),
    );
  });

  it('each identity setting is needed: without it the production start is refused', () => {
    const env = appSettingsEnv();
    for (const name of ['MicrosoftAppId', 'MicrosoftAppTenantId']) {
      const without = { ...env, [name]: '' };
      expect(() => loadConfig(without)).toThrow(ConfigError);
      expect(() => loadConfig(without)).toThrow(new RegExp(name));
    }
    // Without COSMOS_ENDPOINT the bot would keep engagements on the instance's disk.
    expect(loadConfig({ ...env, COSMOS_ENDPOINT: '' }).store.kind).toBe('embedded');
  });
});

describe('infra/azure.bicep: logs', () => {
  it("sends the app's console and HTTP logs to Log Analytics and its telemetry to Application Insights", () => {
    const workspace = resourceOfType('Microsoft.OperationalInsights/workspaces');
    const insights = resourceOfType('Microsoft.Insights/components');
    expect(at(insights.body, 'properties.WorkspaceResourceId')).toEqual({
      expr: `${workspace.symbol}.id`,
    });
    const diagnostics = resourceOfType('Microsoft.Insights/diagnosticSettings');
    expect(at(diagnostics.body, 'scope')).toEqual({
      expr: resourceOfType('Microsoft.Web/sites').symbol,
    });
    expect(at(diagnostics.body, 'properties.workspaceId')).toEqual({
      expr: `${workspace.symbol}.id`,
    });
    const categories = (
      at(diagnostics.body, 'properties.logs') as { category: string; enabled: boolean }[]
    )
      .filter((l) => l.enabled)
      .map((l) => l.category);
    expect(categories).toEqual(
      expect.arrayContaining(['AppServiceConsoleLogs', 'AppServiceHTTPLogs']),
    );
    expect(referenceOf(appSettingValues().get('APPLICATIONINSIGHTS_CONNECTION_STRING'))).toBe(
      'Microsoft.Insights/components properties.ConnectionString',
    );
  });
});

describe('infra/azure.bicep: outputs and parameters', () => {
  it('outputs what the toolkit and the deploy step read, as environment-variable names, and never a key', () => {
    const outputs = TEMPLATE.outputs;
    expect(referenceOf(outputs.get('BOT_ID')?.value)).toBe(`${IDENTITY} properties.clientId`);
    expect(referenceOf(outputs.get('BOT_DOMAIN')?.value)).toBe(
      'Microsoft.Web/sites properties.defaultHostName',
    );
    expect(referenceOf(outputs.get('AZURE_APP_SERVICE_RESOURCE_ID')?.value)).toBe(
      'Microsoft.Web/sites id',
    );
    for (const [name, output] of outputs) {
      expect(name).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(output.type).toBe('string');
      expect(JSON.stringify(output.value)).not.toMatch(/ConnectionString|listKeys|Key|secret/i);
    }
  });

  it('azure.parameters.json gives only declared parameters, each an allowed value', () => {
    const file = JSON.parse(readFileSync(join(ROOT, 'infra', 'azure.parameters.json'), 'utf8')) as {
      parameters: Record<string, { value: unknown }>;
    };
    for (const [name, { value }] of Object.entries(file.parameters)) {
      const param = TEMPLATE.params.get(name);
      expect(param).toBeDefined();
      const allowed = param?.decorators.allowed;
      if (Array.isArray(allowed)) expect(allowed).toContain(value);
      const { minValue, maxValue } = param?.decorators ?? {};
      if (typeof minValue === 'number') expect(value).toBeGreaterThanOrEqual(minValue);
      if (typeof maxValue === 'number') expect(value).toBeLessThanOrEqual(maxValue);
    }
    for (const param of TEMPLATE.params.values())
      if (param.default === undefined) expect(Object.keys(file.parameters)).toContain(param.name);
    expect(file.parameters.instanceCount.value).toBe(1);
  });
});

describe('the Bicep reader', () => {
  it('reads nested objects, arrays, interpolated strings and conditions, and refuses what it does not know', () => {
    const file = parseBicep(
      [
        "@allowed([ 'a', 'b' ])",
        "param mode string = 'a' // trailing comment",
        "resource r 'X.Y/z@2024-01-01' = {",
        "  name: 'r-${mode}'",
        '  properties: {',
        "    list: [ { k: 1 }, 'x\\'s' ]",
        "    flag: mode == 'a' ? { on: true } : {}",
        '  }',
        '}',
        'output R string = r.id',
      ].join('\n'),
    );
    expect(file.params.get('mode')).toMatchObject({
      default: 'a',
      decorators: { allowed: ['a', 'b'] },
    });
    const r = file.resources.get('r');
    expect(r).toMatchObject({ type: 'X.Y/z', apiVersion: '2024-01-01' });
    expect(isExpr(r?.body.name)).toBe(true);
    expect(at(r?.body, 'properties.list')).toEqual([{ k: 1 }, "x's"]);
    expect(ternary(at(r?.body, 'properties.flag'))?.whenTrue).toEqual({ on: true });
    expect(file.outputs.get('R')?.value).toEqual({ expr: 'r.id' });
    expect(() => parseBicep("module m './m.bicep' = {}")).toThrow(/"module" statements/);
    expect(() => parseBicep("resource r 'X.Y/z@1' = {\n a: 1\n a: 2\n}")).toThrow(/set twice/);
  });
});
