import type { CardRenderer } from '../cards/renderer.js';
import type { AdaptiveCard, CardRequest } from '../cards/types.js';
import type { CardName } from '../door/card-names.js';
import type { Actor, Engagement } from '../playbook/engagement.js';
import type { Engagements } from './engagements.js';
import type { Incoming } from './incoming.js';

/** The line at the top of a card: an error, a confirmation or a note. */
export type Message = NonNullable<CardRequest['message']>;

/**
 * A short reply to one person, @mentioning them: what became of their action when the chat
 * must not get a card for it (a refusal through Action.Submit, a typed command refused).
 */
export interface PersonalReply {
  kind: 'reply';
  to: { name: string; teamsId?: string };
  text: string;
}

/** Something to post to the chat: a card, Markdown text, or a short reply to one person. */
export type Post = AdaptiveCard | string | PersonalReply;

/** The longest text of a personal reply: a sentence or two, never a card's worth. */
const MAX_REPLY_CHARS = 600;

/** A short reply to the person who acted (a plain line when the chat did not say who that is). */
export function replyTo(actor: Actor | undefined, text: string): PersonalReply {
  const clipped = text.length <= MAX_REPLY_CHARS ? text : `${text.slice(0, MAX_REPLY_CHARS - 1)}…`;
  return {
    kind: 'reply',
    to: actor
      ? { name: actor.name, ...(actor.teamsId ? { teamsId: actor.teamsId } : {}) }
      : { name: 'Someone' },
    text: clipped,
  };
}

export function isPersonalReply(post: Post): post is PersonalReply {
  return typeof post === 'object' && post.kind === 'reply';
}

export interface RepliesDeps {
  engagements: Engagements;
  cards: CardRenderer;
  clock: () => Date;
  /** The zone for dates when the person's client names none. */
  defaultTimeZone: string;
  /** The admin consent link of a tenant, when reading tenants is set up. */
  consentLink?: (tenantId: string) => string;
}

/** Cards as one person or the whole chat sees them, and the chat's engagement as a person may read it. */
export class Replies {
  constructor(private readonly deps: RepliesDeps) {}

  /** The person's zone, or the bot's default. */
  zoneOf(incoming: Incoming): string {
    return incoming.timeZone ?? this.deps.defaultTimeZone;
  }

  /** The card as `actor` sees it (their role's forms); with no actor, the shared card everyone sees. */
  render(
    card: CardName,
    engagement: Engagement | undefined,
    actor: Actor | undefined,
    extra: Partial<CardRequest> = {},
  ): AdaptiveCard {
    const role = actor && engagement ? engagement.people[actor.id]?.role : undefined;
    return this.deps.cards.render({
      card,
      ...(engagement ? { engagement } : {}),
      ...(actor ? { viewer: { id: actor.id, ...(role ? { role } : {}) } } : {}),
      now: this.deps.clock(),
      ...(engagement && this.deps.consentLink
        ? { consentLink: this.deps.consentLink(engagement.tenantId) }
        : {}),
      ...extra,
    });
  }

  /** The engagement of this chat as this person may see it: another tenant's is not theirs to read. */
  async readable(incoming: Incoming): Promise<{ engagement?: Engagement; message?: Message }> {
    const engagement = await this.deps.engagements.load(incoming.conversationId);
    if (engagement && incoming.tenantId !== engagement.tenantId) {
      return {
        message: {
          kind: 'error',
          text: "This chat's engagement belongs to another organization; you cannot see or change it.",
        },
      };
    }
    return engagement ? { engagement } : {};
  }
}
