import type { CardName } from '../cards/renderer.js';
import { TEXT_COMMANDS } from '../cards/views/help.js';

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
