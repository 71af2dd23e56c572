import type { ChannelUser, PostedMessage, TeamsChannel } from './teams-channel.js';

export const BOT = { id: '28:deploy-securely-bot', name: 'Deploy Securely' };

export interface BotReply {
  status: number;
  body: unknown;
}

/** A Teams chat as the bot sees it: real activities POSTed to /api/messages over HTTP. */
export class Chat {
  private seq = 0;

  constructor(
    private readonly botUrl: string,
    private readonly channel: TeamsChannel,
    readonly conversationId: string,
    readonly kind: 'personal' | 'groupChat' | 'channel',
    readonly tenantId: string,
  ) {}

  private base(user: ChannelUser, id?: string): Record<string, unknown> {
    return {
      id: id ?? `${this.conversationId}-act-${++this.seq}`,
      timestamp: new Date().toISOString(),
      channelId: 'msteams',
      serviceUrl: this.channel.serviceUrl,
      from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
      conversation: {
        id: this.conversationId,
        conversationType: this.kind,
        tenantId: user.tenantId,
        isGroup: this.kind !== 'personal',
      },
      recipient: BOT,
      channelData: { tenant: { id: user.tenantId } },
      locale: 'en-US',
      localTimezone: 'Europe/London',
    };
  }

  async post(
    activity: Record<string, unknown>,
    headers: Record<string, string> = {},
  ): Promise<BotReply> {
    const res = await fetch(this.botUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(activity),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  }

  /** A typed message; in group chats and channels Teams delivers it with the bot's @mention. */
  say(user: ChannelUser, text: string, id?: string): Promise<BotReply> {
    const mention = `<at>${BOT.name}</at>`;
    const group = this.kind !== 'personal';
    return this.post({
      ...this.base(user, id),
      type: 'message',
      text: group ? `${mention} ${text}` : text,
      ...(group ? { entities: [{ type: 'mention', mentioned: BOT, text: mention }] } : {}),
    });
  }

  /** Action.Execute on a card: an adaptiveCard/action invoke, answered with the card. */
  async execute(
    user: ChannelUser,
    message: PostedMessage,
    verb: string,
    data: Record<string, unknown>,
    options: { id?: string; automatic?: boolean } = {},
  ): Promise<Record<string, unknown>> {
    const reply = await this.post({
      ...this.base(user, options.id),
      type: 'invoke',
      name: 'adaptiveCard/action',
      replyToId: message.id,
      value: {
        action: { type: 'Action.Execute', verb, data },
        trigger: options.automatic ? 'automatic' : 'manual',
      },
    });
    if (reply.status !== 200)
      throw new Error(`invoke ${verb} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
    const body = reply.body as { statusCode: number; type: string; value: Record<string, unknown> };
    if (body.type !== 'application/vnd.microsoft.card.adaptive')
      throw new Error(`invoke ${verb} answered ${JSON.stringify(body)}`);
    return body.value;
  }

  /** Action.Submit (old clients): a message whose value carries the verb and the inputs. */
  submit(
    user: ChannelUser,
    message: PostedMessage,
    verb: string,
    data: Record<string, unknown>,
    id?: string,
  ): Promise<BotReply> {
    return this.post({
      ...this.base(user, id),
      type: 'message',
      replyToId: message.id,
      value: { verb, ...data },
    });
  }

  /** Someone joins the chat. */
  join(user: ChannelUser, by: ChannelUser): Promise<BotReply> {
    return this.post({
      ...this.base(by),
      type: 'conversationUpdate',
      membersAdded: [{ id: user.id, name: user.name, aadObjectId: user.aadObjectId }],
    });
  }

  messages(): PostedMessage[] {
    return this.channel.in(this.conversationId);
  }

  last(): PostedMessage {
    return this.channel.last(this.conversationId);
  }
}

/** Every text a card shows (TextBlocks, facts, titles), joined, for assertions a reader can follow. */
export function cardText(card: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (
        typeof value === 'string' &&
        ['text', 'title', 'value', 'label', 'placeholder'].includes(key)
      )
        out.push(value);
      else walk(value);
    }
  };
  walk(card);
  return out.join('\n');
}

/** Every Action.Execute verb on a card. */
export function cardVerbs(card: unknown): string[] {
  const verbs = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const n = node as Record<string, unknown>;
    if (n.type === 'Action.Execute' && typeof n.verb === 'string' && n.verb !== 'refresh')
      verbs.add(n.verb);
    Object.entries(n).forEach(([key, value]) => key !== 'refresh' && walk(value));
  };
  walk(card);
  return [...verbs].sort();
}

/** The Action.OpenUrl buttons of a card, by title. */
export function cardLinks(card: unknown): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const n = node as Record<string, unknown>;
    if (n.type === 'Action.OpenUrl') found.set(String(n.title), String(n.url));
    Object.values(n).forEach(walk);
  };
  walk(card);
  return found;
}
