import type { Logger } from 'pino';
import { TEXT_COMMANDS } from '../cards/views/help.js';
import type { CardName } from '../door/card-names.js';
import type { Member } from '../door/result.js';
import { StoreUnavailableError } from '../store/store.js';
import type { CardAnswers } from './answers.js';
import type { Incoming } from './incoming.js';
import { replyTo, type Message, type Post, type Replies } from './replies.js';

export type Command =
  | { kind: 'start'; customer: string }
  | { kind: 'show'; card: CardName }
  | { kind: 'help'; unknown: boolean };

/** The words that bring up a card: the help card's list, and a plural people type anyway. */
const CARD_COMMANDS: Readonly<Record<string, CardName>> = {
  ...Object.fromEntries(
    TEXT_COMMANDS.flatMap((c) => (c.card && c.card !== 'help' ? [[c.command, c.card]] : [])),
  ),
  followups: 'followup',
};

/** What a person typed (mention already stripped): a command, whatever the case. */
export function parseCommand(text: string): Command {
  const trimmed = text.trim();
  const [first = '', ...rest] = trimmed.split(/\s+/);
  const word = first.toLowerCase().replace(/^\//, '');
  if (word === 'start') return { kind: 'start', customer: rest.join(' ') };
  if (word === 'help' || word === '') return { kind: 'help', unknown: false };
  const card = CARD_COMMANDS[word];
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

/** The answers to what people type, and to people joining the chat. */
export class CommandAnswers {
  constructor(
    private readonly replies: Replies,
    private readonly cardAnswers: CardAnswers,
  ) {}

  /** What to post for a typed message; nothing for a start Teams delivered again. */
  async answer(
    incoming: Incoming,
    text: string,
    members: () => Promise<Member[]>,
    logger: Logger,
  ): Promise<Post | undefined> {
    const command = parseCommand(text);
    logger.info({ command: command.kind }, 'command');
    if (command.kind === 'start') {
      const data = { card: 'help', customer: command.customer };
      const action = { verb: 'engagement.start', data, automatic: false };
      const answer = await this.cardAnswers.answer(incoming, action, members, logger);
      if (answer.duplicate) return undefined;
      if (answer.personal !== undefined) return replyTo(incoming.actor, answer.personal);
      return answer.shared ?? answer.card;
    }
    try {
      const { engagement, message } = await this.replies.readable(incoming);
      // Another organization's engagement: a word to the person who asked, not a card for all.
      if (message) return replyTo(incoming.actor, message.text);
      if (command.kind === 'help' || !engagement) {
        const note = helpNote(command);
        return this.replies.render(
          'help',
          engagement,
          incoming.actor,
          note ? { message: note } : {},
        );
      }
      const roster = command.card === 'roles' ? await members() : [];
      return this.replies.render(command.card, engagement, undefined, {
        members: roster,
        timeZone: this.replies.zoneOf(incoming),
      });
    } catch (err) {
      if (!(err instanceof StoreUnavailableError)) throw err;
      return err.message;
    }
  }

  /** The help card when the bot joins a chat; a welcome, by name, when people do. */
  async welcome(
    incoming: Incoming,
    joined: { name?: string }[],
    botAdded: boolean,
  ): Promise<Post | undefined> {
    const { engagement } = await this.replies
      .readable(incoming)
      .catch(() => ({ engagement: undefined }));
    if (botAdded) return this.replies.render('help', engagement, undefined);
    if (joined.length === 0) return undefined;
    const welcomeNames = joined.flatMap((m) => (m.name ? [m.name] : [])).slice(0, 20);
    return this.replies.render('welcome', engagement, undefined, { welcomeNames });
  }
}
