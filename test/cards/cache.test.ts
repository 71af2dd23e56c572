import { Template } from 'adaptivecards-templating';
import { CardRenderer, CARD_NAMES } from '../../src/cards/renderer.js';
import { midway, NOW } from '../support/engagements.js';

test('the renderer builds each card’s Template once, and every render expands that same Template', () => {
  const built: Template[] = [];
  const renderer = new CardRenderer(undefined, {
    createTemplate: (json) => {
      const template = new Template(json);
      built.push(template);
      return template;
    },
  });
  expect(built).toHaveLength(CARD_NAMES.length);

  const expands = built.map((t) => jest.spyOn(t, 'expand'));
  const e = midway();
  for (let round = 0; round < 3; round++) {
    for (const card of CARD_NAMES) renderer.render({ card, engagement: e, now: NOW });
  }
  expect(built).toHaveLength(CARD_NAMES.length);
  for (const spy of expands) expect(spy).toHaveBeenCalledTimes(3);
});

test('a renderer is independent of another (no state shared between instances)', () => {
  const a = new CardRenderer();
  const b = new CardRenderer();
  const req = { card: 'status' as const, engagement: midway(), now: NOW };
  expect(a.render(req)).toEqual(b.render(req));
});

test('a missing templates folder fails at start, with the path', () => {
  expect(() => new CardRenderer('/nonexistent/cards')).toThrow(/nonexistent/);
});
