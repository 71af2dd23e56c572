import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Person } from './teams.js';

export interface ConnectorCounts {
  /** New messages (sendActivity, replies). */
  posts: number;
  /** Cards updated in place (updateActivity). */
  updates: number;
  /** Updates of a message the connector never posted (the bot would then post a new card). */
  updateMisses: number;
  /** Roster reads (TeamsInfo.getPagedMembers). */
  members: number;
  other: number;
}

const ACTIVITY = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;
const MEMBERS = /^\/v3\/conversations\/([^/]+)\/pagedmembers$/;

/**
 * A stand-in for the Bot Connector on loopback, the same for every bot: it takes new messages and
 * in-place updates, answers roster reads, and counts each. It keeps only the ids it gave out and
 * the size of each conversation's last card update, so it costs the same at the 10,000th answer.
 */
export class StandInConnector {
  readonly counts: ConnectorCounts = {
    posts: 0,
    updates: 0,
    updateMisses: 0,
    members: 0,
    other: 0,
  };
  /** Per conversation: the members a roster read lists. */
  readonly rosters = new Map<string, Person[]>();
  private readonly posted = new Map<string, string[]>();
  private readonly lastUpdateBytes = new Map<string, number>();
  private server?: Server;
  private nextId = 1;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const { status, body } = this.handle(req, Buffer.concat(chunks));
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      });
    });
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get serviceUrl(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/`;
  }

  /** The ids of the messages posted in a conversation, oldest first. */
  postedIn(conversationId: string): readonly string[] {
    return this.posted.get(conversationId) ?? [];
  }

  /** Makes a message id known, as if posted earlier (the floor's agenda cards). */
  remember(conversationId: string, id: string): void {
    this.posted.set(conversationId, [...this.postedIn(conversationId), id]);
  }

  /** The size in bytes of the last in-place update in a conversation (the shared card's activity). */
  updateBytes(conversationId: string): number | undefined {
    return this.lastUpdateBytes.get(conversationId);
  }

  snapshot(): ConnectorCounts {
    return { ...this.counts };
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private handle(req: IncomingMessage, body: Buffer): { status: number; body: unknown } {
    const url = decodeURIComponent((req.url ?? '').split('?')[0]);
    const activity = ACTIVITY.exec(url);
    if (activity && req.method === 'PUT' && activity[2]) {
      if (!this.postedIn(activity[1]).includes(activity[2])) {
        this.counts.updateMisses++;
        return { status: 404, body: { error: { code: 'NotFound', message: 'no such message' } } };
      }
      this.counts.updates++;
      this.lastUpdateBytes.set(activity[1], body.length);
      return { status: 200, body: { id: activity[2] } };
    }
    if (activity && req.method === 'POST') {
      this.counts.posts++;
      const id = `bench-msg-${this.nextId++}`;
      this.remember(activity[1], id);
      return { status: 201, body: { id } };
    }
    const members = MEMBERS.exec(url);
    if (members && req.method === 'GET') {
      this.counts.members++;
      const roster = this.rosters.get(members[1]) ?? [];
      return {
        status: 200,
        body: {
          members: roster.map((p) => ({ id: p.teamsId, aadObjectId: p.aadObjectId, name: p.name })),
        },
      };
    }
    this.counts.other++;
    return { status: 404, body: { error: { code: 'NotFound', message: url } } };
  }
}
