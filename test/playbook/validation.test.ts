/**
 * Bad input inside the playbook: each is refused with a message a person can act on, and the
 * engagement given is left exactly as it was (see expectRefused).
 */
import type { Action } from '../../src/playbook/actions.js';
import type { Actor, Engagement } from '../../src/playbook/engagement.js';
import type { Refusal } from '../../src/playbook/refusal.js';
import { isRefusal } from '../../src/playbook/refusal.js';
import { apply } from '../../src/playbook/apply.js';
import { LIMITS } from '../../src/playbook/limits.js';
import { startEngagement } from '../../src/playbook/start.js';
import {
  applied,
  BDM,
  BUILD_TIME,
  expectRefused,
  FE,
  FM,
  handoffForm,
  identityThrough,
  kickedOff,
  SME,
  step,
  STRANGER,
  TENANT,
} from './builders.js';

const long = (n: number) => 'x'.repeat(n);
type Row = [label: string, action: Action, message: RegExp, kind?: Refusal['kind']];

/** One table of refusals, all from the same state and actor. */
function refusals(state: () => Engagement, actor: Actor, rows: Row[]) {
  test.each(rows)('%s', (_label, action, message, kind = 'invalid') => {
    expectRefused(state(), actor, action, kind, message);
  });
}

const decide = (over: Partial<Extract<Action, { type: 'decideFeature' }>>): Action => ({
  type: 'decideFeature',
  feature: 'deviceManagement',
  choice: 'notPlanned',
  ...over,
});
const finalize = (rationale: string, decidedBy: string): Action => ({
  type: 'finalizeAuthMethod',
  method: 'phs',
  rationale,
  decidedBy,
});
const handoff = (over: Parameters<typeof handoffForm>[0]): Action => ({
  type: 'submitHandoff',
  form: handoffForm(over),
});
const role = (
  personId: string,
  name: string,
  r: 'FM' | 'FE' | 'SME' | 'stakeholder' | 'none',
): Action => ({
  type: 'assignRole',
  personId,
  name,
  role: r,
});
const workshopDone = () => step(kickedOff(), FE, { type: 'deliverWorkshop' });
const forestsDone = () => identityThrough('forests');

describe('feature decisions', () => {
  refusals(kickedOff, BDM, [
    ['not planned without a reason', decide({}), /Say why "Device management" is not planned/],
    ['not planned with a blank reason', decide({ reason: '   ' }), /Say why/],
    ['planned without a date', decide({ choice: 'planned' }), /Give a target date/],
    [
      'planned, a date that does not exist',
      decide({ choice: 'planned', targetDate: '2025-02-30' }),
      /target date/,
    ],
    [
      'planned, a date not in ISO form',
      decide({ choice: 'planned', targetDate: '30/06/2025' }),
      /target date/,
    ],
    [
      'planned, a past date',
      decide({ choice: 'planned', targetDate: '2025-03-02' }),
      /in the past/,
    ],
    [
      'a reason over 500 characters',
      decide({ reason: long(501) }),
      /reason is too long: shorten it by about 1 character\./,
    ],
  ]);

  describe("'in the past' is the deciding person's today, not UTC's", () => {
    // 04:00 UTC on 5 March is still the evening of 4 March in Los Angeles, already 5 March in Auckland.
    const EARLY_UTC = new Date('2025-03-05T04:00:00Z');
    const planned = (timeZone?: string): Action => ({
      type: 'decideFeature',
      feature: 'deviceManagement',
      choice: 'planned',
      targetDate: '2025-03-04',
      ...(timeZone ? { timeZone } : {}),
    });

    test('today in Los Angeles is accepted though UTC is a day ahead', () => {
      const e = step(kickedOff(), BDM, planned('America/Los_Angeles'), EARLY_UTC);
      expect(e.workshop.decisions.deviceManagement?.targetDate).toBe('2025-03-04');
    });

    test('yesterday in Auckland is refused', () => {
      const outcome = apply(
        kickedOff(),
        planned('Pacific/Auckland'),
        BDM,
        new Date('2025-03-04T12:00:00Z'),
      );
      expect(outcome.ok).toBe(false);
      expect(!outcome.ok && outcome.refusal.message).toMatch(/in the past/);
    });

    test('without a zone, or with one no one knows, UTC decides (and nothing throws)', () => {
      for (const action of [planned(), planned('Mars/Olympus_Mons')]) {
        const outcome = apply(kickedOff(), action, BDM, EARLY_UTC);
        expect(!outcome.ok && outcome.refusal.message).toMatch(/in the past/);
      }
    });
  });

  test('planned for a future date keeps the date and no reason', () => {
    const e = step(
      kickedOff(),
      BDM,
      decide({ choice: 'planned', targetDate: '2025-07-01', reason: 'x' }),
    );
    expect(e.workshop.decisions.deviceManagement).toMatchObject({
      choice: 'planned',
      targetDate: '2025-07-01',
    });
    expect(e.workshop.decisions.deviceManagement).not.toHaveProperty('reason');
  });
});

describe('the M365 Security Conversation is scheduled ahead', () => {
  refusals(kickedOff, FM, [
    [
      'a meeting before now',
      {
        type: 'scheduleConversation',
        startsAt: new Date(BUILD_TIME.getTime() - 60_000).toISOString(),
      },
      /The meeting is in the past: choose a time ahead/,
    ],
    [
      'no time at all',
      { type: 'scheduleConversation', startsAt: 'tomorrow' },
      /Give the date and time of the meeting/,
    ],
  ]);
});

describe('text limits count bytes as stored, whatever the characters', () => {
  refusals(kickedOff, BDM, [
    [
      'a question of 700 CJK characters (3 bytes each: 2,100 of 2,000)',
      { type: 'acknowledgeAgenda', topics: [], question: '漢'.repeat(700) },
      /question is too long: shorten it by about 34 characters\./,
    ],
    [
      'a question of 400 control characters (6 bytes each in JSON: 2,400 of 2,000)',
      { type: 'acknowledgeAgenda', topics: [], question: `q${'\u0001'.repeat(400)}` },
      /question is too long: shorten it by about 67 characters\./,
    ],
    [
      'a comment of 126 emoji (4 bytes each: 504 of 500)',
      { type: 'statePreference', method: 'phs', comment: '🔐'.repeat(126) },
      /comment is too long: shorten it by about 1 character\./,
    ],
  ]);
  test('a question of exactly 2,000 bytes in CJK and quotes is taken', () => {
    const question = `${'漢'.repeat(666)}"`;
    const e = step(kickedOff(), BDM, { type: 'acknowledgeAgenda', topics: [], question });
    expect(e.conversation.questions.at(-1)?.text).toBe(question);
  });
});

describe('texts over their limits (limits.ts)', () => {
  refusals(kickedOff, FM, [
    [
      'a name over 120',
      role('aad-x', long(121), 'FE'),
      /name is too long: shorten it by about 1 character\./,
    ],
    [
      'licensing notes over 2000',
      { type: 'recordLicensing', licences: ['m365e3'], addOns: [], notes: long(2001) },
      /notes is too long: shorten it by about 1 character\./,
    ],
  ]);
  refusals(kickedOff, BDM, [
    [
      'a question over 2000',
      { type: 'acknowledgeAgenda', topics: [], question: long(2001) },
      /question is too long: shorten it by about 1 character\./,
    ],
    [
      'a comment over 500',
      { type: 'statePreference', method: 'phs', comment: long(501) },
      /comment is too long: shorten it by about 1 character\./,
    ],
  ]);
  refusals(kickedOff, FE, [
    [
      'a note over 500',
      { type: 'completeIdentityStep', step: 'forests', note: long(501) },
      /note is too long: shorten it by about 1 character\./,
    ],
  ]);
  refusals(forestsDone, FE, [
    [
      'a rationale over 2000',
      finalize(long(2001), 'Bea'),
      /rationale is too long: shorten it by about 1 character\./,
    ],
    [
      'who decided over 120',
      finalize('ok', long(121)),
      /name of who decided is too long: shorten it by about 1 character\./,
    ],
  ]);
  refusals(workshopDone, SME, [
    [
      'hand-off risks over 2000',
      handoff({ risks: long(2001) }),
      /risks and blockers is too long: shorten it by about 1 character\./,
    ],
    [
      'hand-off notes over 2000',
      handoff({ notes: long(2001) }),
      /notes for the next engineer is too long: shorten it by about 1 character\./,
    ],
    [
      'a SaaS app name over 120',
      handoff({ saasApps: [{ name: long(121), inGallery: true }] }),
      /SaaS app name "x+" is too long: shorten it by about 1 character\./,
    ],
    [
      'more than 50 SaaS apps',
      handoff({
        saasApps: Array.from({ length: 51 }, (_, i) => ({ name: `a${i}`, inGallery: true })),
      }),
      /at most 50 SaaS apps/,
    ],
  ]);

  test.each<[string, () => Engagement, Actor, Action]>([
    ['a 120-character name', kickedOff, FM, role('aad-x', long(120), 'SME')],
    ['a 500-character reason', kickedOff, BDM, decide({ reason: long(500) })],
    [
      'a 2000-character question',
      kickedOff,
      BDM,
      { type: 'acknowledgeAgenda', topics: [], question: long(2000) },
    ],
    ['a 2000-character rationale', forestsDone, FE, finalize(long(2000), 'Bea')],
  ])('%s is accepted: the limits are inclusive', (_label, state, actor, action) => {
    expect(applied(state(), actor, action).duplicate).toBe(false);
  });
});

describe('missing or inconsistent input', () => {
  refusals(kickedOff, FM, [
    [
      'no licences',
      { type: 'recordLicensing', licences: [], addOns: ['intune'], notes: '' },
      /Choose at least one licence/,
    ],
    ['a stakeholder without a title', role('aad-x', 'Xavier', 'stakeholder'), /needs a title/],
    [
      'removing someone without a role',
      role(STRANGER.id, STRANGER.name, 'none'),
      /has no role/,
      'notFound',
    ],
    ['a role for nobody', role('', 'Nobody', 'FE'), /Choose the person/],
    [
      'the conversation delivered before licensing',
      { type: 'deliverConversation' },
      /Prepare for/,
      'gate',
    ],
    [
      'the conversation at no time',
      { type: 'scheduleConversation', startsAt: 'Tuesday' },
      /date and time/,
    ],
  ]);
  refusals(kickedOff, FE, [
    [
      'more users registered than there are',
      { type: 'recordMfaRegistration', registered: 101, total: 100 },
      /More users registered for MFA than there are users/,
    ],
    [
      'a fraction of a user',
      { type: 'recordMfaRegistration', registered: 1.5, total: 100 },
      /whole numbers/,
    ],
    [
      'no users at all',
      { type: 'recordMfaRegistration', registered: 0, total: 0 },
      /whole numbers/,
    ],
    [
      'a negative count',
      { type: 'recordMfaRegistration', registered: -1, total: 10 },
      /whole numbers/,
    ],
    ['removing a block-all policy never created', { type: 'removeBlockAll' }, /none to remove/],
    ['a hand-off before the workshop', handoff({}), /follows the workshop/, 'gate'],
  ]);
  refusals(kickedOff, BDM, [
    [
      'nothing acknowledged, no question',
      { type: 'acknowledgeAgenda', topics: [], question: ' ' },
      /Tick/,
    ],
  ]);
  refusals(forestsDone, FE, [
    ['a blank rationale', finalize('  ', 'Bea'), /rationale is required/],
    ['nobody who decided', finalize('ok', ''), /name of who decided is required/],
  ]);
  refusals(workshopDone, FE, [
    [
      'an unknown next workshop',
      handoff({ recommendedWorkshops: ['Conduct Magic'] }),
      /"Conduct Magic" is not one of the next workshops/,
    ],
    ['a fractional MFA count', handoff({ mfaRegistered: 2.5 }), /whole number/],
  ]);
});

describe('the one FastTrack manager', () => {
  refusals(kickedOff, FM, [
    [
      'cannot be demoted',
      role(FM.id, FM.name, 'FE'),
      /one FastTrack Manager: the FM hands the role over/,
    ],
    ['cannot be removed', role(FM.id, FM.name, 'none'), /one FastTrack Manager/],
    [
      'cannot be doubled by assigning the role',
      role(SME.id, SME.name, 'FM'),
      /hands the role over/,
    ],
  ]);

  test('hands the role over and steps down; the record keeps both roles', () => {
    const e = step(kickedOff(), FM, {
      type: 'handOverFm',
      personId: 'aad-fm2',
      name: 'Mo',
      then: 'none',
    });
    expect(e.people[FM.id]).toBeUndefined();
    expect(e.people['aad-fm2']).toMatchObject({ role: 'FM', name: 'Mo' });
    expect(e.history.at(-1)?.summary).toBe(
      'handed the FastTrack Manager role to Mo and left the engagement',
    );
    const mo = { id: 'aad-fm2', name: 'Mo', tenantId: TENANT };
    expectRefused(e, mo, role('aad-fm2', 'Mo', 'SME'), 'invalid', /one FastTrack Manager/);
    expect(step(e, mo, role(SME.id, SME.name, 'none')).people[SME.id]).toBeUndefined();
    expectRefused(e, FM, role(SME.id, SME.name, 'none'), 'outsider', /no role/);
  });

  test('hands the role to the FE, stays on as SME, and both keep what they were', () => {
    const e = step(kickedOff(), FM, {
      type: 'handOverFm',
      personId: FE.id,
      name: FE.name,
      then: 'SME',
    });
    expect(e.people[FE.id]).toMatchObject({
      role: 'FM',
      formerRoles: [{ role: 'FE', until: { by: FM.id } }],
    });
    expect(e.people[FM.id]).toMatchObject({
      role: 'SME',
      formerRoles: [{ role: 'FM', until: { by: FM.id } }],
    });
    expect(Object.values(e.people).filter((p) => p.role === 'FM')).toHaveLength(1);
    expectRefused(e, FM, { type: 'confirmKickoff' }, 'notAllowed', /Only the FastTrack Manager/);
  });

  refusals(kickedOff, FM, [
    [
      'cannot hand over to themselves',
      { type: 'handOverFm', personId: FM.id, name: FM.name, then: 'FE' },
      /You are the FastTrack Manager already/,
    ],
    [
      'must name the new FM',
      { type: 'handOverFm', personId: 'aad-x', name: '  ', then: 'FE' },
      /name is missing/,
    ],
  ]);
});

describe('starting an engagement', () => {
  const input = {
    customer: 'Contoso',
    tenantId: TENANT,
    conversationId: '19:c@thread.v2',
    conversationType: 'groupChat' as const,
  };

  test('a customer name over 120 characters, or none, is refused', () => {
    const tooLong = startEngagement({ ...input, customer: long(121) }, FM, BUILD_TIME);
    expect(isRefusal(tooLong) && tooLong.message).toMatch(
      /too long: shorten it by about 1 character\./,
    );
    const none = startEngagement({ ...input, customer: '   ' }, FM, BUILD_TIME);
    expect(isRefusal(none) && none.kind).toBe('invalid');
  });

  test('the FM who starts it keeps what Teams lists of them: their own tenant, account kind and address', () => {
    const guest = startEngagement(
      {
        ...input,
        starter: { homeTenantId: 'tenant-fasttrack', userRole: 'user', email: 'fm@ft.example' },
      },
      { ...FM, tenantId: TENANT, teamsId: '29:fm' },
      BUILD_TIME,
    );
    if (isRefusal(guest)) throw new Error(guest.message);
    expect(guest.tenantId).toBe(TENANT);
    expect(guest.people[FM.id]).toMatchObject({
      role: 'FM',
      homeTenantId: 'tenant-fasttrack',
      userRole: 'user',
      email: 'fm@ft.example',
      teamsId: '29:fm',
    });
    const unknown = startEngagement(input, FM, BUILD_TIME);
    expect(!isRefusal(unknown) && unknown.people[FM.id]?.homeTenantId).toBe(TENANT);
  });

  test("the FM's name from Teams is cut to the name limit in bytes; a link to the chat longer than any Teams makes is left out", () => {
    const chatUrl = (bytes: number) =>
      `https://teams.microsoft.com/l/chat/${'x'.repeat(bytes - 49)}/conversations`;
    const e = startEngagement(
      { ...input, chatUrl: chatUrl(LIMITS.chatUrl) },
      { ...FM, name: '漢'.repeat(60) },
      BUILD_TIME,
    );
    if (isRefusal(e)) throw new Error(e.message);
    expect(e.chatUrl).toBe(chatUrl(LIMITS.chatUrl));
    expect(e.people[FM.id]?.name).toBe(`${'漢'.repeat(39)}…`);
    expect(e.started.byName).toBe(e.people[FM.id]?.name);
    const longer = startEngagement(
      { ...input, chatUrl: chatUrl(LIMITS.chatUrl + 1) },
      FM,
      BUILD_TIME,
    );
    expect(!isRefusal(longer) && longer.chatUrl).toBeUndefined();
  });
});
