import type { TokenCredential } from '@azure/identity';
import type { FetchOptions } from '@microsoft/microsoft-graph-client';
import type { Logger } from 'pino';
import type { GraphConfig } from '../config-graph.js';
import { credentialFor } from './credential.js';
import { GraphTenantReader } from './graph-reader.js';
import type { TenantReader } from './reader.js';

/** What tests put in place of the real sign-in and of the public certificate authorities. */
export interface TenantOverrides {
  credentialFor?: (tenantId: string) => TokenCredential;
  fetchOptions?: FetchOptions;
}

/** The tenant reader the settings describe. */
export function openTenantReader(
  config: GraphConfig,
  logger: Logger,
  overrides: TenantOverrides = {},
): TenantReader {
  return new GraphTenantReader({
    clientId: config.clientId,
    credentialFor: overrides.credentialFor ?? credentialFor(config.credential, config.clientId),
    logger,
    ...(config.consentRedirectUri ? { consentRedirectUri: config.consentRedirectUri } : {}),
    ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}),
    ...(overrides.fetchOptions ? { fetchOptions: overrides.fetchOptions } : {}),
  });
}
