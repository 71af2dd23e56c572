import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChannelUser {
  id: string;
  aadObjectId: string;
  name: string;
  tenantId: string;
}

export interface PostedMessage {
  id: string;
  conversationId: string;
  text?: string;
  /** The card as it stands now (updated in place by the bot). */
  card?: Record<string, unknown>;
  /** The activity's entities (mentions: who Teams notifies). */
  entities?: Record<string, unknown>[];
  updates: number;
}

/**
 * The Teams side of the Bot Connector API, in-process: it stores what the bot posts and updates,
 * and answers the roster calls TeamsInfo makes. The bot talks to it over real HTTP.
 */
export class TeamsChannel {
  readonly messages: PostedMessage[] = [];
  readonly calls: { method: string; url: string }[] = [];
  private server?: Server;
  private nextId = 1;
  /** Per conversation: the members Teams would list. */
  readonly rosters = new Map<string, ChannelUser[]>();
  /** Set to answer the next updates with this status (fault injection). */
  failUpdatesWith?: number;
  /** Set to answer the next new messages with this status (fault injection). */
  failPostsWith?: number;

  get serviceUrl(): string {
    const port = (this.server?.address() as AddressInfo).port;
    return `http://127.0.0.1:${port}/`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(
        ({ status, body }) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        },
        (err: Error) => {
          res.writeHead(500);
          res.end(err.message);
        },
      );
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    const url = decodeURIComponent(req.url ?? '');
    this.calls.push({ method: req.method ?? '', url });
    const members = url.match(/^\/v3\/conversations\/(.+)\/pagedmembers/);
    if (req.method === 'GET' && members) {
      const roster = this.rosters.get(members[1]) ?? [];
      return {
        status: 200,
        body: {
          members: roster.map((u) => ({
            id: u.id,
            aadObjectId: u.aadObjectId,
            name: u.name,
            tenantId: u.tenantId,
          })),
        },
      };
    }
    const update = url.match(/^\/v3\/conversations\/(.+)\/activities\/([^/]+)$/);
    if (req.method === 'PUT' && update) {
      if (this.failUpdatesWith)
        return { status: this.failUpdatesWith, body: { error: { code: 'injected' } } };
      const message = this.messages.find((m) => m.id === update[2]);
      if (!message) return { status: 404, body: { error: { code: 'NotFound' } } };
      this.fill(message, body);
      message.updates++;
      return { status: 200, body: { id: message.id } };
    }
    const send = url.match(/^\/v3\/conversations\/([^/]+)\/activities(\/[^/]+)?$/);
    if (req.method === 'POST' && send) {
      if (this.failPostsWith)
        return { status: this.failPostsWith, body: { error: { code: 'injected' } } };
      const message: PostedMessage = {
        id: `msg-${this.nextId++}`,
        conversationId: send[1],
        updates: 0,
      };
      this.fill(message, body);
      this.messages.push(message);
      return { status: 200, body: { id: message.id } };
    }
    return { status: 404, body: { error: { code: 'NotFound', message: url } } };
  }

  private fill(message: PostedMessage, body: Record<string, unknown>): void {
    if (typeof body.text === 'string') message.text = body.text;
    if (Array.isArray(body.entities)) message.entities = body.entities as Record<string, unknown>[];
    const attachments = body.attachments as
      { contentType: string; content: Record<string, unknown> }[] | undefined;
    const card = attachments?.find(
      (a) => a.contentType === 'application/vnd.microsoft.card.adaptive',
    );
    if (card) message.card = card.content;
  }

  /** Messages in one conversation, oldest first. */
  in(conversationId: string): PostedMessage[] {
    return this.messages.filter((m) => m.conversationId === conversationId);
  }

  last(conversationId: string): PostedMessage {
    const list = this.in(conversationId);
    if (list.length === 0) throw new Error(`the bot posted nothing in ${conversationId}`);
    return list[list.length - 1];
  }
}
