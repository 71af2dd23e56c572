/**
 * The cards and the door agree: pressing a button of a rendered card, with the inputs the
 * client sends for it (its own ShowCard and the card around it), goes through the door to an
 * action the playbook accepts. Input ids, item ids and data travel the whole way.
 */
import { CardRenderer } from '../../src/cards/renderer.js';
import type { CardName } from '../../src/door/card-names.js';
import { apply } from '../../src/playbook/apply.js';
import type { Actor, Engagement } from '../../src/playbook/engagement.js';
import { readCardAction } from '../../src/door/read.js';
import type { DoorResult } from '../../src/door/result.js';
import {
  ARCHITECT,
  BDM,
  complete,
  EngagementBuilder,
  FE,
  FM,
  MEMBERS,
  midway,
  NOW,
  OUTSIDER,
  SME,
} from '../support/engagements.js';

type Json = Record<string, unknown>;
const renderer = new CardRenderer();
const ctx = { leadMinutes: 30, timeZone: 'Europe/Berlin', members: MEMBERS };

/** Inputs of one card scope: its body, not the bodies of its ShowCards. */
function scopeInputs(node: unknown, out: Json[] = []): Json[] {
  if (Array.isArray(node)) node.forEach((n) => scopeInputs(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Json;
    if (String(o.type).startsWith('Input.')) out.push(o);
    for (const [key, value] of Object.entries(o)) {
      if (key === 'fallback' || (o.type === 'Action.ShowCard' && key === 'card')) continue;
      scopeInputs(value, out);
    }
  }
  return out;
}

/** Each Action.Execute with the inputs a client sends when it is pressed. */
function presses(card: Json): { button: Json; inputs: Json[] }[] {
  const found: { button: Json; inputs: Json[] }[] = [];
  const walk = (node: unknown, chain: Json[]): void => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, chain));
    if (!node || typeof node !== 'object') return;
    const o = node as Json;
    if (o.type === 'Action.Execute') {
      const inputs = o.associatedInputs === 'none' ? [] : chain.flatMap((c) => scopeInputs(c.body));
      found.push({ button: o, inputs });
      return;
    }
    for (const [key, value] of Object.entries(o)) {
      if (key === 'fallback' || key === 'refresh') continue;
      if (o.type === 'Action.ShowCard' && key === 'card') walk(value, [...chain, value as Json]);
      else walk(value, chain);
    }
  };
  walk(card, [card]);
  return found;
}

/** Press the button `verb` (for item `item`) of `card`, typing `typed` over the prefilled values. */
function press(
  card: CardName,
  e: Engagement | undefined,
  verb: string,
  typed: Json = {},
  item?: string,
): DoorResult {
  const json = renderer.render({
    card,
    ...(e ? { engagement: e } : {}),
    now: NOW,
    members: MEMBERS,
  });
  const match = presses(json).filter(({ button }) => {
    const data = button.data as Json;
    return button.verb === verb && (!item || Object.values(data).includes(item));
  });
  expect(match).toHaveLength(1);
  const { button, inputs } = match[0]!;
  const values: Json = {};
  for (const input of inputs)
    if (input.value !== undefined && input.value !== '') values[String(input.id)] = input.value;
  for (const [id, value] of Object.entries(typed)) {
    expect(inputs.map((i) => i.id)).toContain(id);
    values[id] = value;
  }
  return readCardAction(verb, { ...(button.data as Json), ...values }, ctx);
}

function accepted(result: DoorResult, e: Engagement, actor: Actor): Engagement {
  if (result.kind !== 'action') throw new Error(`door said ${JSON.stringify(result)}`);
  const outcome = apply(e, result.action, actor, NOW);
  if (!outcome.ok)
    throw new Error(
      `playbook refused ${result.action.type}: ${outcome.refusal.message} ${outcome.refusal.missing.join('; ')}`,
    );
  return outcome.engagement;
}

const at = new Date('2025-03-10T09:00:00Z');
const beforeConversation = () => EngagementBuilder.start().roles().kickoff().licensing().build();
/** Scheduled for a time that has passed by NOW, both stakeholders invited. */
const conversationDue = () =>
  new EngagementBuilder(beforeConversation())
    .act(FM, {
      type: 'scheduleConversation',
      startsAt: '2025-03-05T10:00:00.000Z',
      invited: [BDM.id, ARCHITECT.id],
    })
    .build();
const beforeAuth = () =>
  new EngagementBuilder(beforeConversation(), at).conversation().forests().build();
const g3Ready = () =>
  new EngagementBuilder(midway(), at)
    .act(FE, { type: 'completeIdentityStep', step: 'breakGlass', note: '' })
    .act(FE, { type: 'completeIdentityStep', step: 'blockAllCa', note: '' })
    .act(FE, { type: 'completeIdentityStep', step: 'mfaAdmins', note: '' })
    .build();
const g4Ready = () =>
  new EngagementBuilder(g3Ready(), at)
    .act(FE, { type: 'markSyncReady' })
    .act(FE, { type: 'recordCaPolicy', policy: 'mfaAllUsers', state: 'created' })
    .act(FE, { type: 'recordCaPolicy', policy: 'blockLegacy', state: 'created' })
    .act(FE, { type: 'recordMfaRegistration', registered: 1200, total: 1200 })
    .build();

/** name, state, card, verb, who presses, what they type, the item of a per-item form ('' = none) */
const CASES: [string, () => Engagement, CardName, string, Actor, Json, string][] = [
  [
    'confirm the kickoff',
    () => EngagementBuilder.start().roles().build(),
    'roles',
    'kickoff.confirm',
    FM,
    {},
    '',
  ],
  [
    'give the guest a role',
    midway,
    'roles',
    'roles.assign',
    FM,
    { personId: OUTSIDER.id, role: 'stakeholder', title: 'IT' },
    '',
  ],
  [
    'record licences',
    midway,
    'licensing',
    'licensing.record',
    FM,
    { licences: 'm365e5,emse3', addOns: 'aip' },
    '',
  ],
  [
    'schedule the conversation',
    beforeConversation,
    'agenda',
    'conversation.schedule',
    FM,
    { conversationDate: '2025-04-10', conversationTime: '15:00', conversationInvited: BDM.id },
    '',
  ],
  [
    'acknowledge topics',
    midway,
    'agenda',
    'agenda.acknowledge',
    ARCHITECT,
    { topics: 'importance', question: 'And guests?' },
    '',
  ],
  [
    'self-assess',
    midway,
    'agenda',
    'agenda.assess',
    ARCHITECT,
    { level_identity: 'working', level_device: 'basic', level_information: 'new' },
    '',
  ],
  ['deliver the conversation', conversationDue, 'agenda', 'conversation.deliver', FM, {}, ''],
  [
    'deliver it, naming who attended',
    conversationDue,
    'agenda',
    'conversation.deliver',
    FM,
    { attended: `${FM.id},${BDM.id}` },
    '',
  ],
  [
    'acknowledge for a stakeholder, in the meeting',
    conversationDue,
    'agenda',
    'agenda.acknowledgeFor',
    FE,
    { forPerson: BDM.id, forTopics: 'importance,baseline' },
    '',
  ],
  [
    'prepare the conversation',
    beforeConversation,
    'licensing',
    'licensing.prepare',
    FM,
    { prepBusiness: 'Merger in Q3', prepAreas: 'identity' },
    '',
  ],
  [
    'state a preference for a stakeholder',
    beforeAuth,
    'auth',
    'auth.preferFor',
    FM,
    { forPerson: ARCHITECT.id, forMethod: 'pta' },
    '',
  ],
  [
    'decide a feature for a stakeholder',
    midway,
    'workshop',
    'workshop.decideFor',
    FE,
    { forPerson: BDM.id, forFeature: 'saasSso', forChoice: 'notPlanned', forReason: 'None used' },
    '',
  ],
  [
    'record break-glass accounts',
    midway,
    'identity',
    'identity.complete',
    FE,
    { note_breakGlass: 'bg-1 and bg-2' },
    'breakGlass',
  ],
  [
    'state a preference',
    beforeAuth,
    'auth',
    'auth.prefer',
    BDM,
    { preferMethod: 'cloudOnly', preferComment: 'No servers.' },
    '',
  ],
  [
    'finalize the method',
    beforeAuth,
    'auth',
    'auth.finalize',
    FE,
    {
      authMethod: 'pta',
      authRationale: 'Password policy on premises.',
      authDecidedBy: 'Sam Okafor',
    },
    '',
  ],
  ['mark identity sync ready', g3Ready, 'identity', 'identity.syncReady', FE, {}, ''],
  [
    'decide a feature',
    midway,
    'workshop',
    'workshop.decide',
    BDM,
    { choice_saasSso: 'planned', date_saasSso: '2025-06-01' },
    'saasSso',
  ],
  [
    'change a decision (prefilled reason kept)',
    midway,
    'workshop',
    'workshop.decide',
    BDM,
    {},
    'deviceManagement',
  ],
  [
    'record a CA policy',
    midway,
    'workshop',
    'workshop.caPolicy',
    FE,
    { caState_blockLegacy: 'created' },
    'blockLegacy',
  ],
  [
    'record MFA registration',
    midway,
    'workshop',
    'workshop.mfa',
    FE,
    { mfaRegistered: '1199', mfaTotal: '1200' },
    '',
  ],
  ['remove the block-all policy', g4Ready, 'workshop', 'workshop.removeBlockAll', FE, {}, ''],
  ['deliver the workshop', midway, 'workshop', 'workshop.deliver', FE, {}, ''],
  ['submit the hand-off form as pre-filled', complete, 'handoff', 'handoff.submit', SME, {}, ''],
  [
    'schedule a follow-up',
    complete,
    'followup',
    'followup.schedule',
    FM,
    {
      fuKind: 'adoptionSme',
      fuDate: '2025-05-02',
      fuTime: '10:00',
      fuAttendees: `${BDM.id},${FE.id}`,
    },
    '',
  ],
  [
    'reschedule a follow-up',
    complete,
    'followup',
    'followup.reschedule',
    FM,
    { 'time_fu-1': '11:45' },
    'fu-1',
  ],
  ['cancel a follow-up', complete, 'followup', 'followup.cancel', FM, {}, 'fu-2'],
  ['move on', complete, 'summary', 'phase.moveOn', FM, {}, ''],
];

test.each(CASES)('%s: card -> door -> playbook', (_name, state, card, verb, actor, typed, item) => {
  const e = state();
  const result = press(card, e, verb, typed, item);
  expect(result).toMatchObject({ kind: 'action', card });
  expect(accepted(result, e, actor).history.length).toBeGreaterThan(e.history.length);
});

test('the rescheduled time is read in the meeting’s own zone', () => {
  const result = press(
    'followup',
    complete(),
    'followup.reschedule',
    { 'time_fu-2': '11:00' },
    'fu-2',
  );
  expect(result).toMatchObject({
    action: { startsAt: '2025-04-15T15:00:00.000Z', timeZone: 'America/New_York', leadMinutes: 30 },
  });
});

test('start from the help card of a chat without an engagement', () => {
  expect(press('help', undefined, 'engagement.start', { customer: 'Fabrikam' })).toEqual({
    kind: 'start',
    customer: 'Fabrikam',
  });
});

test('every navigation button opens a card', () => {
  for (const { button } of presses(
    renderer.render({ card: 'help', engagement: midway(), now: NOW }),
  ).filter((p) => p.button.verb === 'show')) {
    expect(readCardAction('show', button.data as Json, ctx)).toMatchObject({ kind: 'show' });
  }
});
