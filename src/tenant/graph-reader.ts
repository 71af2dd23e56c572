import type { TokenCredential } from '@azure/identity';
import { Client, GraphError, type FetchOptions } from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials/index.js';
import type { Logger } from 'pino';
import {
  readCaPolicies,
  readRegistration,
  readSecurityDefaults,
  readSubscribedSkus,
  type ReadBudget,
} from './graph-reads.js';
import type { TenantReader, TenantReadResult } from './reader.js';

const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';
/** The whole read: well inside Teams' 15 s for an answer, with the store's share. */
const BUDGET_MS = 6_000;
/** A Retry-After longer than this is not waited for inside the budget. */
const MAX_WAIT_SECONDS = 2;
/** Credentials kept per tenant (each caches its tokens); the oldest goes past this. */
const MAX_TENANTS = 500;

export interface GraphReaderOptions {
  /** The bot's multi-tenant app registration, which the customer's admin consents to. */
  clientId: string;
  credentialFor: (tenantId: string) => TokenCredential;
  logger: Logger;
  /** Where the admin lands after consenting (registered on the app). */
  consentRedirectUri?: string;
  /** Tests only: a Graph stand-in (https on loopback) instead of graph.microsoft.com. */
  baseUrl?: string;
  /** Tests only: fetch options that trust the stand-in's certificate. */
  fetchOptions?: FetchOptions;
  budgetMs?: number;
}

/** Why a read failed, as a person reads it; never a token or a response body. */
function failure(err: unknown, budgetMs: number): TenantReadResult {
  const status = err instanceof GraphError && err.statusCode > 0 ? err.statusCode : undefined;
  if (status === 401 || status === 403) {
    const code = (err as GraphError).code ?? '';
    return {
      ok: false,
      kind: 'denied',
      message: `Microsoft Graph refused the read (${status} ${code}): the customer's admin has not consented to the bot's read-only permissions, or withdrew them.`,
    };
  }
  if (status === 429) {
    const wait = (err as GraphError).headers?.get('retry-after');
    return {
      ok: false,
      kind: 'busy',
      message: `Microsoft Graph is throttling reads of the customer's tenant${wait ? ` (it asks to wait ${wait} s)` : ''}. Try again then.`,
    };
  }
  if (status)
    return {
      ok: false,
      kind: 'busy',
      message: `Microsoft Graph did not answer the read (${status}). Try again in a few minutes.`,
    };
  // The Graph client wraps what fails before an answer (a token, a timeout) with its name as code.
  const name = err instanceof GraphError ? err.code : err instanceof Error ? err.name : '';
  if (name === 'AuthenticationError')
    return {
      ok: false,
      kind: 'denied',
      message:
        "The customer's tenant did not give the bot's app a token: the app is not consented there, or consent was withdrawn.",
    };
  if (name === 'AbortError' || name === 'TimeoutError')
    return {
      ok: false,
      kind: 'busy',
      message: `Microsoft Graph did not answer within ${budgetMs / 1000} s. Try again in a few minutes.`,
    };
  return {
    ok: false,
    kind: 'busy',
    message: "The customer's tenant could not be read just now. Try again in a few minutes.",
  };
}

/** The report of MFA registration needs Entra ID P1/P2 in the tenant: without it, the rest still counts. */
async function registrationOrWhyNot(client: Client, budget: ReadBudget) {
  try {
    return await readRegistration(client, budget);
  } catch (err) {
    if (err instanceof GraphError && err.statusCode === 403)
      return {
        unavailable: `Microsoft Graph refused the MFA registration report (${err.code ?? '403'}): it needs Microsoft Entra ID P1 or P2 in the tenant and the AuditLog.Read.All permission`,
      };
    throw err;
  }
}

/** The TenantReader of Microsoft Graph: app-only, read-only, bounded in time. */
export class GraphTenantReader implements TenantReader {
  private readonly credentials = new Map<string, TokenCredential>();

  constructor(private readonly options: GraphReaderOptions) {}

  consentLink(tenantId: string): string {
    const query = new URLSearchParams({ client_id: this.options.clientId, scope: GRAPH_SCOPE });
    if (this.options.consentRedirectUri) query.set('redirect_uri', this.options.consentRedirectUri);
    return `https://login.microsoftonline.com/${encodeURIComponent(tenantId)}/v2.0/adminconsent?${query.toString()}`;
  }

  async read(tenantId: string): Promise<TenantReadResult> {
    const budgetMs = this.options.budgetMs ?? BUDGET_MS;
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const err = new Error('the read took too long');
        err.name = 'TimeoutError';
        controller.abort(err);
        reject(err);
      }, budgetMs);
    });
    try {
      const budget = { signal: controller.signal, maxWaitSeconds: MAX_WAIT_SECONDS };
      const client = this.client(tenantId);
      const [skus, securityDefaults, caPolicies, registration] = await Promise.race([
        Promise.all([
          readSubscribedSkus(client, budget),
          readSecurityDefaults(client, budget),
          readCaPolicies(client, budget),
          registrationOrWhyNot(client, budget),
        ]),
        late,
      ]);
      return { ok: true, snapshot: { skus, securityDefaults, caPolicies, registration } };
    } catch (err) {
      const result = failure(err, budgetMs);
      if (!result.ok)
        this.options.logger.warn(
          { kind: result.kind, status: err instanceof GraphError ? err.statusCode : undefined },
          'tenant read failed',
        );
      return result;
    } finally {
      clearTimeout(timer);
      controller.abort();
    }
  }

  private client(tenantId: string): Client {
    const { baseUrl, fetchOptions } = this.options;
    const authProvider = new TokenCredentialAuthenticationProvider(this.credential(tenantId), {
      scopes: [GRAPH_SCOPE],
    });
    return Client.initWithMiddleware({
      authProvider,
      ...(baseUrl ? { baseUrl, customHosts: new Set([new URL(baseUrl).hostname]) } : {}),
      ...(fetchOptions ? { fetchOptions } : {}),
    });
  }

  private credential(tenantId: string): TokenCredential {
    const known = this.credentials.get(tenantId);
    if (known) return known;
    const made = this.options.credentialFor(tenantId);
    this.credentials.set(tenantId, made);
    if (this.credentials.size > MAX_TENANTS) {
      const oldest = this.credentials.keys().next().value;
      if (oldest !== undefined) this.credentials.delete(oldest);
    }
    return made;
  }
}
