/**
 * The largest engagement the playbook's LIMITS allow, built with real playbook actions: every
 * list at its cap, every text a person types (names included) filled by `fill` up to its limit.
 * Half the answers are recorded in the meeting on a stakeholder's behalf (both names shown), the
 * authentication method changes until its history is full, and the licences change path and back
 * (each change reopens 4.5 and 4.6, kept in the record). The people are guests and members of
 * another organization as Teams' member list gives them, and a third of them left the chat.
 */
import { FOLLOW_UP_KINDS } from '../../src/playbook/catalog.js';
import type { Actor, Engagement } from '../../src/playbook/engagement.js';
import { LIMITS } from '../../src/playbook/limits.js';
import { recordMembership } from '../../src/playbook/membership.js';
import { jsonBytes } from '../../src/playbook/text-size.js';
import { ARCHITECT, BDM, EngagementBuilder, FE, FM, SME, TENANT } from '../support/engagements.js';
import { OTHER_TENANT } from '../support/playbook.js';

/** A text for the field `label` that weighs at most `limit` bytes as stored. */
export type Fill = (label: string, limit: number) => string;

/** `unit` repeated (after `label`) as long as the whole stays within `limit` bytes. */
export function repeat(unit: string): Fill {
  const weight = jsonBytes(unit);
  return (label, limit) => {
    const head = `${label} `;
    const room = limit - jsonBytes(head);
    return room >= weight
      ? head + unit.repeat(Math.floor(room / weight))
      : unit.repeat(Math.floor(limit / weight));
  };
}

/** Plain text: "Customer Customer Custo". */
export const plain: Fill = (label, limit) =>
  `${label} `.repeat(Math.ceil(limit / (label.length + 1))).slice(0, limit);

export interface Largest {
  e: Engagement;
  now: Date;
  members: { id: string; name: string }[];
  /** The FM, FE, SME and a stakeholder as they act (their names filled too). */
  cast: { fm: Actor; fe: Actor; sme: Actor; bdm: Actor };
}

export function largest(fill: Fill = plain): Largest {
  const named = (a: Actor, label: string): Actor => ({ ...a, name: fill(label, LIMITS.name) });
  const fm = named(FM, 'FM');
  const fe = named(FE, 'FE');
  const sme = named(SME, 'SME');
  const bdm = named(BDM, 'BDM');
  const architect = named(ARCHITECT, 'Architect');
  const e0 = EngagementBuilder.start(fill('Customer', LIMITS.customer)).build();
  e0.people[FM.id]!.name = fm.name;
  e0.started.byName = fm.name;
  const b = new EngagementBuilder(e0);
  for (const [p, role, title] of [
    [fe, 'FE'],
    [sme, 'SME'],
    [bdm, 'stakeholder', 'BDM'],
    [architect, 'stakeholder', 'Security Architect'],
  ] as const)
    b.act(fm, {
      type: 'assignRole',
      personId: p.id,
      name: p.name,
      role,
      ...(title ? { title } : {}),
    });
  b.act(fm, { type: 'confirmKickoff' });
  const extra = LIMITS.people - Object.keys(b.engagement.people).length;
  /** Alternately a guest account and a shared channel's member from another organization. */
  const people = Array.from({ length: extra }, (_, i) => ({
    id: `aad-${String(i).padStart(4, '0')}`,
    name: fill(`Person ${i}`, LIMITS.name),
    teamsId: `29:${String(i).padStart(120, 't')}`,
    tenantId: i % 2 ? OTHER_TENANT : TENANT,
    userRole: i % 2 ? 'user' : 'guest',
    email: `${String(i).padStart(240, 'e')}@example.com`,
  }));
  for (const p of people)
    b.act(fm, {
      type: 'assignRole',
      personId: p.id,
      name: p.name,
      role: 'stakeholder',
      title: 'Security Analyst',
      teamsId: p.teamsId,
      homeTenantId: p.tenantId,
      userRole: p.userRole,
      email: p.email,
    });
  b.act(fm, {
    type: 'recordLicensing',
    licences: ['m365e3', 'm365e5', 'emse5', 'aadp2'],
    addOns: ['defenderO365', 'defenderEndpoint', 'defenderIdentity', 'mcas', 'intune', 'aip'],
    notes: fill('notes', LIMITS.longText),
    emsNotDeployed: true,
  });
  b.act(fm, {
    type: 'recordPreparation',
    businessRequirements: fill('business', LIMITS.shortText),
    deploymentRequirements: fill('deployment', LIMITS.shortText),
    supportAreas: ['identity', 'devices', 'information', 'cloudApps', 'workloads'],
    supportNote: fill('support', LIMITS.shortText),
  });
  b.act(fm, {
    type: 'scheduleConversation',
    startsAt: '2025-03-06T14:00:00.000Z',
    timeZone: 'America/Argentina/ComodRivadavia',
    invited: people.slice(0, LIMITS.attendees).map((p) => p.id),
  });
  /** Every other answer is recorded in the meeting, for the stakeholder, by the FE. */
  const answering = (p: Actor, i: number) =>
    i % 2 ? { by: fe, behalf: { onBehalfOf: p.id } } : { by: p, behalf: {} };
  for (let i = 0; i < LIMITS.questions; i++) {
    const p = i === 0 ? bdm : people[i % people.length]!;
    b.act(p, {
      type: 'acknowledgeAgenda',
      topics: ['importance', 'baseline', 'deploySecurely'],
      question: fill(`Question ${i}`, LIMITS.longText),
    });
  }
  [bdm, ...people].forEach((p, i) => {
    b.act(p, {
      type: 'selfAssess',
      levels: { identity: 'advanced', device: 'working', information: 'basic' },
    });
    const { by, behalf } = answering(p, i);
    b.act(by, {
      type: 'statePreference',
      method: 'thirdPartyFederation',
      comment: fill('comment', LIMITS.shortText),
      ...behalf,
    });
    if (i % 2)
      b.act(fe, {
        type: 'acknowledgeAgenda',
        topics: ['importance', 'baseline', 'deploySecurely'],
        question: '',
        onBehalfOf: p.id,
      });
  });
  b.until('2025-03-06T14:00:00.000Z');
  b.act(fm, { type: 'deliverConversation' });
  b.act(fe, {
    type: 'completeIdentityStep',
    step: 'forests',
    note: fill('note', LIMITS.shortText),
  });
  for (let i = 0; i <= LIMITS.authMethodHistory; i++)
    b.act(fe, {
      type: 'finalizeAuthMethod',
      method: i % 2 ? 'adfs' : 'thirdPartyFederation',
      rationale: fill(`rationale ${i}`, LIMITS.longText),
      decidedBy: fill('Decider', LIMITS.name),
    });
  for (const step of ['aadConnect', 'breakGlass', 'blockAllCa', 'mfaAdmins'] as const)
    b.act(fe, { type: 'completeIdentityStep', step, note: fill('note', LIMITS.shortText) });
  const addOns = [
    'defenderO365',
    'defenderEndpoint',
    'defenderIdentity',
    'mcas',
    'intune',
    'aip',
  ] as const;
  for (const licences of [['o365e3'], ['m365e3', 'm365e5', 'emse5', 'aadp2']] as const) {
    b.act(fm, {
      type: 'recordLicensing',
      licences: [...licences],
      addOns: [...addOns],
      notes: fill('notes', LIMITS.longText),
    });
    for (const step of ['blockAllCa', 'mfaAdmins'] as const)
      b.act(fe, { type: 'completeIdentityStep', step, note: fill('note', LIMITS.shortText) });
  }
  b.act(fe, { type: 'markSyncReady' });
  for (const feature of [
    'mfaAllUsers',
    'conditionalAccess',
    'blockLegacyAuth',
    'saasSso',
    'deviceManagement',
    'mobileAppManagement',
  ] as const) {
    b.act(fe, {
      type: 'decideFeature',
      feature,
      choice: 'notPlanned',
      reason: fill('reason', LIMITS.shortText),
      onBehalfOf: bdm.id,
    });
  }
  for (const policy of ['mfaAllUsers', 'blockLegacy'] as const)
    b.act(fe, { type: 'recordCaPolicy', policy, state: 'planned' });
  b.act(fe, { type: 'recordMfaRegistration', registered: 9_999_999, total: 10_000_000 });
  b.act(fe, { type: 'deliverWorkshop' });
  const apps = Array.from({ length: LIMITS.saasApps }, (_, i) => ({
    name: fill(`App ${i}`, LIMITS.name),
    inGallery: i % 2 === 0,
  }));
  for (let i = 0; i < LIMITS.handoffRevisions; i++) {
    b.act(sme, {
      type: 'submitHandoff',
      form: {
        authRationale: fill('why', LIMITS.longText),
        saasApps: apps,
        devicePlan: fill('device', LIMITS.longText),
        mobileAppPlan: fill('mobile', LIMITS.longText),
        risks: fill('risk', LIMITS.longText),
        recommendedWorkshops: [
          'Conduct Technical Assessment',
          'Conduct Security Workshops',
          'Conduct Services Workshops',
        ],
        notes: fill('note', LIMITS.longText),
      },
    });
  }
  const attendees = people.slice(0, LIMITS.attendees).map((p) => p.id);
  for (let i = 0; i < LIMITS.followUps; i++) {
    b.act(fm, {
      type: 'scheduleFollowUp',
      kind: FOLLOW_UP_KINDS[i % FOLLOW_UP_KINDS.length]!.id,
      startsAt: new Date(Date.UTC(2025, 4, 1 + (i % 28), 8 + (i % 9))).toISOString(),
      timeZone: 'America/Argentina/ComodRivadavia',
      attendees,
      agenda: fill(`Agenda ${i}`, LIMITS.longText),
      leadMinutes: 60,
    });
  }
  // Every third of them left the chat: their role stays on the record, marked on the roles card.
  const left = people.filter((_, i) => i % 3 === 0);
  const e = structuredClone(
    recordMembership(
      b.engagement,
      { left: left.map((p) => ({ aadObjectId: p.id })), joined: [] },
      new Date('2025-04-14T00:00:00Z'),
    ) ?? b.engagement,
  );
  e.followUps.forEach((f, i) => {
    if (i % 2)
      f.reminder = {
        ...f.reminder,
        state: 'undeliverable',
        attempts: 9,
        lastError: fill('error', 500),
      };
  });
  const members = [...people.filter((p) => !left.includes(p)), fm, fe, sme, bdm, architect]
    .map(({ id, name }) => ({ id, name }))
    .concat(
      Array.from({ length: 50 }, (_, i) => ({
        id: `aad-roster-${i}`,
        name: fill(`Roster ${i}`, LIMITS.name),
      })),
    );
  return { e, now: new Date('2025-04-15T00:00:00Z'), members, cast: { fm, fe, sme, bdm } };
}
