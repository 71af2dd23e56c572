/**
 * Each template has a sample data file (cards/<name>.data.json) the Adaptive Cards designer can
 * open. The samples are the view models of realistic engagements, so they never go stale:
 * `WRITE_CARD_SAMPLES=1 npx jest test/cards/samples` rewrites them after a view model changes.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Template } from 'adaptivecards-templating';
import type { CardRequest } from '../../src/cards/types.js';
import { viewModel } from '../../src/cards/views/index.js';
import { CARD_NAMES, type CardName } from '../../src/door/card-names.js';
import { complete, LATER, MEMBERS, midway, NOW, withReminders } from '../support/engagements.js';
import { cardProblems } from './adaptive.js';

const CARDS_DIR = path.join(__dirname, '..', '..', 'cards');
const mid = midway();
const done = complete();

const SAMPLES: Record<CardName, CardRequest> = {
  help: { card: 'help', now: NOW },
  welcome: { card: 'welcome', engagement: done, now: NOW, welcomeNames: ['Olga Novak'] },
  roles: { card: 'roles', engagement: mid, now: NOW, members: MEMBERS },
  licensing: { card: 'licensing', engagement: mid, now: NOW },
  agenda: { card: 'agenda', engagement: mid, now: NOW },
  identity: { card: 'identity', engagement: mid, now: NOW },
  auth: { card: 'auth', engagement: mid, now: NOW },
  workshop: { card: 'workshop', engagement: mid, now: NOW },
  handoff: { card: 'handoff', engagement: done, now: NOW },
  followup: { card: 'followup', engagement: withReminders(), now: LATER },
  status: { card: 'status', engagement: mid, now: NOW },
  summary: { card: 'summary', engagement: done, now: NOW },
  reminder: { card: 'reminder', engagement: done, now: NOW, followUpId: 'fu-2' },
  engagements: {
    card: 'engagements',
    now: NOW,
    listing: [
      { engagement: mid, personId: mid.started.by },
      { engagement: done, personId: done.started.by },
    ],
  },
};

describe.each(CARD_NAMES)('cards/%s.data.json', (card) => {
  const file = path.join(CARDS_DIR, `${card}.data.json`);
  const view = viewModel(SAMPLES[card]);

  test('is the view model of a realistic engagement', () => {
    if (process.env.WRITE_CARD_SAMPLES) writeFileSync(file, `${JSON.stringify(view, null, 2)}\n`);
    expect(existsSync(file)).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(view);
  });

  test('expands the template, as the designer does, into a valid card', () => {
    const template = new Template(
      JSON.parse(readFileSync(path.join(CARDS_DIR, `${card}.json`), 'utf8')),
    );
    const json = template.expand({ $root: JSON.parse(readFileSync(file, 'utf8')) });
    expect(JSON.stringify(json)).not.toContain('${');
    expect(cardProblems(json)).toEqual([]);
  });
});
