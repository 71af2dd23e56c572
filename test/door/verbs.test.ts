/**
 * The verb table and the card templates agree: each entry's button is on the card the entry
 * names, and every verb a template carries has an entry (action or navigation).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CARD_NAMES, type CardName } from '../../src/door/card-names.js';
import { isNavigationVerb } from '../../src/door/navigation.js';
import { CONVERSATION_VERBS } from '../../src/door/verbs/conversation.js';
import { FOLLOW_UP_VERBS } from '../../src/door/verbs/followups.js';
import { HANDOFF_VERBS } from '../../src/door/verbs/handoff.js';
import { IDENTITY_VERBS } from '../../src/door/verbs/identity.js';
import { ACTION_VERB_LIST, isActionVerb, VERBS } from '../../src/door/verbs/index.js';
import { PHASE_VERBS } from '../../src/door/verbs/phase.js';
import { SETUP_VERBS } from '../../src/door/verbs/setup.js';
import { TENANT_VERBS } from '../../src/door/verbs/tenant.js';
import { WORKSHOP_VERBS } from '../../src/door/verbs/workshop.js';

const CARDS_DIR = path.join(__dirname, '..', '..', 'cards');

/** The verbs of the buttons in a card template, as written there. */
function verbsIn(card: CardName): string[] {
  const json = readFileSync(path.join(CARDS_DIR, `${card}.json`), 'utf8');
  return [...json.matchAll(/"verb":\s*"([^"]+)"/g)].map((m) => m[1]!);
}

test.each(ACTION_VERB_LIST)('the button of %s is on the card its entry names', (verb) => {
  expect(verbsIn(VERBS[verb].card)).toContain(verb);
});

test.each(CARD_NAMES)('every button of the %s template has an entry', (card) => {
  const unknown = verbsIn(card).filter((v) => !isActionVerb(v) && !isNavigationVerb(v));
  expect(unknown).toEqual([]);
});

test('no verb is spelled in two groups (the table would keep only the last)', () => {
  const groups = [
    SETUP_VERBS,
    TENANT_VERBS,
    CONVERSATION_VERBS,
    IDENTITY_VERBS,
    WORKSHOP_VERBS,
    HANDOFF_VERBS,
    FOLLOW_UP_VERBS,
    PHASE_VERBS,
  ];
  const spelled = groups.flatMap((group) => Object.keys(group));
  expect(spelled.filter((verb, i) => spelled.indexOf(verb) !== i)).toEqual([]);
  expect(spelled).toHaveLength(ACTION_VERB_LIST.length);
});
