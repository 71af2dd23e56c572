/**
 * Acting as any person of the Agents Playground's config in its chats. The Playground has no user
 * switch (its `currentUser` is fixed at start), but its own conversation API takes the sender of
 * each message, card invoke and card submit from the request (`from.id`, any member of the chat)
 * and builds the activity from that person's configured ids, as for its browser user. The bot's
 * answers land in the Playground's chat as usual; an invoke's answer (the person's own view of
 * the card) comes back to the caller. The chat's cards are followed on the Playground's websocket.
 *
 * Used by the act-as page and command of `npm run playground`, and by the end-to-end test.
 */
import WebSocket from 'ws';

export interface PlaygroundPerson {
  /** Teams user id (29:…). */
  id: string;
  name: string;
  aadObjectId: string;
}

export interface PlaygroundChat {
  id: string;
  name: string;
  kind: 'personal' | 'groupChat';
}

/** A card in a chat, as it stands now (a bot's card updated in place keeps its message id). */
export interface ChatCard {
  messageId: string;
  chatId: string;
  card: Record<string, unknown>;
  /** The card's first heading. */
  heading: string;
  /** How many times it was updated after it was posted. */
  updates: number;
}

interface PlaygroundConfig {
  config: {
    bot: { id: string; name: string };
    currentUser: PlaygroundPerson;
    users: PlaygroundPerson[];
    personalChat: { id: string; name: string };
    groupChats: { id: string; name: string }[];
  };
}

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

/** The text of a card's first heading (every Deploy Securely card starts with one). */
export function headingOf(card: Record<string, unknown>): string {
  const body = card.body as { items?: { text?: string }[]; text?: string }[] | undefined;
  const first = body?.[0];
  return (first?.items?.[0]?.text ?? first?.text ?? '').replace(/^⏰\s*/, '');
}

/**
 * What Teams sends to refresh a card: the data of its refresh action, or, on a card without one,
 * the card's name as its buttons carry it.
 */
export function refreshData(card: Record<string, unknown> | undefined): Record<string, unknown> {
  const refresh = (card?.refresh as { action?: { data?: Record<string, unknown> } } | undefined)
    ?.action?.data;
  if (refresh) return refresh;
  let name: unknown;
  const walk = (node: unknown): void => {
    if (name !== undefined || typeof node !== 'object' || node === null) return;
    const n = node as Record<string, unknown>;
    if (n.type === 'Action.Execute' && typeof (n.data as { card?: unknown })?.card === 'string')
      name = (n.data as { card: string }).card;
    Object.values(n).forEach(walk);
  };
  walk(card);
  return { card: typeof name === 'string' ? name : 'help' };
}

export class PlaygroundPeople {
  /** Every card the chats hold, oldest first. */
  readonly cards: ChatCard[] = [];
  private readonly socket: WebSocket;

  private constructor(
    readonly url: string,
    readonly bot: { id: string; name: string },
    /** The browser's user first, then the others. */
    readonly people: PlaygroundPerson[],
    readonly chats: PlaygroundChat[],
  ) {
    const ws = new URL('/_ws_conversation/v1/conversations/stream', url);
    ws.protocol = ws.protocol === 'https:' ? 'wss:' : 'ws:';
    this.socket = new WebSocket(ws.toString());
    this.socket.on('message', (data) => this.read(String(data)));
    this.socket.on('error', () => undefined);
  }

  /** The people and chats of the running Playground at `url`, and its cards from now on. */
  static async connect(url: string): Promise<PlaygroundPeople> {
    const res = await fetch(new URL('/_internal/v1/config', url));
    if (!res.ok) throw new Error(`The Playground at ${url} answered ${res.status} for its config.`);
    const { config } = (await res.json()) as PlaygroundConfig;
    const people = new PlaygroundPeople(
      url,
      config.bot,
      [config.currentUser, ...config.users],
      [
        ...config.groupChats.map((c) => ({ ...c, kind: 'groupChat' as const })),
        { ...config.personalChat, kind: 'personal' as const },
      ],
    );
    await new Promise<void>((resolve, reject) => {
      people.socket.once('open', () => resolve());
      people.socket.once('error', reject);
    });
    return people;
  }

  close(): void {
    this.socket.close();
  }

  private read(text: string): void {
    let frame: {
      action?: string;
      actionConversationId?: string;
      message?: { messageId?: string; attachments?: { contentType?: string; content?: unknown }[] };
    };
    try {
      frame = JSON.parse(text) as typeof frame;
    } catch {
      return;
    }
    const card = frame.message?.attachments?.find((a) => a.contentType === ADAPTIVE)?.content;
    const messageId = frame.message?.messageId;
    const chatId = frame.actionConversationId;
    if (!messageId || !chatId || typeof card !== 'object' || card === null) return;
    const content = card as Record<string, unknown>;
    const known = this.cards.find((c) => c.messageId === messageId);
    if (frame.action === 'updateMessage' && known) {
      known.card = content;
      known.heading = headingOf(content);
      known.updates++;
    } else if (frame.action === 'createMessage' && !known) {
      this.cards.push({
        messageId,
        chatId,
        card: content,
        heading: headingOf(content),
        updates: 0,
      });
    }
  }

  /** The person of that name (as in the Playground's config). */
  person(name: string): PlaygroundPerson {
    const found = this.people.find((p) => p.name === name);
    if (!found)
      throw new Error(
        `${name} is not in the Playground's config: ${this.people.map((p) => p.name).join(', ')}.`,
      );
    return found;
  }

  /** The chat of that id, or the first group chat. */
  chat(id?: string): PlaygroundChat {
    const found = id ? this.chats.find((c) => c.id === id) : this.chats[0];
    if (!found) throw new Error(`The Playground has no chat ${id}.`);
    return found;
  }

  private async post(path: string, body: unknown): Promise<unknown> {
    const res = await fetch(new URL(path, this.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`The Playground answered ${res.status} to ${path}: ${text}`);
    return text ? (JSON.parse(text) as unknown) : undefined;
  }

  /** `who` types `text` in the chat; in a group chat with the bot's @mention, as Teams needs. */
  async say(who: string, text: string, chatId?: string): Promise<void> {
    const chat = this.chat(chatId);
    const tag = `<at>${this.bot.name}</at>`;
    const group = chat.kind === 'groupChat';
    await this.post(`/_conversation/v1/conversations/${encodeURIComponent(chat.id)}/messages`, {
      type: 'text',
      text: group ? `${tag} ${text}` : text,
      textFormat: 'plain',
      from: { id: this.person(who).id },
      mentions: group ? [{ mentioned: this.bot, text: tag }] : [],
    });
  }

  /**
   * `who` presses an Action.Execute button of the card `messageId` with these data and inputs;
   * the answer is their own view of the card (the invoke's response).
   */
  async press(
    who: string,
    messageId: string,
    verb: string,
    data: Record<string, unknown>,
    options: { automatic?: boolean } = {},
  ): Promise<Record<string, unknown>> {
    const known = this.cards.find((c) => c.messageId === messageId);
    const reply = (await this.post('/_conversation/v1/invoke', {
      name: 'adaptiveCard/action',
      value: {
        action: { type: 'Action.Execute', verb, data },
        trigger: options.automatic ? 'automatic' : 'manual',
      },
      from: { id: this.person(who).id },
      conversation: { id: known?.chatId ?? this.chat().id },
      replyToId: messageId,
    })) as { type?: string; value?: unknown };
    if (reply?.type !== ADAPTIVE || typeof reply.value !== 'object' || reply.value === null)
      throw new Error(`The bot answered ${verb} with ${JSON.stringify(reply)}`);
    return reply.value as Record<string, unknown>;
  }

  /** The card `messageId` as `who` sees it: Teams' automatic refresh of their own view. */
  view(who: string, messageId: string): Promise<Record<string, unknown>> {
    const known = this.cards.find((c) => c.messageId === messageId);
    return this.press(who, messageId, 'refresh', refreshData(known?.card), { automatic: true });
  }

  /** The same button on a client without Action.Execute: its Action.Submit fallback. */
  async submit(
    who: string,
    messageId: string,
    verb: string,
    data: Record<string, unknown>,
  ): Promise<void> {
    const known = this.cards.find((c) => c.messageId === messageId);
    await this.post('/_conversation/v1/submit', {
      conversation: { id: known?.chatId ?? this.chat().id },
      from: { id: this.person(who).id },
      replyToId: messageId,
      value: { verb, ...data },
    });
  }
}
