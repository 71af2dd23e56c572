/** The Cosmos DB client's options: how it signs in, and how long it waits and retries. */
import type { CosmosClientOptions } from '@azure/cosmos';
import { OPERATION_TIMEOUT_MS } from './deadline.js';

/** What a caller may set on the SDK client (tests: no endpoint discovery over plain HTTP). */
export type ClientOverrides = Omit<
  Partial<CosmosClientOptions>,
  'endpoint' | 'key' | 'aadCredentials'
>;

/**
 * Throttling (429) is retried by the SDK, honouring the server's x-ms-retry-after-ms, for at
 * most as long as one operation may take. The SDK's own retries of timeouts and broken
 * connections (up to 120 for a timeout with endpoint discovery) are cut short by the abort
 * signal every operation carries (see src/store/deadline.ts).
 */
// The SDK's own request timeout is left a little longer than ours, so it never starts a retry
// that our deadline would only cut off.
const CONNECTION_POLICY = { requestTimeout: OPERATION_TIMEOUT_MS + 1_000 } as const;
const RETRY_OPTIONS = {
  maxRetryAttemptCount: 9,
  maxWaitTimeInSeconds: OPERATION_TIMEOUT_MS / 1000,
} as const;

/** With a key, the Microsoft Entra ID library is not loaded at all: it is a large part of a start. */
export async function clientOptionsFor(settings: {
  endpoint: string;
  key?: string;
  clientOptions?: ClientOverrides;
}): Promise<CosmosClientOptions> {
  const extra = settings.clientOptions ?? {};
  const auth = settings.key
    ? { key: settings.key }
    : { aadCredentials: new (await import('@azure/identity')).DefaultAzureCredential() };
  return {
    ...extra,
    endpoint: settings.endpoint,
    ...auth,
    connectionPolicy: {
      ...CONNECTION_POLICY,
      ...extra.connectionPolicy,
      retryOptions: { ...RETRY_OPTIONS, ...extra.connectionPolicy?.retryOptions },
    },
  };
}
