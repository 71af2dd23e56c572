/**
 * infra/azure.bicep as the deploy tests read it, and the app settings it gives the web app with
 * each Azure reference replaced by a value of the shape Azure returns.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  isExpr,
  parseBicep,
  type BicepFile,
  type BicepResource,
  type BicepValue,
} from './bicep.js';

export const ROOT = join(__dirname, '..', '..');
export const TEMPLATE = parseBicep(readFileSync(join(ROOT, 'infra', 'azure.bicep'), 'utf8'));

export const SAMPLE_CLIENT_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
export const SAMPLE_TENANT_ID = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
export const SAMPLE_COSMOS_ENDPOINT = 'https://dsabc-cosmos.documents.azure.com:443/';

/** What Azure gives for `<resource>.<property>`, by resource type: the only references understood. */
export const AZURE_VALUES: Readonly<Record<string, string>> = {
  'Microsoft.ManagedIdentity/userAssignedIdentities properties.clientId': SAMPLE_CLIENT_ID,
  'Microsoft.ManagedIdentity/userAssignedIdentities properties.tenantId': SAMPLE_TENANT_ID,
  'Microsoft.DocumentDB/databaseAccounts properties.documentEndpoint': SAMPLE_COSMOS_ENDPOINT,
  'Microsoft.Insights/components properties.ConnectionString':
    'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/',
};

/** The resource a symbol names, or a failure naming the symbol. */
export function resource(symbol: string, file: BicepFile = TEMPLATE): BicepResource {
  const found = file.resources.get(symbol);
  if (!found) throw new Error(`infra/azure.bicep has no resource "${symbol}"`);
  return found;
}

/** The single resource of a type. */
export function resourceOfType(type: string, file: BicepFile = TEMPLATE): BicepResource {
  const found = [...file.resources.values()].filter((r) => r.type === type);
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0];
}

/** `a.b.c` inside a resource's body. */
export function at(value: BicepValue | undefined, path: string): BicepValue | undefined {
  let current = value;
  for (const key of path.split('.')) {
    if (
      typeof current !== 'object' ||
      current === null ||
      Array.isArray(current) ||
      isExpr(current)
    )
      return undefined;
    current = current[key];
  }
  return current;
}

/** What a reference like `identity.properties.clientId` points at: the resource's type and the path. */
export function referenceOf(value: BicepValue | undefined, file: BicepFile = TEMPLATE): string {
  if (!isExpr(value)) throw new Error(`${JSON.stringify(value)} is not a reference`);
  const m = /^([A-Za-z_]\w*)\.(.+)$/.exec(value.expr);
  const target = m && file.resources.get(m[1]);
  if (!m || !target) throw new Error(`${value.expr} does not refer to a resource of the template`);
  return `${target.type} ${m[2]}`;
}

/** A setting's value as the deployed app sees it; unknown expressions are refused by name. */
export function resolve(
  value: BicepValue | undefined,
  overrides: Readonly<Record<string, string>> = {},
  file: BicepFile = TEMPLATE,
): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (!isExpr(value)) throw new Error(`cannot read ${JSON.stringify(value)} as a setting`);
  const param = file.params.get(value.expr);
  if (param) return resolve(param.default, overrides, file);
  const known = { ...AZURE_VALUES, ...overrides }[referenceOf(value, file)];
  if (known === undefined)
    throw new Error(
      `no known Azure value for ${value.expr}: add it to AZURE_VALUES if it is right`,
    );
  return known;
}

/** The web app's app settings as name -> raw value, refusing duplicates. */
export function appSettingValues(file: BicepFile = TEMPLATE): Map<string, BicepValue> {
  const list = at(
    resourceOfType('Microsoft.Web/sites', file).body,
    'properties.siteConfig.appSettings',
  );
  if (!Array.isArray(list)) throw new Error('the web app has no appSettings list');
  const settings = new Map<string, BicepValue>();
  for (const entry of list) {
    const name = at(entry, 'name');
    if (typeof name !== 'string') throw new Error(`an app setting has no literal name`);
    if (settings.has(name)) throw new Error(`app setting ${name} is set twice`);
    settings.set(name, at(entry, 'value') ?? null);
  }
  return settings;
}

/** The environment App Service gives the bot. */
export function appSettingsEnv(
  overrides: Readonly<Record<string, string>> = {},
  file: BicepFile = TEMPLATE,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of appSettingValues(file)) env[name] = resolve(value, overrides, file);
  return env;
}
