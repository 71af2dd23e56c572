import { readCardAction } from '../../src/door/read.js';
import type { DoorContext } from '../../src/door/result.js';

const ctx: DoorContext = {
  leadMinutes: 60,
  timeZone: 'Europe/Berlin',
  members: [
    { id: 'aad-ana', name: 'Ana Ruiz' },
    { id: 'aad-gone', name: 'Gone Person', departed: true },
  ],
};
const door = (verb: string, data: Record<string, unknown>) => readCardAction(verb, data, ctx);

const SCHEDULE = {
  card: 'followup',
  fuKind: 'bvd',
  fuDate: '2025-04-08',
  fuTime: '09:00',
  fuZone: 'Europe/Paris',
};
const HANDOFF = { card: 'handoff', mfaApproach: 'caPolicy', mfaRegistered: '10' };

const BAD: [string, string, Record<string, unknown>, string][] = [
  // missing or empty required fields
  ['no licence', 'licensing.record', { card: 'licensing', licences: '' }, 'Choose a licence.'],
  ['no person', 'roles.assign', { card: 'roles', role: 'FE' }, 'Choose a person.'],
  ['no role', 'roles.assign', { card: 'roles', personId: 'aad-ana' }, 'Choose a role.'],
  [
    'stakeholder without title',
    'roles.assign',
    { card: 'roles', personId: 'aad-ana', role: 'stakeholder' },
    'A stakeholder needs a title (BDM, Security Analyst, …).',
  ],
  [
    'no rationale',
    'auth.finalize',
    { card: 'auth', authMethod: 'phs', authRationale: '   ', authDecidedBy: 'Sam' },
    'Give the rationale for the method.',
  ],
  [
    'no level',
    'agenda.assess',
    { card: 'agenda', level_identity: 'basic', level_device: 'new' },
    'Choose a level for information security.',
  ],
  [
    'no decision',
    'workshop.decide',
    { card: 'workshop', feature: 'saasSso' },
    'Choose enable now, planned or not planned.',
  ],
  ['no date', 'followup.schedule', { ...SCHEDULE, fuDate: '' }, 'Choose the date of the meeting.'],
  [
    'no time',
    'conversation.schedule',
    { card: 'agenda', conversationDate: '2025-04-01' },
    'Choose the time of the conversation.',
  ],
  ['no customer', 'engagement.start', { card: 'help', customer: ' ' }, 'Name the customer.'],
  // not one of the choices
  [
    'unknown licence',
    'licensing.record',
    { card: 'licensing', licences: 'm365e3,m365e9' },
    '"m365e9" is not one of the licences I know.',
  ],
  [
    'unknown role',
    'roles.assign',
    { card: 'roles', personId: 'aad-ana', role: 'CEO' },
    '"CEO" is not a role I know: choose one from the list.',
  ],
  [
    'unknown method',
    'auth.prefer',
    { card: 'auth', preferMethod: 'kerberos' },
    '"kerberos" is not an authentication method I know: choose one from the list.',
  ],
  [
    'unknown workshop',
    'handoff.submit',
    { ...HANDOFF, recommendedWorkshops: 'Conduct Nothing' },
    '"Conduct Nothing" is not one of the next workshops I know.',
  ],
  [
    'person not in the chat',
    'roles.assign',
    { card: 'roles', personId: 'aad-mallory', role: 'FM' },
    'That person is not in this chat: choose someone from the list.',
  ],
  [
    'a role for someone who left the chat',
    'roles.assign',
    { card: 'roles', personId: 'aad-gone', role: 'FE' },
    'Gone Person is not in this chat any more: only their role can be removed (choose "No role").',
  ],
  [
    'the FM role for someone who left the chat',
    'roles.handOver',
    { card: 'roles', newFmId: 'aad-gone', fmThen: 'FE' },
    'Gone Person is not in this chat any more: only their role can be removed (choose "No role").',
  ],
  [
    'hand over to nobody',
    'roles.handOver',
    { card: 'roles', fmThen: 'FE' },
    'Choose the new FastTrack Manager.',
  ],
  [
    'hand over without saying what the FM becomes',
    'roles.handOver',
    { card: 'roles', newFmId: 'aad-ana' },
    'Choose the role you keep.',
  ],
  [
    'hand over and stay FM',
    'roles.handOver',
    { card: 'roles', newFmId: 'aad-ana', fmThen: 'FM' },
    '"FM" is not a role I know: choose one from the list.',
  ],
  // per-item forms
  [
    'no feature',
    'workshop.decide',
    { card: 'workshop', choice_saasSso: 'enable' },
    'Choose the security feature.',
  ],
  [
    'unknown feature',
    'workshop.decide',
    { card: 'workshop', feature: 'quantum', choice_quantum: 'enable' },
    '"quantum" is not a security feature I know.',
  ],
  [
    'unknown step',
    'identity.complete',
    { card: 'identity', step: 'authMethod' },
    '"authMethod" is not a Prepare Identity step I know.',
  ],
  [
    'bad follow-up id',
    'followup.cancel',
    { card: 'followup', followUpId: 'drop table' },
    '"drop table" is not a follow-up I know.',
  ],
  [
    'item id not text',
    'workshop.caPolicy',
    { card: 'workshop', policy: 7 },
    'Choose the Conditional Access policy.',
  ],
  // wrong types
  [
    'licences as an object',
    'licensing.record',
    { card: 'licensing', licences: { a: 1 } },
    'The licences must be chosen from the list.',
  ],
  [
    'licences as numbers',
    'licensing.record',
    { card: 'licensing', licences: [1, 2] },
    'The licences must be chosen from the list.',
  ],
  [
    'rationale as an object',
    'auth.finalize',
    { card: 'auth', authMethod: 'phs', authRationale: { x: 1 }, authDecidedBy: 'Sam' },
    'The rationale must be text.',
  ],
  [
    'number as a boolean',
    'workshop.mfa',
    { card: 'workshop', mfaRegistered: true, mfaTotal: 2 },
    'The number of users registered for MFA must be a whole number.',
  ],
  [
    'fractional number',
    'workshop.mfa',
    { card: 'workshop', mfaRegistered: '1.5', mfaTotal: 2 },
    'The number of users registered for MFA must be a whole number, like 250; "1.5" is not.',
  ],
  [
    'negative number',
    'workshop.mfa',
    { card: 'workshop', mfaRegistered: '10', mfaTotal: '-3' },
    'The number of users must be a whole number, like 250; "-3" is not.',
  ],
  [
    'number too large',
    'workshop.mfa',
    { card: 'workshop', mfaRegistered: '1', mfaTotal: '20000000' },
    'The number of users is 20,000,000; at most 10,000,000 fit.',
  ],
  [
    'empty number',
    'handoff.submit',
    { ...HANDOFF, mfaRegistered: '' },
    'Give the number of users registered for MFA.',
  ],
  [
    'apps as a list',
    'handoff.submit',
    { ...HANDOFF, saasGallery: ['Salesforce'] },
    'The list of gallery apps must be text, one app per line.',
  ],
  // malformed dates and times
  [
    'impossible date',
    'followup.schedule',
    { ...SCHEDULE, fuDate: '2025-02-30' },
    'The date must be a date like 2025-04-30; "2025-02-30" is not.',
  ],
  [
    'US date',
    'followup.schedule',
    { ...SCHEDULE, fuDate: '04/08/2025' },
    'The date must be a date like 2025-04-30; "04/08/2025" is not.',
  ],
  [
    'bad time',
    'followup.schedule',
    { ...SCHEDULE, fuTime: '9am' },
    'The time must be a time like 14:30; "9am" is not.',
  ],
  [
    'hour 24',
    'followup.schedule',
    { ...SCHEDULE, fuTime: '24:00' },
    'The time must be a time like 14:30; "24:00" is not.',
  ],
  [
    'unknown zone',
    'followup.schedule',
    { ...SCHEDULE, fuZone: 'Mars/Olympus' },
    '"Mars/Olympus" is not a time zone I know: use an IANA name like Europe/Paris.',
  ],
  [
    'skipped hour',
    'followup.reschedule',
    { card: 'followup', followUpId: 'fu-1', 'date_fu-1': '2025-03-30', 'time_fu-1': '02:30' },
    '2025-03-30 02:30 does not exist in Europe/Berlin (the clocks change then): choose another time.',
  ],
  [
    'bad target date',
    'workshop.decide',
    { card: 'workshop', feature: 'saasSso', choice_saasSso: 'planned', date_saasSso: 'soon' },
    'The target date must be a date like 2025-04-30; "soon" is not.',
  ],
  // oversized text: the field and the limit named
  [
    'long reason',
    'workshop.decide',
    {
      card: 'workshop',
      feature: 'saasSso',
      choice_saasSso: 'notPlanned',
      reason_saasSso: 'r'.repeat(2400),
    },
    'The reason is too long: shorten it by about 1,900 characters.',
  ],
  [
    'long customer',
    'engagement.start',
    { card: 'help', customer: 'c'.repeat(130) },
    'The customer name is too long: shorten it by about 10 characters.',
  ],
  [
    'long note',
    'identity.complete',
    { card: 'identity', step: 'forests', note_forests: 'n'.repeat(501) },
    'The note is too long: shorten it by about 1 character.',
  ],
  [
    'long question',
    'agenda.acknowledge',
    { card: 'agenda', topics: 'baseline', question: 'q'.repeat(2001) },
    'The question is too long: shorten it by about 1 character.',
  ],
  [
    'long decider',
    'auth.finalize',
    { card: 'auth', authMethod: 'phs', authRationale: 'ok', authDecidedBy: 'd'.repeat(121) },
    'The name of who decided is too long: shorten it by about 1 character.',
  ],
  [
    'long agenda',
    'followup.schedule',
    { ...SCHEDULE, fuAgenda: 'a'.repeat(2500) },
    'The agenda is too long: shorten it by about 500 characters.',
  ],
  [
    'long risks',
    'handoff.submit',
    { ...HANDOFF, risks: 'r'.repeat(2001) },
    'The text on risks and blockers is too long: shorten it by about 1 character.',
  ],
  [
    'long app name',
    'handoff.submit',
    { ...HANDOFF, saasOther: `ok\n${'A'.repeat(130)}` },
    `The SaaS app name "${'A'.repeat(40)}…" is too long: shorten it by about 10 characters.`,
  ],
  [
    'too many apps',
    'handoff.submit',
    {
      ...HANDOFF,
      saasGallery: Array.from({ length: 30 }, (_, i) => `G${i}`).join('\n'),
      saasOther: Array.from({ length: 21 }, (_, i) => `O${i}`).join('\n'),
    },
    'List at most 50 SaaS apps; there are 51.',
  ],
  [
    'too many attendees',
    'followup.schedule',
    { ...SCHEDULE, fuAttendees: Array.from({ length: 61 }, (_, i) => `p${i}`).join(',') },
    'Choose at most 60 attendees; you chose 61.',
  ],
  // navigation
  [
    'unknown card to open',
    'show',
    { card: 'status', open: 'secrets' },
    'That button opens no card I know.',
  ],
  [
    'refresh without a card',
    'refresh',
    { card: 'nope' },
    'That card cannot be refreshed: it names no card I know.',
  ],
];

describe('bad input comes back as a message a person can read, on the card, nothing thrown', () => {
  test.each(BAD)('%s', (_name, verb, data, message) => {
    const result = door(verb, data);
    expect(result).toEqual({
      kind: 'invalid',
      card: expect.any(String),
      message,
      form: expect.any(Object),
    });
  });
});

test("without the chat's member list from Teams, nobody can be given a role, nor the FM role", () => {
  const blind: DoorContext = { ...ctx, members: [], rosterUnavailable: true };
  for (const [verb, data] of [
    ['roles.assign', { card: 'roles', personId: 'aad-ana', role: 'FE' }],
    ['roles.handOver', { card: 'roles', newFmId: 'aad-ana', fmThen: 'FE' }],
  ] as const)
    expect(readCardAction(verb, data, blind)).toMatchObject({
      kind: 'invalid',
      message: expect.stringMatching(/^Teams did not list the members of this chat just now/),
    });
  // Taking a role away grants nothing: the engagement's people are enough.
  const departed = { ...blind, members: [{ id: 'aad-gone', name: 'Gone Person', departed: true }] };
  expect(
    readCardAction('roles.assign', { card: 'roles', personId: 'aad-gone', role: 'none' }, departed),
  ).toMatchObject({ kind: 'action', action: { type: 'assignRole', role: 'none' } });
});
