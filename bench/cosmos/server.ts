/**
 * A Cosmos DB protocol server (@vercel/cosmosdb-server over TLS, as Azure speaks it) in its own
 * process, so the database's work is not on the load generator's clock. It counts every request
 * by what it does to the data and answers its parent over IPC:
 *   { id, op: 'counts' } -> { id, counts, cpuMs, rssKb }
 * It prints nothing; it sends { ready: port } once listening on 127.0.0.1.
 */
import type { IncomingMessage, RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import createHttpsServer from '@vercel/cosmosdb-server';
import { REQUEST_KINDS, type RequestKind } from './kinds.js';

const DOCS = /^\/dbs\/[^/]+\/colls\/[^/]+\/docs(\/[^/]+)?\/?$/;

function kindOf(req: IncomingMessage): RequestKind {
  const path = (req.url ?? '').split('?')[0];
  const doc = DOCS.exec(path);
  const method = req.method ?? '';
  if (!doc) return 'meta';
  const header = (name: string) => String(req.headers[name] ?? '').toLowerCase() === 'true';
  if (doc[1]) {
    if (method === 'GET') return 'read';
    if (method === 'PUT') return req.headers['if-match'] ? 'replaceIfMatch' : 'replace';
    if (method === 'PATCH') return 'patch';
    if (method === 'DELETE') return 'delete';
    return 'meta';
  }
  if (method === 'GET') return 'readFeed';
  if (method !== 'POST') return 'meta';
  if (header('x-ms-documentdb-isquery')) return 'query';
  if (header('x-ms-cosmos-is-batch-request')) return 'batch';
  if (header('x-ms-documentdb-is-upsert')) return 'upsert';
  return 'create';
}

function main(): void {
  const counts = Object.fromEntries(REQUEST_KINDS.map((k) => [k, 0])) as Record<
    RequestKind,
    number
  >;
  const server = createHttpsServer({ keepAlive: true });
  const [cosmos] = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', ((req, res) => {
    counts[kindOf(req)]++;
    cosmos(req, res);
  }) satisfies RequestListener);
  process.on('message', (m: { id: number; op: string }) => {
    if (m.op !== 'counts') return;
    const cpu = process.cpuUsage();
    process.send?.({
      id: m.id,
      counts: { ...counts },
      cpuMs: (cpu.user + cpu.system) / 1000,
      rssKb: Math.round(process.memoryUsage.rss() / 1024),
    });
  });
  process.on('disconnect', () => process.exit(0));
  server.listen(0, '127.0.0.1', () => {
    process.send?.({ ready: (server.address() as AddressInfo).port });
  });
}

main();
