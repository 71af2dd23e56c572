import { CARD_NAMES } from '../../src/door/card-names.js';
import { NAVIGATION_VERBS } from '../../src/door/navigation.js';
import { readCardAction } from '../../src/door/read.js';
import { readSubmitAction } from '../../src/teams/activity.js';
import type { DoorContext } from '../../src/door/result.js';
import { ACTION_VERB_LIST } from '../../src/door/verbs/index.js';

const ctx: DoorContext = {
  leadMinutes: 60,
  timeZone: 'Europe/Berlin',
  members: [{ id: 'aad-ana', name: 'Ana Ruiz' }],
};
const door = (verb: string, data: Record<string, unknown>) => readCardAction(verb, data, ctx);

describe('malformed answers: unknown verbs, data that is not a form, anything at all in the fields', () => {
  test('what the person typed is kept (without the technical keys), for the card the button was on', () => {
    const data = {
      verb: 'workshop.decide',
      card: 'workshop',
      feature: 'saasSso',
      choice_saasSso: 'notPlanned',
      reason_saasSso: 'r'.repeat(600),
    };
    const submitted = readSubmitAction(data)!;
    const result = readCardAction(submitted.verb, { ...submitted.data, verb: 'ignored' }, ctx);
    expect(result).toEqual({
      kind: 'invalid',
      card: 'workshop',
      message: 'The reason is 600 characters long; at most 500 fit.',
      form: { feature: 'saasSso', choice_saasSso: 'notPlanned', reason_saasSso: 'r'.repeat(600) },
    });
  });

  test('an unknown or missing verb', () => {
    expect(door('workshop.hack', { card: 'workshop', x: 1 })).toEqual({
      kind: 'invalid',
      card: 'workshop',
      message:
        'I do not know that button ("workshop.hack"). The card may be out of date: open it again.',
      form: { x: 1 },
    });
    expect(door('', { card: 'status' })).toMatchObject({
      kind: 'invalid',
      card: 'status',
      message: expect.stringContaining('with no verb'),
    });
    expect(readCardAction(undefined as unknown as string, { verb: 42 }, ctx)).toMatchObject({
      kind: 'invalid',
      card: 'help',
    });
  });

  test('malformed data: not an object, too large, or not serializable', () => {
    for (const data of [null, undefined, 'x', 42, ['a']]) {
      expect(
        readCardAction('licensing.record', data as unknown as Record<string, unknown>, ctx),
      ).toEqual({
        kind: 'invalid',
        card: 'help',
        message: 'That answer could not be read. Please try the card again.',
        form: {},
      });
    }
    expect(
      door('licensing.record', {
        card: 'licensing',
        licences: 'm365e3',
        licensingNotes: 'x'.repeat(70_000),
      }),
    ).toMatchObject({
      kind: 'invalid',
      card: 'licensing',
      message: 'That answer is too large to keep. Shorten the longest text and try again.',
    });
    const circular: Record<string, unknown> = { card: 'roles' };
    circular.self = circular;
    expect(door('roles.assign', circular)).toMatchObject({ kind: 'invalid', card: 'roles' });
  });

  test('never throws, whatever arrives in any field of any verb', () => {
    const weird: unknown[] = [
      undefined,
      null,
      0,
      -1,
      1.5,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      true,
      {},
      [],
      [1, 'a'],
      '',
      ' ',
      '💥'.repeat(300),
      '__proto__',
      'constructor',
      'a,b,,c',
    ];
    const fields = [
      'card',
      'open',
      'customer',
      'personId',
      'role',
      'title',
      'licences',
      'addOns',
      'licensingNotes',
      'conversationDate',
      'conversationTime',
      'conversationZone',
      'topics',
      'question',
      'level_identity',
      'step',
      'note_forests',
      'preferMethod',
      'authMethod',
      'authRationale',
      'authDecidedBy',
      'feature',
      'choice_saasSso',
      'date_saasSso',
      'reason_saasSso',
      'policy',
      'caState_admins',
      'mfaRegistered',
      'mfaTotal',
      'mfaApproach',
      'saasGallery',
      'recommendedWorkshops',
      'fuKind',
      'fuDate',
      'fuTime',
      'fuZone',
      'fuAttendees',
      'followUpId',
      'date_fu-1',
    ];
    const kinds = new Set(['action', 'start', 'show', 'refresh', 'export', 'invalid']);
    for (const verb of [...ACTION_VERB_LIST, ...NAVIGATION_VERBS, 'unknown']) {
      for (const value of weird) {
        const data = Object.fromEntries(fields.map((f) => [f, value]));
        const result = readCardAction(verb, data, ctx);
        expect(kinds.has(result.kind)).toBe(true);
        if (result.kind === 'invalid') {
          expect(CARD_NAMES).toContain(result.card);
          expect(result.message.length).toBeGreaterThan(0);
        }
      }
    }
  });
});
