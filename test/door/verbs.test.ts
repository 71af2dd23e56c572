/**
 * The verb table and the card templates agree: each entry's button is on the card the entry
 * names, and every verb a template carries has an entry (action or navigation).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CARD_NAMES, type CardName } from '../../src/door/card-names.js';
import { isNavigationVerb } from '../../src/door/navigation.js';
import { ACTION_VERB_LIST, isActionVerb, VERBS } from '../../src/door/verbs/index.js';

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
