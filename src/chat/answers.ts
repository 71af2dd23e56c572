import type { Logger } from 'pino';
import {
  isCardName,
  type CardName,
  type CardRenderer,
  type CardRequest,
} from '../cards/renderer.js';
import { summaryMarkdown } from '../cards/export.js';
import type { Actor, Engagement } from '../playbook/engagement.js';
import { describeRefusal } from '../playbook/refusal.js';
import { StoreUnavailableError } from '../store/store.js';
import type { CardAction, Incoming } from '../teams/activity.js';
import { readCardAction } from '../door/read.js';
import type { Engagements, Outcome } from './engagements.js';
import type { Member } from '../teams/roster.js';

type Card = Record<string, unknown>;

/** What the bot does after a card action: answer the person, update the shared card, post to the chat. */
export interface Answer {
  card: Card;
  /** The shared card to put in place of the one that was clicked (everyone's view). */
  shared?: Card;
  /** A new message for the chat: a card, or Markdown text. */
  post?: Card | string;
  /** The activity was applied before (Teams delivered it again): post nothing new. */
  duplicate?: boolean;
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

  get defaultTimeZone(): string {
    return this.deps.defaultTimeZone;
  }

  render(
    card: CardName,
    engagement: Engagement | undefined,
    actor: Actor | undefined,
    extra: Partial<CardRequest> = {},
  ): Card {
    const role = actor && engagement ? engagement.people[actor.id]?.role : undefined;
    return this.deps.cards.render({
      card,
      ...(engagement ? { engagement } : {}),
      ...(actor ? { viewer: { id: actor.id, ...(role ? { role } : {}) } } : {}),
      now: this.deps.clock(),
      ...extra,
    });
  }

  shared(
    card: CardName,
    engagement: Engagement | undefined,
    extra: Partial<CardRequest> = {},
  ): Card {
    return this.render(card, engagement, undefined, extra);
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

  async answer(
    incoming: Incoming,
    action: CardAction,
    members: () => Promise<Member[]>,
    logger: Logger,
  ): Promise<Answer> {
    const actor = incoming.actor;
    const timeZone = incoming.timeZone ?? this.deps.defaultTimeZone;
    if (!actor) {
      return {
        card: this.render('help', undefined, undefined, {
          timeZone,
          message: {
            kind: 'error',
            text: 'I cannot tell who you are: card answers need a signed-in Teams user of an organization. Nothing was changed.',
          },
        }),
      };
    }
    const view = (card: CardName, e: Engagement | undefined, extra: Partial<CardRequest> = {}) =>
      this.render(card, e, actor, { timeZone, ...extra });
    const roster =
      action.verb === 'roles.assign' || action.data.card === 'roles' || action.data.open === 'roles'
        ? await this.people(incoming, members)
        : [];
    const door = readCardAction(action.verb, action.data, {
      leadMinutes: this.deps.leadMinutes,
      timeZone,
      members: roster,
    });
    logger.info({ verb: action.verb, door: door.kind, automatic: action.automatic }, 'card action');
    try {
      switch (door.kind) {
        case 'refresh':
        case 'show': {
          const { engagement, message } = await this.readable(incoming);
          if (message) return { card: view('help', undefined, { message }) };
          const followUpId = door.kind === 'refresh' ? door.followUpId : undefined;
          return {
            card: view(door.card, engagement, {
              members: roster,
              ...(followUpId ? { followUpId } : {}),
            }),
          };
        }
        case 'export': {
          const { engagement, message } = await this.readable(incoming);
          if (!engagement)
            return {
              card: view('help', undefined, {
                message: message ?? {
                  kind: 'error',
                  text: 'There is no engagement to export yet.',
                },
              }),
            };
          return {
            card: view('summary', engagement, {
              message: {
                kind: 'success',
                text: 'The summary is posted below as a message you can keep.',
              },
            }),
            post: summaryMarkdown(engagement),
          };
        }
        case 'invalid': {
          const { engagement } = await this.readable(incoming);
          return {
            card: view(door.card, engagement, {
              message: { kind: 'error', text: `${door.message} Nothing was saved.` },
              form: door.form,
              members: roster,
            }),
          };
        }
        case 'start': {
          const outcome = await this.deps.engagements.start(
            {
              customer: door.customer,
              tenantId: incoming.tenantId ?? actor.tenantId,
              conversationId: incoming.conversationId,
              conversationType: incoming.conversationKind,
              conversationReference: incoming.reference,
            },
            actor,
            incoming.activityId,
          );
          return this.afterOutcome('roles', outcome, actor, action, { timeZone, members: roster });
        }
        case 'action': {
          const outcome = await this.deps.engagements.act(
            incoming.conversationId,
            door.action,
            actor,
            incoming.activityId,
          );
          return this.afterOutcome(door.card, outcome, actor, action, {
            timeZone,
            members: roster,
          });
        }
      }
    } catch (err) {
      if (!(err instanceof StoreUnavailableError)) throw err;
      logger.warn({ err: err.message }, 'store unavailable');
      const card =
        typeof action.data.card === 'string' && isCardName(action.data.card)
          ? action.data.card
          : 'help';
      const { engagement } = await this.readable(incoming).catch(() => ({ engagement: undefined }));
      return {
        card: view(card, engagement, {
          message: { kind: 'error', text: err.message },
          form: action.data,
          members: roster,
        }),
      };
    }
  }

  /**
   * The chat's members and the engagement's people (someone who left the chat can still be
   * removed). With the store down, the chat's members alone: the answer then says "not saved".
   */
  private async people(incoming: Incoming, members: () => Promise<Member[]>): Promise<Member[]> {
    const readable = this.readable(incoming).catch((err: unknown) => {
      if (err instanceof StoreUnavailableError) return { engagement: undefined };
      throw err;
    });
    const [roster, { engagement }] = await Promise.all([members(), readable]);
    const known = new Set(roster.map((m) => m.id));
    const gone = Object.values(engagement?.people ?? {})
      .filter((p) => !known.has(p.id))
      .map((p) => ({ id: p.id, name: p.name, ...(p.teamsId ? { teamsId: p.teamsId } : {}) }));
    return [...roster, ...gone];
  }

  private afterOutcome(
    card: CardName,
    outcome: Outcome,
    actor: Actor,
    action: CardAction,
    extra: Partial<CardRequest>,
  ): Answer {
    if (!outcome.ok) {
      const engagement = outcome.refusal.kind === 'otherTenant' ? undefined : outcome.engagement;
      return {
        card: this.render(engagement ? card : 'help', engagement, actor, {
          ...extra,
          message: { kind: 'error', text: describeRefusal(outcome.refusal) },
          form: action.data,
        }),
      };
    }
    const text = outcome.duplicate
      ? 'Already recorded.'
      : `Saved: ${actor.name} ${outcome.summary}.`;
    return {
      card: this.render(card, outcome.engagement, actor, {
        ...extra,
        message: { kind: 'success', text },
      }),
      shared: this.shared(card, outcome.engagement, extra),
      ...(outcome.duplicate ? { duplicate: true } : {}),
    };
  }
}
