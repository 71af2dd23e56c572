import { CardRenderer } from '../../src/cards/renderer.js';
import { CARD_NAMES } from '../../src/door/card-names.js';
import { rolesFor } from '../../src/door/allowed.js';
import { isActionVerb } from '../../src/door/verbs/index.js';
import { actionVerbs, buttons, bytes, cardProblems, objects } from './adaptive.js';
import { request, STATES, VIEWERS } from './matrix.js';

const renderer = new CardRenderer();
const MAX_BYTES = 28 * 1024;

describe.each(CARD_NAMES)('the %s card', (card) => {
  describe.each(STATES)('$name', (state) => {
    test.each(VIEWERS)(
      'expands and validates as Adaptive Cards 1.5 for the $name view',
      (viewer) => {
        const json = renderer.render(request(card, state, viewer));
        const text = JSON.stringify(json);

        expect(cardProblems(json)).toEqual([]);
        expect(json).toMatchObject({
          type: 'AdaptiveCard',
          version: '1.5',
          $schema: expect.stringContaining('adaptive-card.json'),
        });
        expect(bytes(json)).toBeLessThan(MAX_BYTES);
        expect(text).not.toContain('${');
        expect(text).not.toContain('"$when"');
        expect(text).not.toContain('"$data"');

        // Every button is Action.Execute with the card in its data and an Action.Submit fallback carrying the verb.
        for (const b of buttons(json)) {
          expect(b.data).toMatchObject({ card });
          expect(b.fallback).toEqual({
            type: 'Action.Submit',
            title: b.title,
            data: { verb: b.verb, ...(b.data as object) },
            ...(b.associatedInputs ? { associatedInputs: b.associatedInputs } : {}),
          });
        }
        expect(objects(json).filter((o) => o.type === 'Action.Submit').length).toBe(
          buttons(json).length,
        );

        // A person's view shows only what their role may do; the shared view never asks one role.
        const verbs = [...actionVerbs(json)].filter(isActionVerb);
        if (viewer.viewer) {
          for (const verb of verbs) expect(rolesFor(verb)).toContain(viewer.role);
          expect(json.refresh).toBeUndefined();
        }
      },
    );
  });
});

describe("the summary card with the viewer's documents", () => {
  test('lists each link as Action.OpenUrl with the note, and still validates', () => {
    const complete = STATES.find((s) => s.name === 'complete')!;
    const fm = VIEWERS.find((v) => v.name === 'FM')!;
    const json = renderer.render({
      ...request('summary', complete, fm),
      downloads: [
        { title: 'Summary (web page)', url: 'https://bot.example/documents/x/summary.html?sig=a' },
        { title: 'Summary (Markdown)', url: 'https://bot.example/documents/x/summary.md?sig=b' },
      ],
      downloadsNote: 'These links are yours alone and work until 10:15.',
    });
    expect(cardProblems(json)).toEqual([]);
    // The documents' links, beside the card's guidance pages.
    const documents = objects(json).filter(
      (o) => o.type === 'Action.OpenUrl' && String(o.url).startsWith('https://bot.example/'),
    );
    expect(documents).toEqual([
      expect.objectContaining({
        title: 'Summary (web page)',
        url: expect.stringMatching(/summary\.html/),
      }),
      expect.objectContaining({
        title: 'Summary (Markdown)',
        url: expect.stringMatching(/summary\.md/),
      }),
    ]);
    expect(JSON.stringify(json)).toContain('These links are yours alone and work until 10:15.');
  });
});
