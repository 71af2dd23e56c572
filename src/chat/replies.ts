import type { CardRenderer } from '../cards/renderer.js';
import type { AdaptiveCard, CardRequest } from '../cards/types.js';
import type { CardName } from '../door/card-names.js';
import type { Member } from '../door/result.js';
import { holderOf, outsiderRefusal, standing } from '../playbook/actor.js';
import type { Actor, Engagement } from '../playbook/engagement.js';
import type { Engagements } from './engagements.js';
import { RosterUnavailableError, type Incoming } from './incoming.js';

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

  /**
   * The shared card everyone in the chat sees: dates in the bot's zone, whoever asked for it, so
   * the same state gives the same card (and the same digest) for every answer.
   */
  shared(
    card: CardName,
    engagement: Engagement | undefined,
    extra: Partial<CardRequest> = {},
  ): AdaptiveCard {
    return this.render(card, engagement, undefined, {
      ...extra,
      timeZone: this.deps.defaultTimeZone,
    });
  }

  /** The card as `actor` sees it (their role's forms); with no actor, the shared card everyone sees. */
  render(
    card: CardName,
    engagement: Engagement | undefined,
    actor: Actor | undefined,
    extra: Partial<CardRequest> = {},
  ): AdaptiveCard {
    const role = actor && engagement ? holderOf(engagement, actor)?.role : undefined;
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

  /**
   * The chat's engagement as this instance last saw it, if this person may see it without asking
   * Teams or the store (for answering while the store fails): a role holder, or someone of the
   * hosting tenant who posted in the chat.
   */
  lastSeen(incoming: Incoming): Engagement | undefined {
    const engagement = this.deps.engagements.lastSeen(incoming.conversationId);
    return engagement && seenWithoutRoster(engagement, incoming) ? engagement : undefined;
  }

  /**
   * The engagement of this chat as this person may see it: a role holder, or someone of the hosting
   * tenant in the chat without a role yet (a card's invoke is checked against Teams' member list).
   * Anyone else is told only that they take no part, never what the engagement holds.
   */
  async readable(
    incoming: Incoming,
    members: () => Promise<Member[]>,
  ): Promise<{ engagement?: Engagement; message?: Message }> {
    return seenBy(incoming, await this.deps.engagements.load(incoming.conversationId), members);
  }

  /**
   * As `readable`, for an answer that posts to the chat: the activity is recorded as answered
   * (only for someone who may see the engagement, so an outsider writes nothing), and `again`
   * says Teams delivered it before (post nothing then).
   */
  async posting(
    incoming: Incoming,
    members: () => Promise<Member[]>,
  ): Promise<{ engagement?: Engagement; message?: Message; again: boolean }> {
    const { engagement, first } = await this.deps.engagements.posting(
      incoming.conversationId,
      incoming.activityId,
      (e) => seenWithoutRoster(e, incoming),
    );
    return { ...(await seenBy(incoming, engagement, members)), again: !first };
  }
}

/**
 * Whether the person may see the engagement on what the activity alone proves: they hold a role,
 * or they are of the hosting tenant and posted in the chat (which Teams lets only members do).
 */
function seenWithoutRoster(engagement: Engagement, incoming: Incoming): boolean {
  if (!incoming.actor) return false;
  const s = standing(engagement, incoming.actor);
  return s.kind === 'holder' || (s.kind === 'noRole' && s.hostTenant && incoming.posted);
}

/** The engagement as this person may see it, or why not (without naming anything of it). */
async function seenBy(
  incoming: Incoming,
  engagement: Engagement | undefined,
  members: () => Promise<Member[]>,
): Promise<{ engagement?: Engagement; message?: Message }> {
  if (!engagement) return {};
  const { actor } = incoming;
  if (!actor) return { message: { kind: 'error', text: UNKNOWN_PERSON } };
  const s = standing(engagement, actor);
  if (s.kind === 'holder') return { engagement };
  if (s.kind === 'noRole' && s.hostTenant) {
    const member = incoming.posted || (await inChat(actor, members));
    if (member === true) return { engagement };
    const text = member === undefined ? `${ROSTER_UNAVAILABLE} Please try again.` : NOT_IN_CHAT;
    return { message: { kind: 'error', text } };
  }
  return { message: { kind: 'error', text: outsiderRefusal(s).message } };
}

export const UNKNOWN_PERSON =
  'I cannot tell who you are: answers need a signed-in Teams user of an organization. Nothing was changed.';
export const NOT_IN_CHAT =
  'You are not a member of this chat, so you cannot see or change its engagement. Nothing was changed.';
export const ROSTER_UNAVAILABLE =
  'Teams did not list the members of this chat just now, so I cannot check that you are in it.';

/** Whether Teams lists the actor among the chat's members; undefined when Teams cannot tell. */
async function inChat(
  actor: Actor,
  members: () => Promise<Member[]>,
): Promise<boolean | undefined> {
  try {
    return (await members()).some((m) => m.id === actor.id);
  } catch (err) {
    if (err instanceof RosterUnavailableError) return undefined;
    throw err;
  }
}
