import type { CardName } from '../door/card-names.js';
import { ACTION_VERB_LIST, VERBS } from '../door/verbs/index.js';
import type { Actor, Engagement } from '../playbook/engagement.js';
import type { Message } from './replies.js';

/** The card each playbook action is taken on (its verb's card). */
const CARD_OF_ACTION: ReadonlyMap<string, CardName> = new Map(
  ACTION_VERB_LIST.map((verb) => [VERBS[verb].action, VERBS[verb].card]),
);

/**
 * "Saved: …" on a card the person refreshes right after their own change to it, as in the answer
 * to their click: Teams refreshes a person's view after the shared card was updated, and the
 * confirmation must not vanish then. Only while their change is the engagement's latest.
 */
export function savedByViewer(e: Engagement, viewer: Actor, card: CardName): Message | undefined {
  const last = e.history.at(-1);
  if (!last || last.by !== viewer.id || CARD_OF_ACTION.get(last.action) !== card) return undefined;
  return { kind: 'success', text: `Saved: ${last.byName} ${last.summary}.` };
}
