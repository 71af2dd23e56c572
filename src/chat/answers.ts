import type { Logger } from 'pino';
import { typed } from '../cards/text.js';
import type { AdaptiveCard } from '../cards/types.js';
import { isCardName, type CardName } from '../door/card-names.js';
import { needsRoster, needsTenant, readCardAction } from '../door/read.js';
import { memberFacts } from '../door/members.js';
import type { DoorResult, Member } from '../door/result.js';
import type { Decision } from '../playbook/apply.js';
import type { Actor, Engagement } from '../playbook/engagement.js';
import { describeRefusal } from '../playbook/refusal.js';
import { StoreUnavailableError } from '../store/store.js';
import type { ChatCard } from '../playbook/chat-cards.js';
import type { CardUpdate } from './card-messages.js';
import { exportDocuments } from './exports.js';
import { savedByViewer } from './saved.js';
import { typedText } from './typed-text.js';
import type { CardAction, Incoming } from './incoming.js';
import { UNKNOWN_PERSON } from './replies.js';
import type { Answer, AnswerDeps, Asked } from './answer.js';
import { chatPeople, starter } from './members-now.js';

export type { Answer, AnswerDeps } from './answer.js';

/**
 * The answer to someone who takes no part in the engagement: why, on a card that shows nothing
 * of it and offers nothing, and the same words for a client without a view of its own.
 */
function outsiderView(asked: Asked, text: string): Answer {
  const message = { kind: 'error' as const, text };
  return { card: asked.view('help', undefined, { message, noActions: true }), personal: text };
}

/** Decides the answer to one card action: Action.Execute and its Action.Submit fallback both come here. */
export class CardAnswers {
  constructor(private readonly deps: AnswerDeps) {}

  /**
   * After the answer is in place: the chat's other card messages (but `except`, the ones it just
   * put in place) whose shared card the change made stale, each with its fresh card.
   */
  staleMessages(answer: Answer, except: ReadonlySet<string>): CardUpdate[] {
    const { messages } = this.deps;
    if (answer.cleared) {
      const { engagement, note } = answer.cleared;
      return messages.cleared(engagement, except, note);
    }
    return answer.changed ? messages.stale(answer.changed, except) : [];
  }

  /** Records the card messages an answer put in place, and forgets those gone from the chat. */
  recordMessages(conversationId: string, records: ChatCard[], gone: string[]): Promise<void> {
    return this.deps.messages.record(conversationId, records, gone);
  }

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
      return {
        card: replies.render('help', undefined, undefined, {
          timeZone,
          message: { kind: 'error', text: UNKNOWN_PERSON },
        }),
        personal: UNKNOWN_PERSON,
      };
    }
    const roster = needsRoster(action.verb, action.data)
      ? await chatPeople(this.deps.engagements, incoming, members)
      : { members: [] };
    const extra = {
      timeZone,
      members: roster.members,
      ...(incoming.timeZone ? { viewerZone: incoming.timeZone } : {}),
    };
    const asked: Asked = {
      incoming,
      actor,
      action,
      extra,
      members,
      view: (card, e, more = {}) => replies.render(card, e, actor, { ...extra, ...more }),
    };
    const tenant = needsTenant(action.verb)
      ? await this.tenantRead(incoming, actor, members)
      : undefined;
    const door = readCardAction(action.verb, action.data, {
      leadMinutes: this.deps.leadMinutes,
      timeZone,
      ...roster,
      ...(tenant ? { tenant } : {}),
    });
    logger.debug(
      { verb: action.verb, door: door.kind, automatic: action.automatic },
      'card action',
    );
    try {
      return await this.decide(door, asked);
    } catch (err) {
      if (!(err instanceof StoreUnavailableError)) throw err;
      logger.warn({ err: err.message }, 'store unavailable');
      return { card: this.notSaved(err, asked), personal: err.message };
    }
  }

  /**
   * The card of a failed answer: the form the person answered, with what they typed and what the
   * store said ("not saved", or "not confirmed"). The store is not asked again (its failure ended
   * the request's store work): the form is laid out on the engagement as this instance last saw
   * it; an instance that never saw it keeps what was typed in the message instead.
   */
  private notSaved(err: StoreUnavailableError, asked: Asked): AdaptiveCard {
    const { action, incoming } = asked;
    const card = isCardName(action.data.card) ? action.data.card : 'help';
    const engagement = this.deps.replies.lastSeen(incoming);
    const echo = engagement ? '' : typedText(action.data);
    return asked.view(card, engagement, {
      message: { kind: 'error', text: echo ? `${err.message} You typed: ${echo}` : err.message },
      form: action.data,
      storeFailed: true,
    });
  }

  private async decide(door: DoorResult, asked: Asked): Promise<Answer> {
    const { incoming, actor, view, members } = asked;
    const { engagements, replies } = this.deps;
    switch (door.kind) {
      case 'refresh':
      case 'show': {
        const { engagement, message } = await replies.readable(incoming, members);
        if (message) return outsiderView(asked, message.text);
        if (door.kind === 'show') return this.shown(door.card, engagement, asked);
        const saved = engagement ? savedByViewer(engagement, actor, door.card) : undefined;
        return {
          card: view(door.card, engagement, {
            ...(door.followUpId ? { followUpId: door.followUpId } : {}),
            ...(saved ? { message: saved } : {}),
          }),
        };
      }
      case 'export': {
        const readable = await replies.readable(incoming, members);
        if (readable.message) return outsiderView(asked, readable.message.text);
        return exportDocuments(this.deps, readable, actor, view, asked.extra.timeZone);
      }
      case 'invalid': {
        const { engagement } = await replies.readable(incoming, members);
        const text = `${door.message} Nothing was saved.`;
        return {
          card: view(door.card, engagement, { message: { kind: 'error', text }, form: door.form }),
          personal: text,
        };
      }
      case 'start': {
        const me = await starter(incoming, members);
        if (typeof me === 'string') return outsiderView(asked, me);
        const input = {
          customer: door.customer,
          tenantId: incoming.tenantId ?? actor.tenantId,
          conversationId: incoming.conversationId,
          conversationType: incoming.conversationKind,
          conversationReference: incoming.reference,
          ...(incoming.chatUrl ? { chatUrl: incoming.chatUrl } : {}),
          ...(me ? { starter: memberFacts(me) } : {}),
        };
        return this.after(
          'roles',
          await engagements.start(input, actor, incoming.activityId),
          asked,
          true,
        );
      }
      case 'action': {
        const note = await this.deps.tenant?.beforeGate(
          door.action,
          async () => (await replies.readable(incoming, asked.members)).engagement,
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
        return this.after(door.card, decision, asked, false, note);
      }
    }
  }

  /**
   * A card someone opened: their own view in place of the card (Action.Execute). A client without
   * views of its own (Action.Submit) gets the card as a new message of the chat, the shared one,
   * so the message it was asked from stays what it was.
   */
  private shown(card: CardName, engagement: Engagement | undefined, asked: Asked): Answer {
    const mine = asked.view(card, engagement);
    if (!asked.action.submitted) return { card: mine };
    const shared = this.deps.messages.shared(card, engagement);
    return { card: mine, post: shared.card, ...(engagement ? { postedAs: shared.record } : {}) };
  }

  /** The engagement's tenant read for the person, when reading is set up (the door says why not otherwise). */
  private async tenantRead(incoming: Incoming, actor: Actor, members: () => Promise<Member[]>) {
    if (!this.deps.tenant) return undefined;
    const { engagement } = await this.deps.replies.readable(incoming, members);
    return this.deps.tenant.forDoor(engagement, actor);
  }

  /**
   * The card after a decision: the refusal with what was typed kept, or the saved state for all.
   * The message pressed on gets its own card, fresh (never the card of a view opened from it);
   * a start posts the roles card as a new message.
   */
  private after(
    card: CardName,
    decision: Decision,
    asked: Asked,
    started = false,
    note?: string,
  ): Answer {
    const { actor, action, view, incoming } = asked;
    const noted = (text: string) => (note ? `${note} ${text}` : text);
    const { messages } = this.deps;
    if (!decision.ok && decision.refusal.kind === 'outsider')
      return outsiderView(asked, describeRefusal(decision.refusal));
    if (!decision.ok) {
      const message = { kind: 'error' as const, text: noted(describeRefusal(decision.refusal)) };
      const shown = decision.engagement ? card : 'help';
      return {
        card: view(shown, decision.engagement, { message, form: action.data }),
        personal: message.text,
      };
    }
    const e = decision.engagement;
    if (action.verb === 'engagement.delete' && !decision.duplicate) return this.deleted(e, asked);
    const duplicate = !!decision.duplicate;
    // The clicker's view and the shared card both say what was saved: whichever of the two
    // reaches the clicker's client last, the confirmation is on screen.
    const message = duplicate
      ? { kind: 'success' as const, text: noted('Already recorded.') }
      : { kind: 'success' as const, text: noted(`Saved: ${actor.name} ${decision.summary}.`) };
    const roster = asked.extra.members ?? [];
    const members = roster.length > 0 ? { members: roster } : {};
    const home = messages.pressedOn(e, incoming, action, started);
    const shared = home
      ? messages.shared(home.card, e, {
          ...(duplicate ? {} : { message }),
          ...(home.card === 'roles' ? members : {}),
          ...(home.followUpId ? { followUpId: home.followUpId } : {}),
        })
      : undefined;
    const posted = started && !duplicate ? messages.shared('roles', e, members) : undefined;
    return {
      card: view(card, e, { message }),
      ...(shared ? { shared: shared.card, sharedAs: shared.record } : {}),
      ...(posted ? { post: posted.card, postedAs: posted.record } : {}),
      ...(duplicate ? { duplicate: true } : { changed: e }),
    };
  }

  /** The engagement is gone: the clicker is told, and the chat gets one notice. */
  private deleted(e: Engagement, asked: Asked): Answer {
    const { actor, view, incoming, action } = asked;
    const { customer } = e;
    const text = `Deleted: the engagement with ${customer} and everything recorded for it.`;
    const note = { kind: 'info' as const, text: `${actor.name} deleted this chat's engagement.` };
    const home = this.deps.messages.pressedOn(e, incoming, action) ?? { card: 'help' as const };
    return {
      card: view('help', undefined, { message: { kind: 'success', text } }),
      shared: this.deps.replies.shared(home.card, undefined, { message: note }),
      post:
        `${typed(actor.name)} deleted the engagement with ${typed(customer)} and everything the bot recorded for it: ` +
        'its people, answers, decisions, hand-off and follow-ups. No reminder of it will be sent.',
      cleared: { engagement: e, note: note.text },
    };
  }
}
