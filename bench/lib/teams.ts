import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

/** The customer's tenant in every bench chat. */
export const TENANT = '5f2b6c1e-7d3a-4e8b-9c0f-1a2b3c4d5e6f';
const BOT = { id: '28:deploy-securely-bench', name: 'Deploy Securely' };

export interface Person {
  /** Teams user id (29:…). */
  teamsId: string;
  aadObjectId: string;
  name: string;
}

export function person(name: string, n: number): Person {
  return {
    teamsId: `29:bench-${n}`,
    aadObjectId: `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`,
    name,
  };
}

export interface Reply {
  status: number;
  body: string;
  ms: number;
}

/**
 * Teams' side of /api/messages: activities as Teams sends them (group chat, tenant, AAD object id,
 * time zone), POSTed over keep-alive HTTP connections, timed from the first byte sent to the last
 * byte of the answer.
 */
export class TeamsClient {
  // Idle connections are dropped after 4 s, before the bot's server drops them (5 s): reusing a
  // connection the server is closing at that moment fails with "socket hang up".
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 64, timeout: 4_000 });
  private readonly url: URL;

  constructor(
    botUrl: string,
    private readonly serviceUrl: string,
  ) {
    this.url = new URL(botUrl);
  }

  post(activity: Record<string, unknown>): Promise<Reply> {
    const payload = Buffer.from(JSON.stringify(activity));
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const req = request(
        {
          agent: this.agent,
          host: this.url.hostname,
          port: this.url.port,
          path: this.url.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': payload.length },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
              ms: performance.now() - started,
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', (err) =>
        reject(
          new Error(
            `${String(activity.type)} ${String(activity.id)} to ${this.url.href}: ${err.message}`,
          ),
        ),
      );
      req.end(payload);
    });
  }

  private activity(conversationId: string, from: Person, id: string): Record<string, unknown> {
    return {
      id,
      timestamp: new Date().toISOString(),
      channelId: 'msteams',
      serviceUrl: this.serviceUrl,
      from: { id: from.teamsId, name: from.name, aadObjectId: from.aadObjectId },
      conversation: {
        id: conversationId,
        conversationType: 'groupChat',
        tenantId: TENANT,
        isGroup: true,
      },
      recipient: BOT,
      channelData: { tenant: { id: TENANT } },
      locale: 'en-GB',
      localTimezone: 'Europe/London',
    };
  }

  /** A message in a group chat: Teams delivers it with the bot's @mention. */
  say(conversationId: string, from: Person, text: string, id: string): Promise<Reply> {
    const mention = `<at>${BOT.name}</at>`;
    return this.post({
      ...this.activity(conversationId, from, id),
      type: 'message',
      text: `${mention} ${text}`,
      entities: [{ type: 'mention', mentioned: BOT, text: mention }],
    });
  }

  /** Action.Execute on the card `replyToId`: an adaptiveCard/action invoke. */
  execute(
    conversationId: string,
    from: Person,
    replyToId: string,
    verb: string,
    data: Record<string, unknown>,
    id: string,
  ): Promise<Reply> {
    return this.post({
      ...this.activity(conversationId, from, id),
      type: 'invoke',
      name: 'adaptiveCard/action',
      replyToId,
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

function texts(node: unknown, out: { text: string; message: boolean }[] = []) {
  if (Array.isArray(node)) node.forEach((n) => texts(n, out));
  else if (typeof node === 'object' && node !== null) {
    const n = node as Record<string, unknown>;
    if (n.type === 'TextBlock' && typeof n.text === 'string')
      out.push({ text: n.text, message: n.weight === 'Bolder' && n.style !== 'heading' });
    Object.values(n).forEach((v) => texts(v, out));
  }
  return out;
}

/**
 * Whether an invoke's answer is a saved answer: HTTP 200 with an Adaptive Card whose message says
 * "Saved: …". Returns undefined when it is, or what was answered instead (a refusal, an error).
 */
export function notSaved(reply: Reply): string | undefined {
  if (reply.status !== 200) return `HTTP ${reply.status}: ${reply.body.slice(0, 200)}`;
  let parsed: { statusCode?: number; type?: string; value?: unknown };
  try {
    parsed = JSON.parse(reply.body) as typeof parsed;
  } catch {
    return `an answer that is not JSON: ${reply.body.slice(0, 200)}`;
  }
  if (parsed.statusCode !== 200 || parsed.type !== 'application/vnd.microsoft.card.adaptive')
    return `not a card: ${reply.body.slice(0, 200)}`;
  const lines = texts(parsed.value);
  if (lines.some((l) => l.text.startsWith('Saved: '))) return undefined;
  // The card's message slot: the first bold line under the heading.
  const error = lines.find((l) => l.message);
  return `the card says "${(error ?? lines[0])?.text ?? '(no text)'}"`;
}
