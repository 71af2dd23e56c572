import { CARD_NAMES } from '../../src/door/card-names.js';
import { NAVIGATION_VERBS } from '../../src/door/navigation.js';
import { readCardAction } from '../../src/door/read.js';
import type { DoorContext } from '../../src/door/result.js';
import { ACTION_VERB_LIST } from '../../src/door/verbs/index.js';

const ctx: DoorContext = {
  leadMinutes: 60,
  timeZone: 'Europe/Berlin',
  members: [{ id: 'aad-ana', name: 'Ana Ruiz' }],
};
const door = (verb: string, data: Record<string, unknown>) => readCardAction(verb, data, ctx);

/**
 * Every message the door gives for bad input has one of these forms: a sentence a person can
 * act on, naming the field, never a parser's own words ("Invalid input", "expected string").
 */
const SENTENCES = [
  /^Choose (a|an|the) [\w -]+\.$/,
  /^Give the [\w ]+\.$/,
  /^Name the customer\.$/,
  /^"[^"]*" is not (a|an|one of the) [\w -]+ I know(: choose one from the list)?\.$/,
  /^The [\w ]+ must be (text|a date|a time|one of the choices|chosen from the list|a whole number)\.$/,
  /^The [\w ]+ must be text, one app per line\.$/,
  /^The SaaS app name "[^"]*" is too long: shorten it by about [\d,]+ characters?\.$/,
  /^The [\w ]+ must be a (date|time|whole number),? like [\d:-]+; "[^"]*" is not\.$/,
  /^The [\w ]+ is too long: shorten it by about [\d,]+ characters?\.$/,
  /^That button opens no card I know\.$/,
  /^Type the customer's name to confirm the deletion\.$/,
  /^Reading the customer's tenant is not set up for this bot; the facts typed on the cards count\.$/,
  /^That card cannot be refreshed: it names no card I know\.$/,
  /^I do not know that button \("[^"]*"\)\. The card may be out of date: open it again\.$/,
];

describe('malformed answers: unknown verbs, data that is not a form, anything at all in the fields', () => {
  test('what the person typed is kept (without the technical keys), for the card the button was on', () => {
    const data = {
      card: 'workshop',
      msteams: { type: 'task/fetch' },
      open: 'status',
      feature: 'saasSso',
      choice_saasSso: 'notPlanned',
      reason_saasSso: 'r'.repeat(600),
    };
    expect(readCardAction('workshop.decide', data, ctx)).toEqual({
      kind: 'invalid',
      card: 'workshop',
      message: 'The reason is too long: shorten it by about 100 characters.',
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
          expect(SENTENCES.some((form) => form.test(result.message))).toBe(true);
        }
      }
    }
  });

  test.each([
    ['roles.assign', { personId: { id: 'x' } }, 'The person must be text.'],
    [
      'roles.assign',
      { personId: 'aad-ana', role: 'boss' },
      '"boss" is not a role I know: choose one from the list.',
    ],
    ['licensing.record', { licences: [1, 'a'] }, 'The licences must be chosen from the list.'],
    ['licensing.record', { licences: 'm365e3,e9' }, '"e9" is not one of the licences I know.'],
    [
      'conversation.schedule',
      { conversationDate: 'tomorrow', conversationTime: '10:00' },
      'The date must be a date like 2025-04-30; "tomorrow" is not.',
    ],
    ['conversation.schedule', { conversationDate: ['2025-04-30'] }, 'The date must be a date.'],
    [
      'agenda.acknowledge',
      { topics: 'importance', question: { text: 'q' } },
      'The question must be text.',
    ],
    [
      'workshop.mfa',
      { mfaRegistered: 1.5, mfaTotal: 10 },
      'The number of users registered for MFA must be a whole number, like 250; "1.5" is not.',
    ],
    [
      'workshop.mfa',
      { mfaRegistered: true, mfaTotal: 10 },
      'The number of users registered for MFA must be a whole number.',
    ],
    [
      'workshop.mfa',
      { mfaRegistered: '', mfaTotal: 10 },
      'Give the number of users registered for MFA.',
    ],
    ['identity.complete', { step: 'x' }, '"x" is not a Prepare Identity step I know.'],
    ['followup.cancel', {}, 'Choose the follow-up.'],
    [
      'engagement.start',
      { customer: 'x'.repeat(121) },
      'The customer name is too long: shorten it by about 1 character.',
    ],
    ['engagement.start', { customer: ' ' }, 'Name the customer.'],
    ['show', { open: 'x' }, 'That button opens no card I know.'],
    ['refresh', { card: 'x' }, 'That card cannot be refreshed: it names no card I know.'],
  ])('%s with %j: "%s"', (verb, data, message) => {
    expect(door(verb, data)).toMatchObject({ kind: 'invalid', message });
    expect(SENTENCES.some((form) => form.test(message))).toBe(true);
  });
});
