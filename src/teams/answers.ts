import type { Logger } from 'pino';
import type { CardName, CardRenderer, CardRequest } from '../cards/renderer.js';
import { summaryMarkdown } from '../cards/export.js';
import type { Actor, Engagement } from '../playbook/engagement.js';
import { describeRefusal } from '../playbook/refusal.js';
import { StoreUnavailableError } from '../store/store.js';
import type { CardAction, Incoming } from './activity.js';
import { readCardAction } from './door.js';
import type { Engagements, Outcome } from './engagements.js';
import type { Member } from './roster.js';

type Card = Record<string, unknown>;

/** What the bot does after a card action: answer the person, update the shared card, post to the chat. */
export interface Answer {
  card: Card;
  /** The shared card to put in place of the one that was clicked (everyone's view). */
  shared?: Card;
  /** A new message for the chat: a card, or Markdown text. */
  post?: Card | string;
}

export interface AnswerDeps {
  engagements: Engagements;
  cards: CardRenderer;
  clock: () => Date;
  leadMinutes: number;
  defaultTimeZone: string;
}

export type Message = NonNullable<CardRequest['message']>;

/** Decides the answer to one card action. The one door: Action.Execute and Action.Submit both come here. */
export class CardAnswers {
  constructor(private readonly deps: AnswerDeps) {}

  render(card: CardName, engagement: Engagement | undefined, actor: Actor | undefined, extra: Partial<CardRequest> = {}): Card {
    const role = actor && engagement ? engagement.people[actor.id]?.role : undefined;
    return this.deps.cards.render({
      card,
      ...(engagement ? { engagement } : {}),
      ...(actor ? { viewer: { id: actor.id, ...(role ? { role } : {}) } } : {}),
      now: this.deps.clock(),
      ...extra,
    });
  }

  shared(card: CardName, engagement: Engagement | undefined, extra: Partial<CardRequest> = {}): Card {
    return this.render(card, engagement, undefined, extra);
  }

  /** The engagement of this chat as this person may see it: another tenant's is not theirs to read. */
  async readable(incoming: Incoming): Promise<{ engagement?: Engagement; message?: Message }> {
    const engagement = await this.deps.engagements.load(incoming.conversationId);
    if (engagement && incoming.tenantId !== engagement.tenantId) {
      return { message: { kind: 'error', text: "This chat's engagement belongs to another organization; you cannot see or change it." } };
    }
    return engagement ? { engagement } : {};
  }

  async answer(incoming: Incoming, action: CardAction, members: () => Promise<Member[]>, logger: Logger): Promise<Answer> {
    const actor = incoming.actor;
    if (!actor) {
      return { card: this.render('help', undefined, undefined, { message: { kind: 'error', text: 'I cannot tell who you are: card answers need a signed-in Teams user of an organization. Nothing was changed.' } }) };
    }
    const needsRoster = action.verb === 'roles.assign' || action.data.card === 'roles';
    const roster = needsRoster ? await members() : [];
    const door = readCardAction(action.verb, action.data, {
      leadMinutes: this.deps.leadMinutes,
      timeZone: incoming.timeZone ?? this.deps.defaultTimeZone,
      members: roster,
    });
    logger.info({ verb: action.verb, door: door.kind, automatic: action.automatic }, 'card action');
    try {
      switch (door.kind) {
        case 'refresh':
        case 'show': {
          const { engagement, message } = await this.readable(incoming);
          if (message) return { card: this.render('help', undefined, actor, { message }) };
          return { card: this.render(door.card, engagement, actor, { members: roster }) };
        }
        case 'export': {
          const { engagement, message } = await this.readable(incoming);
          if (!engagement) return { card: this.render('help', undefined, actor, { message: message ?? { kind: 'error', text: 'There is no engagement to export yet.' } }) };
          return {
            card: this.render('summary', engagement, actor, { message: { kind: 'success', text: 'The summary is posted below as a message you can keep.' } }),
            post: summaryMarkdown(engagement),
          };
        }
        case 'invalid': {
          const { engagement } = await this.readable(incoming);
          return { card: this.render(door.card, engagement, actor, { message: { kind: 'error', text: `${door.message} Nothing was saved.` }, form: door.form, members: roster }) };
        }
        case 'start': {
          const outcome = await this.deps.engagements.start(
            { customer: door.customer, tenantId: incoming.tenantId ?? actor.tenantId, conversationId: incoming.conversationId, conversationType: incoming.conversationKind, ...(incoming.reference ? { conversationReference: incoming.reference } : {}) },
            actor,
            incoming.activityId,
          );
          return this.afterOutcome('roles', outcome, actor, action, roster);
        }
        case 'action': {
          const outcome = await this.deps.engagements.act(incoming.conversationId, door.action, actor, incoming.activityId);
          return this.afterOutcome(door.card, outcome, actor, action, roster);
        }
      }
    } catch (err) {
      if (!(err instanceof StoreUnavailableError)) throw err;
      logger.warn({ err: err.message }, 'store unavailable');
      const card = typeof action.data.card === 'string' ? (action.data.card as CardName) : 'help';
      return { card: this.render(card, undefined, actor, { message: { kind: 'error', text: err.message }, form: action.data }) };
    }
  }

  private afterOutcome(card: CardName, outcome: Outcome, actor: Actor, action: CardAction, roster: Member[]): Answer {
    if (!outcome.ok) {
      const engagement = outcome.refusal.kind === 'otherTenant' ? undefined : outcome.engagement;
      return {
        card: this.render(engagement ? card : 'help', engagement, actor, {
          message: { kind: 'error', text: describeRefusal(outcome.refusal) },
          form: action.data,
          members: roster,
        }),
      };
    }
    const text = outcome.duplicate ? 'Already recorded.' : `Saved: ${actor.name} ${outcome.summary}.`;
    return {
      card: this.render(card, outcome.engagement, actor, { message: { kind: 'success', text }, members: roster }),
      shared: this.shared(card, outcome.engagement, { members: roster }),
    };
  }
}
