import type { Logger } from 'pino';
import type { AdaptiveCard, CardRequest } from '../cards/types.js';
import { isCardName, type CardName } from '../door/card-names.js';
import { needsRoster, needsTenant, readCardAction } from '../door/read.js';
import type { DoorResult, Member } from '../door/result.js';
import type { Downloads } from '../documents/downloads.js';
import type { Decision } from '../playbook/apply.js';
import type { Actor, Engagement } from '../playbook/engagement.js';
import { describeRefusal } from '../playbook/refusal.js';
import { StoreUnavailableError } from '../store/store.js';
import type { Engagements } from './engagements.js';
import { exportDocuments } from './exports.js';
import { savedByViewer } from './saved.js';
import type { CardAction, Incoming } from './incoming.js';
import type { Post, Replies } from './replies.js';
import type { TenantLink } from './tenant.js';

/** What the bot does after a card action: answer the person, update the shared card, post to the chat. */
export interface Answer {
  card: AdaptiveCard;
  /** The shared card to put in place of the one that was clicked (everyone's view). */
  shared?: AdaptiveCard;
  post?: Post;
  /** The activity was applied before (Teams delivered it again): post nothing new. */
  duplicate?: boolean;
  /**
   * What the person who acted alone is told, when the answer is theirs only: why nothing changed
   * (a refusal, bad input, the store down), or that their documents are ready. Their own view
   * carries it; where the client has no view of its own (Action.Submit) a short reply mentioning
   * them does, never a card for the whole chat.
   */
  personal?: string;
}

export interface AnswerDeps {
  replies: Replies;
  /** The documents the FastTrack manager and engineer take away (signed links). */
  downloads: Downloads;
  engagements: Engagements;
  /** Minutes before a follow-up its reminder is due (a setting of the bot). */
  leadMinutes: number;
  /** Reading customers' tenants, when set up. */
  tenant?: TenantLink;
}

/** What one answer knows: who asked, in which zone, the roster it read, and the card's view for them. */
interface Asked {
  incoming: Incoming;
  actor: Actor;
  action: CardAction;
  extra: Partial<CardRequest> & { timeZone: string };
  view: (card: CardName, e: Engagement | undefined, extra?: Partial<CardRequest>) => AdaptiveCard;
}

/** Decides the answer to one card action: Action.Execute and its Action.Submit fallback both come here. */
export class CardAnswers {
  constructor(private readonly deps: AnswerDeps) {}

  /** The answer to an invoke whose action could not be read at all. */
  unreadable(incoming: Incoming): Answer {
    const text = 'That card action was not understood. Nothing was changed.';
    return {
      card: this.deps.replies.render('help', undefined, incoming.actor, {
        message: { kind: 'error', text },
      }),
      personal: text,
    };
  }

  async answer(
    incoming: Incoming,
    action: CardAction,
    members: () => Promise<Member[]>,
    logger: Logger,
  ): Promise<Answer> {
    const { replies } = this.deps;
    const timeZone = replies.zoneOf(incoming);
    const actor = incoming.actor;
    if (!actor) {
      const text =
        'I cannot tell who you are: card answers need a signed-in Teams user of an organization. Nothing was changed.';
      return {
        card: replies.render('help', undefined, undefined, {
          timeZone,
          message: { kind: 'error', text },
        }),
        personal: text,
      };
    }
    const roster = needsRoster(action.verb, action.data)
      ? await this.people(incoming, members)
      : [];
    const extra = { timeZone, members: roster };
    const asked: Asked = {
      incoming,
      actor,
      action,
      extra,
      view: (card, e, more = {}) => replies.render(card, e, actor, { ...extra, ...more }),
    };
    const tenant = needsTenant(action.verb) ? await this.tenantRead(incoming, actor) : undefined;
    const door = readCardAction(action.verb, action.data, {
      leadMinutes: this.deps.leadMinutes,
      timeZone,
      members: roster,
      ...(tenant ? { tenant } : {}),
    });
    logger.info({ verb: action.verb, door: door.kind, automatic: action.automatic }, 'card action');
    try {
      return await this.decide(door, asked);
    } catch (err) {
      if (!(err instanceof StoreUnavailableError)) throw err;
      logger.warn({ err: err.message }, 'store unavailable');
      const card = isCardName(action.data.card) ? action.data.card : 'help';
      const { engagement } = await replies
        .readable(incoming)
        .catch(() => ({ engagement: undefined }));
      return {
        card: asked.view(card, engagement, {
          message: { kind: 'error', text: err.message },
          form: action.data,
        }),
        personal: err.message,
      };
    }
  }

  private async decide(door: DoorResult, asked: Asked): Promise<Answer> {
    const { incoming, actor, view } = asked;
    const { engagements, replies } = this.deps;
    switch (door.kind) {
      case 'refresh':
      case 'show': {
        const { engagement, message } = await replies.readable(incoming);
        if (message) return { card: view('help', undefined, { message }), personal: message.text };
        if (door.kind === 'show') return { card: view(door.card, engagement) };
        const saved = engagement ? savedByViewer(engagement, actor, door.card) : undefined;
        return {
          card: view(door.card, engagement, {
            ...(door.followUpId ? { followUpId: door.followUpId } : {}),
            ...(saved ? { message: saved } : {}),
          }),
        };
      }
      case 'export':
        return exportDocuments(this.deps, incoming, actor, view, asked.extra.timeZone);
      case 'invalid': {
        const { engagement } = await replies.readable(incoming);
        const text = `${door.message} Nothing was saved.`;
        return {
          card: view(door.card, engagement, { message: { kind: 'error', text }, form: door.form }),
          personal: text,
        };
      }
      case 'start': {
        const input = {
          customer: door.customer,
          tenantId: incoming.tenantId ?? actor.tenantId,
          conversationId: incoming.conversationId,
          conversationType: incoming.conversationKind,
          conversationReference: incoming.reference,
        };
        return this.after(
          'roles',
          await engagements.start(input, actor, incoming.activityId),
          asked,
        );
      }
      case 'action': {
        const note = await this.deps.tenant?.beforeGate(
          door.action,
          async () => (await replies.readable(incoming)).engagement,
          (read) =>
            engagements.act(
              incoming.conversationId,
              read,
              actor,
              incoming.activityId && `${incoming.activityId}:tenant`,
            ),
        );
        const decision = await engagements.act(
          incoming.conversationId,
          door.action,
          actor,
          incoming.activityId,
        );
        return this.after(door.card, decision, asked, note);
      }
    }
  }

  /**
   * The chat's members and the engagement's people (someone who left the chat can still be
   * removed). With the store down, the chat's members alone: the answer then says "not saved".
   */
  private async people(incoming: Incoming, members: () => Promise<Member[]>): Promise<Member[]> {
    const readable = this.deps.replies.readable(incoming).catch((err: unknown) => {
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

  /** The engagement's tenant read for the person, when reading is set up (the door says why not otherwise). */
  private async tenantRead(incoming: Incoming, actor: Actor) {
    if (!this.deps.tenant) return undefined;
    const { engagement } = await this.deps.replies.readable(incoming);
    return this.deps.tenant.forDoor(engagement, actor);
  }

  /** The card after a decision: the refusal with what was typed kept, or the saved state for all. */
  private after(card: CardName, decision: Decision, asked: Asked, note?: string): Answer {
    const { actor, action, view, extra } = asked;
    const noted = (text: string) => (note ? `${note} ${text}` : text);
    if (!decision.ok) {
      const message = { kind: 'error' as const, text: noted(describeRefusal(decision.refusal)) };
      const shown = decision.engagement ? card : 'help';
      return {
        card: view(shown, decision.engagement, { message, form: action.data }),
        personal: message.text,
      };
    }
    if (decision.duplicate) {
      const message = { kind: 'success' as const, text: noted('Already recorded.') };
      return {
        card: view(card, decision.engagement, { message }),
        shared: this.deps.replies.render(card, decision.engagement, undefined, extra),
        duplicate: true,
      };
    }
    // The clicker's view and the shared card both say what was saved: whichever of the two
    // reaches the clicker's client last, the confirmation is on screen.
    const message = {
      kind: 'success' as const,
      text: noted(`Saved: ${actor.name} ${decision.summary}.`),
    };
    return {
      card: view(card, decision.engagement, { message }),
      shared: this.deps.replies.render(card, decision.engagement, undefined, { ...extra, message }),
    };
  }
}
