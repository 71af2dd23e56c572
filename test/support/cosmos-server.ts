import type { IncomingMessage, RequestListener, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpServer, createHttpsServer } from '@vercel/cosmosdb-server';
import type { CosmosSettings } from '../../src/store/cosmos.js';

/** One request as it reached the server; `status` is filled in when the answer has been sent. */
export interface LoggedRequest {
  method: string;
  url: string;
  status?: number;
}

/** An answer the server gives instead of the real one. */
export interface InjectedResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/**
 * Decides, per request, whether to let it through (undefined), answer it with a fault, never
 * answer it ('hang': the connection stays open until stop()), cut the connection before the
 * server sees it ('drop'), or let the server apply it and cut the connection instead of
 * answering ('lose-answer': done, but the client never hears so).
 */
export type Injector = (
  req: IncomingMessage,
) => InjectedResponse | 'hang' | 'drop' | 'lose-answer' | undefined;

export interface CosmosServer {
  /** http://127.0.0.1:<port> (https:// with `tls`) */
  endpoint: string;
  port: number;
  server: Server;
  /** Every request received since the start or the last resetRequests(), oldest first. */
  requests: LoggedRequest[];
  resetRequests(): void;
  /** Sets (or with undefined, clears) the fault injector. */
  inject(fn: Injector | undefined): void;
  /** Closes every connection and the server. Dispose the clients first. */
  stop(): Promise<void>;
}

/**
 * Starts an in-memory Cosmos DB server (@vercel/cosmosdb-server) in this process on a free
 * loopback port, with a request log and fault injection around its request listener. With
 * `tls`, it serves HTTPS (its bundled certificate is expired: clients need
 * NODE_TLS_REJECT_UNAUTHORIZED=0), and the SDK's endpoint discovery works as on Azure.
 */
export async function startCosmosServer(options: { tls?: boolean } = {}): Promise<CosmosServer> {
  const server = options.tls
    ? createHttpsServer({ keepAlive: true })
    : createHttpServer({ keepAlive: true });
  const [cosmos] = server.listeners('request') as RequestListener[];
  if (!cosmos) throw new Error('@vercel/cosmosdb-server registered no request listener');
  const requests: LoggedRequest[] = [];
  let injector: Injector | undefined;

  server.removeAllListeners('request');
  server.on('request', ((req, res) => {
    const entry: LoggedRequest = { method: req.method ?? '', url: req.url ?? '' };
    requests.push(entry);
    res.on('finish', () => {
      entry.status = res.statusCode;
    });
    const fault = injector?.(req);
    if (!fault) return cosmos(req, res);
    if (fault === 'lose-answer') {
      res.writeHead = (() => {
        req.socket.destroy();
        return res;
      }) as typeof res.writeHead;
      return cosmos(req, res);
    }
    req.resume();
    if (fault === 'hang') return;
    if (fault === 'drop') return void req.socket.destroy();
    res.writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers });
    res.end(
      JSON.stringify(fault.body ?? { code: String(fault.status), message: 'injected fault' }),
    );
  }) satisfies RequestListener);

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    server,
    requests,
    resetRequests: () => {
      requests.length = 0;
    },
    inject: (fn) => {
      injector = fn;
    },
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((err) => (err ? reject(err) : resolve())),
      );
    },
  };
}

/** The account key the test settings use (the server accepts any). */
export const TEST_KEY = 'dGVzdC1vbmx5LWtleQ==';

/** Settings for openCosmosStore against the test server (any key works; no endpoint discovery). */
export function cosmosSettings(
  endpoint: string,
  names: { database: string; container?: string },
  extra: Partial<CosmosSettings> = {},
): CosmosSettings {
  return {
    endpoint,
    key: TEST_KEY,
    database: names.database,
    container: names.container ?? 'engagements',
    ...extra,
    clientOptions: {
      ...extra.clientOptions,
      connectionPolicy: {
        enableEndpointDiscovery: false,
        ...extra.clientOptions?.connectionPolicy,
      },
    },
  };
}

/** Answers the first `times` requests that match with a 429 and x-ms-retry-after-ms, then lets all through. */
export function throttle(
  match: (req: IncomingMessage) => boolean,
  times: number,
  retryAfterMs = 5,
): Injector {
  let left = times;
  return (req) => {
    if (left <= 0 || !match(req)) return undefined;
    left--;
    return {
      status: 429,
      headers: { 'x-ms-retry-after-ms': String(retryAfterMs), 'x-ms-substatus': '3200' },
      body: { code: 'TooManyRequests', message: 'Request rate is large (injected).' },
    };
  };
}
