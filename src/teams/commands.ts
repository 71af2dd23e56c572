import type { CardName } from '../cards/renderer.js';

export type Command =
  | { kind: 'start'; customer: string }
  | { kind: 'show'; card: CardName }
  | { kind: 'help'; unknown: boolean };

const CARD_COMMANDS: Record<string, CardName> = {
  roles: 'roles',
  licensing: 'licensing',
  agenda: 'agenda',
  identity: 'identity',
  auth: 'auth',
  workshop: 'workshop',
  handoff: 'handoff',
  followup: 'followup',
  followups: 'followup',
  status: 'status',
  summary: 'summary',
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
