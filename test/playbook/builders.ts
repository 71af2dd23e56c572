/**
 * Test builders for the playbook: the people of one engagement, a clock, and engagements in the
 * states the tests start from. Every state is reached through `apply` (the public door), except
 * where a test says it builds one directly to reach a state `apply` no longer allows.
 */
import type { Action } from '../../src/playbook/actions.js';
import { apply, type Applied, type Decision } from '../../src/playbook/apply.js';
import type { Actor, Engagement, HandoffForm } from '../../src/playbook/engagement.js';
import type { Refusal } from '../../src/playbook/refusal.js';
import {
  applied as appliedAt,
  ARCHITECT,
  BDM,
  FE,
  FM,
  GUEST,
  OTHER_TENANT,
  person,
  SME,
  started as startedAt,
  TENANT,
} from '../support/playbook.js';

export { BDM, FE, FM, OTHER_TENANT, SME, TENANT };
export const CUSTOMER = 'Contoso Ltd';

/** The engagement starts at T0; `at(n)` is n minutes later. */
export const T0 = new Date('2025-03-03T09:00:00.000Z');
export const at = (minutes: number): Date => new Date(T0.getTime() + minutes * 60_000);
/** When the builders act, unless told otherwise. */
export const BUILD_TIME = at(60);

/** The second stakeholder. */
export const SEC = ARCHITECT;
/** Same tenant, never added to the engagement. */
export const STRANGER = GUEST;
/** The FM's own object id, but signed in from another organization. */
export const OUTSIDER = person(FM.id, 'Fiona Elsewhere', OTHER_TENANT);

/** Apply and expect success; a refusal fails the test with its message. */
export function applied(
  e: Engagement,
  actor: Actor,
  action: Action,
  now = BUILD_TIME,
  activityId?: string,
): Applied {
  return appliedAt(e, actor, action, now, activityId);
}

/** The engagement after a successful action. */
export function step(e: Engagement, actor: Actor, action: Action, now = BUILD_TIME): Engagement {
  return applied(e, actor, action, now).engagement;
}

/** The refusal of an outcome that must be refused. */
export function refusalOf(outcome: Decision): Refusal {
  if (outcome.ok) throw new Error(`expected a refusal, got: ${outcome.summary}`);
  return outcome.refusal;
}

/** Freeze deeply so that any change to a given engagement throws. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** A copy changed by `edit`: for states that `apply` cannot reach (older data, other paths). */
export function edited(e: Engagement, edit: (draft: Engagement) => void): Engagement {
  const draft = structuredClone(e);
  edit(draft);
  return draft;
}

export function started(now = T0): Engagement {
  return startedAt(
    {
      customer: CUSTOMER,
      tenantId: TENANT,
      conversationId: '19:chat-contoso@thread.v2',
      conversationType: 'groupChat',
    },
    now,
  );
}

/** FE, SME and two stakeholders assigned; kickoff not yet confirmed. */
export function withPeople(): Engagement {
  let e = started();
  e = step(e, FM, { type: 'assignRole', personId: FE.id, name: FE.name, role: 'FE' });
  e = step(e, FM, { type: 'assignRole', personId: SME.id, name: SME.name, role: 'SME' });
  e = step(e, FM, {
    type: 'assignRole',
    personId: BDM.id,
    name: BDM.name,
    role: 'stakeholder',
    title: 'BDM',
  });
  return step(e, FM, {
    type: 'assignRole',
    personId: SEC.id,
    name: SEC.name,
    role: 'stakeholder',
    title: 'Director of Security',
  });
}

export function kickedOff(): Engagement {
  return step(withPeople(), FM, { type: 'confirmKickoff' });
}

export function licensed(e = kickedOff()): Engagement {
  return step(e, FM, {
    type: 'recordLicensing',
    licences: ['m365e3'],
    addOns: ['defenderO365'],
    notes: '',
  });
}

export const IDENTITY_ORDER = [
  'forests',
  'authMethod',
  'aadConnect',
  'breakGlass',
  'blockAllCa',
  'mfaAdmins',
] as const;
export type IdentityStep = (typeof IDENTITY_ORDER)[number];

/** Licensed for Office 365 E3 only: no Entra ID P1, the security-defaults path. */
export function licensedWithoutP1(e = kickedOff()): Engagement {
  return step(e, FM, { type: 'recordLicensing', licences: ['o365e3'], addOns: [], notes: '' });
}

/** When the builders' conversation is scheduled to start: half an hour after the builders act. */
export const CONVERSATION_START = at(90);
/** When the builders deliver it: half an hour after its start. */
export const CONVERSATION_DELIVERED = at(120);

/** The M365 Security Conversation scheduled with both stakeholders invited. */
export function conversationScheduled(e = licensed()): Engagement {
  return step(e, FM, {
    type: 'scheduleConversation',
    startsAt: CONVERSATION_START.toISOString(),
    invited: [BDM.id, SEC.id],
  });
}

/** The conversation scheduled earlier for a start that has passed when the builders act (BUILD_TIME). */
export function conversationDue(e = licensed()): Engagement {
  return step(
    e,
    FM,
    { type: 'scheduleConversation', startsAt: at(30).toISOString(), invited: [BDM.id, SEC.id] },
    T0,
  );
}

/** The conversation delivered (task 4017) after its start, every agenda topic acknowledged by the BDM. */
export function conversationDelivered(e = licensed()): Engagement {
  e = conversationScheduled(e);
  e = step(e, BDM, {
    type: 'acknowledgeAgenda',
    topics: ['importance', 'baseline', 'deploySecurely'],
    question: '',
  });
  return step(e, FM, { type: 'deliverConversation' }, CONVERSATION_DELIVERED);
}

/** Prepare Identity recorded in order, up to and including `last` (licensed for Entra ID P1 unless given). */
export function identityThrough(last: IdentityStep, e = licensed()): Engagement {
  for (const id of IDENTITY_ORDER.slice(0, IDENTITY_ORDER.indexOf(last) + 1)) {
    e =
      id === 'authMethod'
        ? step(e, FE, {
            type: 'finalizeAuthMethod',
            method: 'phs',
            rationale: 'Simplest, resilient',
            decidedBy: BDM.name,
          })
        : step(e, FE, { type: 'completeIdentityStep', step: id, note: '' });
  }
  return e;
}

/** The block-all policy is in place, identity synchronization ready, and gate G4 is met. */
export function g4Met(e = identityThrough('mfaAdmins')): Engagement {
  e = step(e, FE, { type: 'markSyncReady' });
  e = step(e, FE, { type: 'recordCaPolicy', policy: 'mfaAllUsers', state: 'created' });
  e = step(e, FE, { type: 'recordCaPolicy', policy: 'blockLegacy', state: 'created' });
  return step(e, FE, { type: 'recordMfaRegistration', registered: 100, total: 100 });
}

/** Every feature decided by a stakeholder: two enabled, one planned, three not planned. */
export function featuresDecided(e: Engagement, by: Actor = BDM): Engagement {
  const decisions: Action[] = [
    { type: 'decideFeature', feature: 'mfaAllUsers', choice: 'enable' },
    { type: 'decideFeature', feature: 'conditionalAccess', choice: 'enable' },
    {
      type: 'decideFeature',
      feature: 'blockLegacyAuth',
      choice: 'planned',
      targetDate: '2025-06-30',
    },
    {
      type: 'decideFeature',
      feature: 'saasSso',
      choice: 'notPlanned',
      reason: 'No SaaS apps in use',
    },
    {
      type: 'decideFeature',
      feature: 'deviceManagement',
      choice: 'notPlanned',
      reason: 'Devices managed by SCCM',
    },
    {
      type: 'decideFeature',
      feature: 'mobileAppManagement',
      choice: 'notPlanned',
      reason: 'No mobile devices',
    },
  ];
  return decisions.reduce((acc, d) => step(acc, by, d), e);
}

/** The workshop (task 3720) delivered, after the conversation. */
export function workshopDelivered(e = conversationDelivered()): Engagement {
  return step(e, FE, { type: 'deliverWorkshop' });
}

/** Gate G5 met: 4017, 3736 and 3720 done, every topic acknowledged and every feature decided. */
export function readyToMoveOn(): Engagement {
  let e = conversationDelivered();
  e = identityThrough('mfaAdmins', e);
  e = step(e, FE, { type: 'markSyncReady' });
  e = step(e, FE, { type: 'deliverWorkshop' });
  return featuresDecided(e);
}

export function handoffForm(overrides: Partial<HandoffForm> = {}): HandoffForm {
  return {
    authRationale: 'Password hash sync: no on-premises dependency at sign-in',
    saasApps: [
      { name: 'Salesforce', inGallery: true },
      { name: 'Home-grown HR', inGallery: false },
    ],
    devicePlan: 'Co-management with Intune next quarter',
    mobileAppPlan: 'App protection policies for Outlook and Teams',
    risks: 'Legacy SMTP relays still use basic auth',
    recommendedWorkshops: ['Conduct Security Workshops'],
    notes: 'Customer prefers Tuesday meetings',
    ...overrides,
  };
}

export const FOLLOW_UP_START = '2025-03-20T15:00:00.000Z';

export function followUpAction(
  overrides: Partial<Extract<Action, { type: 'scheduleFollowUp' }>> = {},
): Action {
  return {
    type: 'scheduleFollowUp',
    kind: 'bvd',
    startsAt: FOLLOW_UP_START,
    timeZone: 'Europe/London',
    attendees: [FM.id, BDM.id],
    agenda: 'Business value of Conditional Access',
    leadMinutes: 30,
    ...overrides,
  };
}

/** A kicked-off engagement with one follow-up scheduled (id fu-1). */
export function withFollowUp(): Engagement {
  return step(kickedOff(), FM, followUpAction());
}

/** A pattern matching exactly this text. */
export function exactly(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

/** Apply to a frozen copy of `state`, expect a refusal of `kind`, and that nothing changed. */
export function expectRefused(
  state: Engagement,
  actor: Actor,
  action: Action,
  kind: Refusal['kind'],
  message: RegExp,
): Refusal {
  const e = deepFreeze(state);
  const before = structuredClone(e);
  const outcome = apply(e, action, actor, BUILD_TIME, 'activity-refused');
  const refusal = refusalOf(outcome);
  expect(refusal.kind).toBe(kind);
  expect(refusal.message).toMatch(message);
  expect(e).toEqual(before);
  return refusal;
}
