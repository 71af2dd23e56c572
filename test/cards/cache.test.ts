import { Template } from 'adaptivecards-templating';
import { CardRenderer } from '../../src/cards/renderer.js';
import { CARD_NAMES } from '../../src/door/card-names.js';
import { FM, midway, NOW } from '../support/engagements.js';

afterEach(() => jest.restoreAllMocks());

test('the renderer builds each card’s Template once, and every render expands that same Template', () => {
  const expand = jest.spyOn(Template.prototype, 'expand');
  const renderer = new CardRenderer();
  const e = midway();
  for (let round = 0; round < 3; round++) {
    for (const card of CARD_NAMES) renderer.render({ card, engagement: e, now: NOW });
  }
  const templates = new Set(expand.mock.contexts);
  expect(templates.size).toBe(CARD_NAMES.length);
  for (const template of templates)
    expect(expand.mock.contexts.filter((t) => t === template)).toHaveLength(3);
});

test('a render leaves nothing behind: the next card is the card a fresh renderer makes', () => {
  const used = new CardRenderer();
  const e = midway();
  // A person's view with a refusal and what they typed, on every card...
  for (const card of CARD_NAMES)
    used.render({
      card,
      engagement: e,
      now: NOW,
      viewer: { id: FM.id, role: 'FM' },
      message: { kind: 'error', text: 'Not saved: try again.' },
      form: { licensingNotes: 'typed by Fiona', question: 'typed by Fiona' },
    });
  // ...then the shared card of each, as everyone sees it: nothing of the person's view remains.
  const fresh = new CardRenderer();
  for (const card of CARD_NAMES) {
    const req = { card, engagement: e, now: NOW };
    expect(used.render(req)).toEqual(fresh.render(req));
  }
});

test('a missing templates folder fails at start, with the path', () => {
  expect(() => new CardRenderer('/nonexistent/cards')).toThrow(/nonexistent/);
});
