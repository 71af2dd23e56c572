/**
 * A Microsoft Graph stand-in for the tests: HTTPS on 127.0.0.1 with a certificate made for it,
 * answering the four reads of the bot with Graph's documented shapes (collections in `value`,
 * `@odata.nextLink` paging, errors as {error: {code, message, innerError}}), the faults Graph
 * gives (403 without consent, 429 with Retry-After, 5xx), and a token stand-in in place of
 * Microsoft Entra ID: no call leaves this machine.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AccessToken, TokenCredential } from '@azure/identity';
import type { FetchOptions } from '@microsoft/microsoft-graph-client';
import { Agent } from 'undici';
import { securityDefaultsPolicy, type Json } from './tenant-data.js';

/** One customer's tenant as the stand-in serves it. */
export interface StandInTenant {
  skus: Json[];
  securityDefaults: boolean;
  policies: Json[];
  users: Json[];
  /** The admin consented to the app's permissions (false: every read is 403). */
  consent: boolean;
  /** The registration report answers (false: 403, as without Entra ID P1). */
  registrationReport?: boolean;
}

/** An answer given instead of the real one, `times` times (once by default). */
export interface Fault {
  path: RegExp;
  status: number;
  retryAfter?: string;
  /** Answer after this many milliseconds (slow Graph). */
  delayMs?: number;
  times?: number;
}

export interface LoggedGraphRequest {
  path: string;
  tenant?: string;
  status: number;
}

const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';
/** Items per page, as Graph pages large collections: small here so paging always happens. */
const PAGE = 2;

function selfSignedCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'graph-standin-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    return {
      key: readFileSync(join(dir, 'key.pem'), 'utf8'),
      cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function graphError(status: number, code: string, message: string) {
  return {
    status,
    body: {
      error: {
        code,
        message,
        innerError: { 'request-id': randomUUID(), date: new Date().toISOString() },
      },
    },
  };
}

const DENIED = graphError(
  403,
  'Authorization_RequestDenied',
  'Insufficient privileges to complete the operation.',
);

export class GraphStandIn {
  readonly tenants = new Map<string, StandInTenant>();
  readonly requests: LoggedGraphRequest[] = [];
  /** Every token the stand-in issued: for which tenant, with which scopes. */
  readonly tokensIssued: { tenantId: string; scopes: string[] }[] = [];
  private faults: Fault[] = [];
  private readonly tokens = new Map<string, string>();
  private readonly agent: Agent;

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
    cert: string,
  ) {
    this.agent = new Agent({ connect: { ca: cert } });
  }

  static async start(): Promise<GraphStandIn> {
    const { key, cert } = selfSignedCertificate();
    const started: { standIn?: GraphStandIn } = {};
    const server = createServer({ key, cert }, (req, res) => {
      void started.standIn?.handle(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    started.standIn = new GraphStandIn(server, `https://127.0.0.1:${port}/`, cert);
    return started.standIn;
  }

  /** Fetch options that trust the stand-in's certificate (and no other change). */
  fetchOptions(): FetchOptions {
    return { dispatcher: this.agent } as unknown as FetchOptions;
  }

  /** The token stand-in: app-only tokens for a tenant, as Entra ID would issue them after consent. */
  credentialFor = (tenantId: string): TokenCredential => ({
    getToken: async (scopes): Promise<AccessToken> => {
      const list = Array.isArray(scopes) ? scopes : [scopes];
      this.tokensIssued.push({ tenantId, scopes: list });
      if (list.join(' ') !== GRAPH_SCOPE) throw new Error(`unexpected scope ${list.join(' ')}`);
      const token = randomUUID();
      this.tokens.set(token, tenantId);
      return { token, expiresOnTimestamp: Date.now() + 3_600_000 };
    },
  });

  fail(...faults: Fault[]): void {
    this.faults.push(...faults);
  }

  requestsTo(path: RegExp): LoggedGraphRequest[] {
    return this.requests.filter((r) => path.test(r.path));
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    await this.agent.close();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.baseUrl);
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const tenant = bearer ? this.tokens.get(bearer) : undefined;
    const answer = await this.answer(req.method ?? 'GET', url, tenant);
    this.requests.push({ path: url.pathname + url.search, tenant, status: answer.status });
    res.writeHead(answer.status, {
      'content-type': 'application/json',
      'request-id': randomUUID(),
      ...answer.headers,
    });
    res.end(JSON.stringify(answer.body));
  }

  private async answer(
    method: string,
    url: URL,
    tenantId: string | undefined,
  ): Promise<{ status: number; body: unknown; headers?: Record<string, string> }> {
    const fault = this.faults.find((f) => f.path.test(url.pathname));
    if (fault) {
      fault.times = (fault.times ?? 1) - 1;
      if (fault.times <= 0) this.faults.splice(this.faults.indexOf(fault), 1);
      if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      const code = fault.status === 429 ? 'TooManyRequests' : 'ServiceUnavailable';
      return {
        ...graphError(fault.status, code, 'The service is busy; try again later.'),
        ...(fault.retryAfter ? { headers: { 'retry-after': fault.retryAfter } } : {}),
      };
    }
    if (!tenantId) return graphError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
    const tenant = this.tenants.get(tenantId);
    if (!tenant || !tenant.consent) return DENIED;
    if (method !== 'GET') return graphError(405, 'Request_BadRequest', 'Only reads here.');
    const path = url.pathname.replace(/^\/v1\.0/, '');
    switch (path) {
      case '/subscribedSkus':
        return this.page(url, 'subscribedSkus', tenant.skus);
      case '/policies/identitySecurityDefaultsEnforcementPolicy':
        return { status: 200, body: securityDefaultsPolicy(tenant.securityDefaults) };
      case '/identity/conditionalAccess/policies':
        return this.page(url, 'identity/conditionalAccess/policies', tenant.policies);
      case '/reports/authenticationMethods/userRegistrationDetails':
        if (tenant.registrationReport === false)
          return graphError(
            403,
            'Authentication_RequestFromNonPremiumTenantOrB2CTenant',
            "Neither tenant is B2C or tenant doesn't have premium license",
          );
        return this.page(
          url,
          'reports/authenticationMethods/userRegistrationDetails',
          tenant.users,
        );
      default:
        return graphError(404, 'Request_ResourceNotFound', `No ${path} here.`);
    }
  }

  /** A page of a collection from $skiptoken, with the absolute link to the next while there is one. */
  private page(url: URL, set: string, items: Json[]) {
    const from = Number(url.searchParams.get('$skiptoken') ?? '0');
    const next = new URL(url.pathname, this.baseUrl);
    url.searchParams.forEach((value, key) => {
      if (key !== '$skiptoken') next.searchParams.set(key, value);
    });
    next.searchParams.set('$skiptoken', String(from + PAGE));
    return {
      status: 200,
      body: {
        '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#${set}`,
        value: items.slice(from, from + PAGE),
        ...(from + PAGE < items.length ? { '@odata.nextLink': next.toString() } : {}),
      },
    };
  }
}
