/**
 * What a person typed comes back on the card after a refusal, as each kind of input can hold it;
 * what an input cannot hold is left out rather than shown wrong.
 */
import { CardRenderer } from '../../src/cards/renderer.js';
import type { CardRequest } from '../../src/cards/types.js';
import { FE, FM, midway, NOW } from '../support/engagements.js';
import { inputs } from './adaptive.js';

const renderer = new CardRenderer();
const e = midway();

function valuesOn(req: Omit<CardRequest, 'now' | 'engagement'>, ids: string[]) {
  const json = renderer.render({ ...req, engagement: e, now: NOW });
  const found = inputs(json);
  return Object.fromEntries(ids.map((id) => [id, found.get(id)?.value]));
}

test('dates, times and numbers come back only when the input can hold them', () => {
  const form = { fuDate: '2025-05-01', fuTime: '14:30:15' };
  expect(
    valuesOn({ card: 'followup', viewer: { id: FM.id, role: 'FM' }, form }, ['fuDate', 'fuTime']),
  ).toEqual({ fuDate: '2025-05-01', fuTime: '14:30' });

  const wrong = { fuDate: 'next Tuesday', fuTime: '25:00' };
  const shown = valuesOn({ card: 'followup', viewer: { id: FM.id, role: 'FM' }, form: wrong }, [
    'fuDate',
    'fuTime',
  ]);
  expect(shown).toEqual({ fuDate: undefined, fuTime: undefined });

  const fe = { id: FE.id, role: 'FE' as const };
  expect(
    valuesOn({ card: 'workshop', viewer: fe, form: { mfaRegistered: ' 12 ', mfaTotal: 40 } }, [
      'mfaRegistered',
      'mfaTotal',
    ]),
  ).toEqual({ mfaRegistered: 12, mfaTotal: 40 });
  const notNumbers = valuesOn(
    { card: 'workshop', viewer: fe, form: { mfaRegistered: 'twelve', mfaTotal: ' ' } },
    ['mfaRegistered', 'mfaTotal'],
  );
  expect(notNumbers.mfaRegistered).not.toBe('twelve');
  expect(typeof notNumbers.mfaRegistered).toBe('number');
  expect(typeof notNumbers.mfaTotal).toBe('number');
});

test('a multi-select comes back as its list; text is cut to what the input takes', () => {
  const fm = { id: FM.id, role: 'FM' as const };
  expect(
    valuesOn(
      {
        card: 'licensing',
        viewer: fm,
        form: { licences: ['m365e5', 'emse3'], licensingNotes: 'n'.repeat(5000) },
      },
      ['licences', 'licensingNotes'],
    ),
  ).toEqual({ licences: 'm365e5,emse3', licensingNotes: 'n'.repeat(2000) });
});

test('what no input can show (an object, null) is left as the card had it', () => {
  const fm = { id: FM.id, role: 'FM' as const };
  const plain = valuesOn({ card: 'licensing', viewer: fm }, ['licensingNotes', 'licences']);
  expect(
    valuesOn(
      { card: 'licensing', viewer: fm, form: { licensingNotes: { x: 1 }, licences: null } },
      ['licensingNotes', 'licences'],
    ),
  ).toEqual(plain);
});
