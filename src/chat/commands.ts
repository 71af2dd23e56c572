import type { Logger } from 'pino';
import { TEXT_COMMANDS } from '../cards/views/help.js';
import type { CardName } from '../door/card-names.js';
import type { Member } from '../door/result.js';
import type { MemberRef } from '../playbook/membership.js';
import { StoreUnavailableError } from '../store/store.js';
import type { CardAnswers } from './answers.js';
import type { CardMessages, CardRecord } from './card-messages.js';
import type { Engagements } from './engagements.js';
import { RosterUnavailableError, type Incoming } from './incoming.js';
import { replyTo, type Message, type Post, type Replies } from './replies.js';

export type Command =
  | { kind: 'start'; customer: string }
  | { kind: 'show'; card: CardName }
  | { kind: 'engagements' }
  | { kind: 'help'; unknown: boolean };

/**
 * The words that bring up a card: the help card's list, and a plural people type anyway. A Map,
 * so a typed word is only ever one of these (never `constructor`, `__proto__` or another name
 * every plain object has).
 */
const CARD_COMMANDS: ReadonlyMap<string, CardName> = new Map([
  ...TEXT_COMMANDS.flatMap((c): [string, CardName][] =>
    c.card && c.card !== 'help' ? [[c.command, c.card]] : [],
  ),
  ['followups', 'followup'],
]);

/** What a person typed (mention already stripped): a command, whatever the case. */
export function parseCommand(text: string): Command {
  const trimmed = text.trim();
  const [first = '', ...rest] = trimmed.split(/\s+/);
  const word = first.toLowerCase().replace(/^\//, '');
  if (word === 'start') return { kind: 'start', customer: rest.join(' ') };
  if (word === 'engagements') return { kind: 'engagements' };
  if (word === 'help' || word === '') return { kind: 'help', unknown: false };
  const card = CARD_COMMANDS.get(word);
  return card ? { kind: 'show', card } : { kind: 'help', unknown: true };
}

/** Why the help card is shown, when it was not asked for. */
function helpNote(command: Command): Message | undefined {
  if (command.kind === 'help') {
    return command.unknown
      ? { kind: 'info', text: 'I did not understand that. Here is what I can do.' }
      : undefined;
  }
  return {
    kind: 'info',
    text: 'There is no engagement in this chat yet: the FastTrack manager starts one with "start <customer>".',
  };
}

const ONLY_IN_PERSONAL =
  'Type "engagements" in your 1:1 chat with me: the list of your engagements is for you alone.';

/** What to post for a typed message, and, for an engagement's card, what its message shows. */
export interface Said {
  post: Post;
  as?: CardRecord;
}

/** The answers to what people type, and to people joining or leaving the chat. */
export class CommandAnswers {
  constructor(
    private readonly replies: Replies,
    private readonly cardAnswers: CardAnswers,
    private readonly engagements: Engagements,
    private readonly messages: CardMessages,
  ) {}

  /** What to post for a typed message; nothing for a start Teams delivered again. */
  async answer(
    incoming: Incoming,
    text: string,
    members: () => Promise<Member[]>,
    logger: Logger,
  ): Promise<Said | undefined> {
    const command = parseCommand(text);
    logger.debug({ command: command.kind }, 'command');
    if (command.kind === 'start') {
      const data = { card: 'help', customer: command.customer };
      const action = { verb: 'engagement.start', data, automatic: false };
      const answer = await this.cardAnswers.answer(incoming, action, members, logger);
      if (answer.duplicate) return undefined;
      if (answer.personal !== undefined) return { post: replyTo(incoming.actor, answer.personal) };
      if (answer.post === undefined) return { post: answer.card };
      return { post: answer.post, ...(answer.postedAs ? { as: answer.postedAs } : {}) };
    }
    try {
      if (command.kind === 'engagements') return { post: await this.mine(incoming, members) };
      const { engagement, message, again } =
        command.kind === 'show'
          ? await this.replies.posting(incoming, members)
          : { ...(await this.replies.readable(incoming, members)), again: false };
      // Teams delivered this message before, and the card was posted then.
      if (again) return undefined;
      // Someone who takes no part: a word to the person who asked, not a card for all.
      if (message) return { post: replyTo(incoming.actor, message.text) };
      if (command.kind === 'help' || !engagement) {
        const note = helpNote(command);
        const post = this.replies.render(
          'help',
          engagement,
          incoming.actor,
          note ? { message: note } : {},
        );
        return { post };
      }
      const roster = command.card === 'roles' ? await members().catch(() => []) : [];
      const shared = this.messages.shared(command.card, engagement, { members: roster });
      return { post: shared.card, as: shared.record };
    } catch (err) {
      if (!(err instanceof StoreUnavailableError)) throw err;
      return { post: err.message };
    }
  }

  /**
   * In the 1:1 chat, the engagements the person takes part in, across chats and organizations:
   * their own account's and, through the address Teams lists for them, their guest accounts'.
   */
  private async mine(incoming: Incoming, members: () => Promise<Member[]>): Promise<Post> {
    const { actor } = incoming;
    if (incoming.conversationKind !== 'personal' || !actor)
      return this.replies.render('help', undefined, actor, {
        message: { kind: 'info', text: ONLY_IN_PERSONAL },
      });
    const me = await members().then(
      (list) => list.find((m) => m.id === actor.id),
      (err: unknown) => {
        if (err instanceof RosterUnavailableError) return undefined;
        throw err;
      },
    );
    const asker = {
      tenantId: actor.tenantId,
      personId: actor.id,
      ...(me?.userRole ? { userRole: me.userRole } : {}),
    };
    const listing = await this.engagements.listFor(asker, me?.email);
    return this.replies.render('engagements', undefined, actor, {
      listing,
      timeZone: this.replies.zoneOf(incoming),
    });
  }

  /** The help card when the bot joins a chat; a welcome, by name, when people do. */
  async welcome(
    incoming: Incoming,
    joined: { name?: string }[],
    botAdded: boolean,
  ): Promise<Post | undefined> {
    // Posted to the whole chat: it shows what the chat's shared cards show.
    const engagement = await this.engagements.load(incoming.conversationId).catch(() => undefined);
    if (botAdded) return this.replies.render('help', engagement, undefined);
    if (joined.length === 0) return undefined;
    const welcomeNames = joined.flatMap((m) => (m.name ? [m.name] : [])).slice(0, 20);
    return this.replies.render('welcome', engagement, undefined, { welcomeNames });
  }

  /**
   * Teams said members joined or left the chat: someone who left can no longer act, and acts
   * again once back; their role stays on the record. Nothing is posted.
   */
  async membersChanged(
    incoming: Incoming,
    change: { left: MemberRef[]; joined: MemberRef[] },
    logger: Logger,
  ): Promise<void> {
    if (change.left.length === 0 && change.joined.length === 0) return;
    let changed;
    try {
      changed = await this.engagements.membership(
        incoming.conversationId,
        change,
        incoming.activityId,
      );
    } catch (err) {
      if (!(err instanceof StoreUnavailableError)) throw err;
      // Nobody to tell in the chat: the FM can still take the role away on the roles card.
      logger.error({ err: err.message }, 'could not record who joined or left the chat');
      return;
    }
    if (changed)
      logger.info(
        { left: change.left.length, joined: change.joined.length },
        'membership recorded',
      );
  }
}
