/**
 * People other than the browser's user, acting in a Playground chat the way the Playground's
 * "Mock an Activity" does: the Playground's own activity template for the chat (ids, service
 * URL, tenant) posted to /_internal/v1/customActivities, which forwards it to the bot. The bot's
 * answers (new and updated cards) reach the browser like any other.
 */

export interface PlaygroundUser {
  id: string;
  name: string;
  aadObjectId: string;
}

interface PlaygroundConfig {
  config: {
    tenantId: string;
    currentUser: PlaygroundUser;
    users: PlaygroundUser[];
    groupChats: { id: string; name: string }[];
  };
}

type Activity = Record<string, unknown>;

export class Playground {
  private constructor(
    readonly url: string,
    readonly tenantId: string,
    readonly me: PlaygroundUser,
    readonly users: PlaygroundUser[],
    readonly groupChatId: string,
  ) {}

  /** The people and chats the running Playground loaded from its config file. */
  static async connect(url: string): Promise<Playground> {
    const res = await fetch(new URL('/_internal/v1/config', url));
    if (!res.ok) throw new Error(`GET /_internal/v1/config answered ${res.status}`);
    const { config } = (await res.json()) as PlaygroundConfig;
    return new Playground(
      url,
      config.tenantId,
      config.currentUser,
      config.users,
      config.groupChats[0].id,
    );
  }

  user(name: string): PlaygroundUser {
    const found = [this.me, ...this.users].find((u) => u.name === name);
    if (!found) throw new Error(`${name} is not in the Playground's config`);
    return found;
  }

  as(name: string, conversationId = this.groupChatId): ActingUser {
    return new ActingUser(this, this.user(name), conversationId);
  }
}

export class ActingUser {
  constructor(
    private readonly playground: Playground,
    readonly user: PlaygroundUser,
    private readonly conversationId: string,
  ) {}

  /** The Playground's template for this chat (fresh id, service URL, conversation), from this user. */
  private async base(): Promise<Activity> {
    const url = new URL('/_internal/v1/customActivities/template', this.playground.url);
    url.searchParams.set('conversationId', this.conversationId);
    const res = await fetch(url);
    if (!res.ok) throw new Error(`GET ${url.pathname} answered ${res.status}: ${await res.text()}`);
    const template = (await res.json()) as Activity;
    return {
      ...template,
      from: { id: this.user.id, name: this.user.name, aadObjectId: this.user.aadObjectId },
      channelData: { tenant: { id: this.playground.tenantId } },
      locale: 'en-US',
      localTimezone: 'UTC',
    };
  }

  private async send(activity: Activity): Promise<void> {
    const res = await fetch(new URL('/_internal/v1/customActivities', this.playground.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    if (!res.ok)
      throw new Error(`POST customActivities answered ${res.status}: ${await res.text()}`);
  }

  /** Clicks an Action.Execute button of the card `replyToId` with these inputs (an adaptiveCard/action invoke). */
  async execute(verb: string, data: Record<string, unknown>, replyToId: string): Promise<void> {
    await this.send({
      ...(await this.base()),
      type: 'invoke',
      name: 'adaptiveCard/action',
      replyToId,
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    });
  }

  /**
   * The same button on a client without Action.Execute: its Action.Submit fallback, a message
   * whose value carries the verb. The bot answers a refusal with a card posted to the chat.
   */
  async submit(verb: string, data: Record<string, unknown>, replyToId: string): Promise<void> {
    await this.send({
      ...(await this.base()),
      type: 'message',
      replyToId,
      value: { verb, ...data },
    });
  }
}
