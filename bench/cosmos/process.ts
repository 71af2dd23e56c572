import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { CosmosClient, type Container } from '@azure/cosmos';
import type { Children } from '../lib/processes.js';
import type { RequestCounts } from './kinds.js';

/** Any key: the server accepts every one. */
export const BENCH_KEY = 'YmVuY2gtb25seS1rZXk=';

export interface CosmosSnapshot {
  counts: RequestCounts;
  cpuMs: number;
  rssKb: number;
}

/** A fresh Cosmos DB protocol server in a child process (bench/cosmos/server.ts), with its counters. */
export class CosmosProcess {
  private nextId = 1;
  private readonly waiting = new Map<number, (s: CosmosSnapshot) => void>();

  private constructor(
    private readonly child: ChildProcess,
    readonly endpoint: string,
  ) {
    child.on('message', (m: { id?: number } & CosmosSnapshot) => {
      if (m.id === undefined) return;
      this.waiting.get(m.id)?.(m);
      this.waiting.delete(m.id);
    });
  }

  static start(children: Children): Promise<CosmosProcess> {
    const child = fork(join(__dirname, 'server.js'), [], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { PATH: process.env.PATH },
    });
    children.track(child);
    return new Promise((resolve, reject) => {
      const early = (code: number | null) =>
        reject(new Error(`the Cosmos DB server exited (${code}) before it listened`));
      child.once('error', reject);
      child.once('exit', early);
      child.once('message', (m: { ready?: number }) => {
        child.off('exit', early);
        if (m.ready) resolve(new CosmosProcess(child, `https://127.0.0.1:${m.ready}/`));
      });
    });
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  snapshot(): Promise<CosmosSnapshot> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.child.send({ id, op: 'counts' });
    });
  }

  /** A client for the bench's own reads and seeding (its requests are counted too: snapshot around a window). */
  client(): CosmosClient {
    return new CosmosClient({ endpoint: this.endpoint, key: BENCH_KEY });
  }

  async container(client: CosmosClient, database: string, container: string): Promise<Container> {
    const { database: db } = await client.databases.createIfNotExists({ id: database });
    const created = await db.containers.createIfNotExists({
      id: container,
      partitionKey: { paths: ['/engagementId'] },
    });
    return created.container;
  }

  stop(): Promise<void> {
    if (this.child.exitCode !== null) return Promise.resolve();
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    return exited;
  }
}
