/**
 * The largest engagement the playbook's LIMITS allow still gives cards Teams takes (< 28 KB),
 * and every card stays valid. Built with real playbook actions, every text at its limit.
 */
import { CardRenderer } from '../../src/cards/renderer.js';
import { CARD_NAMES } from '../../src/door/card-names.js';
import { FOLLOW_UP_KINDS } from '../../src/playbook/catalog.js';
import type { Engagement } from '../../src/playbook/engagement.js';
import { LIMITS } from '../../src/playbook/limits.js';
import { toHtml, toMarkdown } from '../../src/documents/document.js';
import { handoffDocument } from '../../src/documents/handoff.js';
import { summaryDocument } from '../../src/documents/summary.js';
import { ARCHITECT, BDM, EngagementBuilder, FE, FM, SME, TENANT } from '../support/engagements.js';
import { bytes, cardProblems } from './adaptive.js';

const long = (label: string, n: number) =>
  `${label} `.repeat(Math.ceil(n / (label.length + 1))).slice(0, n);

function largest(): { e: Engagement; now: Date; members: { id: string; name: string }[] } {
  const b = EngagementBuilder.start(long('Customer', LIMITS.customer)).roles().kickoff();
  const extra = LIMITS.people - Object.keys(b.engagement.people).length;
  const people = Array.from({ length: extra }, (_, i) => ({
    id: `aad-${String(i).padStart(4, '0')}`,
    name: long(`Person ${i}`, LIMITS.name),
    tenantId: TENANT,
  }));
  for (const p of people)
    b.act(FM, {
      type: 'assignRole',
      personId: p.id,
      name: p.name,
      role: 'stakeholder',
      title: 'Security Analyst',
    });
  b.act(FM, {
    type: 'recordLicensing',
    licences: ['m365e3', 'm365e5', 'emse5', 'aadp2'],
    addOns: ['defenderO365', 'defenderEndpoint', 'defenderIdentity', 'mcas', 'intune', 'aip'],
    notes: long('notes', LIMITS.longText),
  });
  b.act(FM, {
    type: 'recordPreparation',
    businessRequirements: long('business', LIMITS.shortText),
    deploymentRequirements: long('deployment', LIMITS.shortText),
    supportAreas: ['identity', 'devices', 'information', 'cloudApps', 'workloads'],
    supportNote: long('support', LIMITS.shortText),
  });
  b.act(FM, {
    type: 'scheduleConversation',
    startsAt: '2025-03-06T14:00:00.000Z',
    invited: people.slice(0, LIMITS.attendees).map((p) => p.id),
  });
  for (let i = 0; i < LIMITS.questions; i++) {
    const p = people[i % people.length]!;
    b.act(p, {
      type: 'acknowledgeAgenda',
      topics: ['importance', 'baseline', 'deploySecurely'],
      question: long(`Question ${i}`, LIMITS.longText),
    });
  }
  for (const p of people) {
    b.act(p, {
      type: 'selfAssess',
      levels: { identity: 'advanced', device: 'working', information: 'basic' },
    });
    b.act(p, {
      type: 'statePreference',
      method: 'thirdPartyFederation',
      comment: long('comment', LIMITS.shortText),
    });
  }
  b.until('2025-03-06T14:00:00.000Z');
  b.act(FM, { type: 'deliverConversation' });
  b.act(FE, {
    type: 'completeIdentityStep',
    step: 'forests',
    note: long('note', LIMITS.shortText),
  });
  for (let i = 0; i <= LIMITS.authMethodHistory; i++)
    b.act(FE, {
      type: 'finalizeAuthMethod',
      method: i % 2 ? 'adfs' : 'thirdPartyFederation',
      rationale: long(`rationale ${i}`, LIMITS.longText),
      decidedBy: long('Decider', LIMITS.name),
    });
  const identity = ['aadConnect', 'breakGlass', 'blockAllCa', 'mfaAdmins'] as const;
  for (const step of identity)
    b.act(FE, { type: 'completeIdentityStep', step, note: long('note', LIMITS.shortText) });
  // The licences change back and forth: each change of path reopens 4.5 and 4.6, kept in the record.
  for (const licences of [['o365e3'], ['m365e3', 'm365e5', 'emse5', 'aadp2']] as const) {
    b.act(FM, {
      type: 'recordLicensing',
      licences: [...licences],
      addOns: ['defenderO365', 'defenderEndpoint', 'defenderIdentity', 'mcas', 'intune', 'aip'],
      notes: long('notes', LIMITS.longText),
    });
    for (const step of ['blockAllCa', 'mfaAdmins'] as const)
      b.act(FE, { type: 'completeIdentityStep', step, note: long('note', LIMITS.shortText) });
  }
  b.act(FE, { type: 'markSyncReady' });
  for (const feature of [
    'mfaAllUsers',
    'conditionalAccess',
    'blockLegacyAuth',
    'saasSso',
    'deviceManagement',
    'mobileAppManagement',
  ] as const) {
    b.act(BDM, {
      type: 'decideFeature',
      feature,
      choice: 'notPlanned',
      reason: long('reason', LIMITS.shortText),
    });
  }
  for (const policy of ['mfaAllUsers', 'blockLegacy'] as const)
    b.act(FE, { type: 'recordCaPolicy', policy, state: 'planned' });
  b.act(FE, { type: 'recordMfaRegistration', registered: 9_999_999, total: 10_000_000 });
  b.act(FE, { type: 'deliverWorkshop' });
  const apps = Array.from({ length: LIMITS.saasApps }, (_, i) => ({
    name: long(`App ${i}`, LIMITS.name),
    inGallery: i % 2 === 0,
  }));
  for (let i = 0; i < LIMITS.handoffRevisions; i++) {
    b.act(SME, {
      type: 'submitHandoff',
      form: {
        authRationale: long('why', LIMITS.longText),
        saasApps: apps,
        devicePlan: long('device', LIMITS.longText),
        mobileAppPlan: long('mobile', LIMITS.longText),
        risks: long('risk', LIMITS.longText),
        recommendedWorkshops: [
          'Conduct Technical Assessment',
          'Conduct Security Workshops',
          'Conduct Services Workshops',
        ],
        notes: long('note', LIMITS.longText),
      },
    });
  }
  const attendees = people.slice(0, LIMITS.attendees).map((p) => p.id);
  for (let i = 0; i < LIMITS.followUps; i++) {
    b.act(FM, {
      type: 'scheduleFollowUp',
      kind: FOLLOW_UP_KINDS[i % FOLLOW_UP_KINDS.length]!.id,
      startsAt: new Date(Date.UTC(2025, 4, 1 + (i % 28), 8 + (i % 9))).toISOString(),
      timeZone: 'America/Argentina/ComodRivadavia',
      attendees,
      agenda: long(`Agenda ${i}`, LIMITS.longText),
      leadMinutes: 60,
    });
  }
  const e = structuredClone(b.engagement);
  e.followUps.forEach((f, i) => {
    if (i % 2)
      f.reminder = {
        ...f.reminder,
        state: 'undeliverable',
        attempts: 9,
        lastError: long('error', 500),
      };
  });
  const members = [...people, FM, FE, SME, BDM, ARCHITECT]
    .map(({ id, name }) => ({ id, name }))
    .concat(
      Array.from({ length: 50 }, (_, i) => ({
        id: `aad-roster-${i}`,
        name: long(`Roster ${i}`, LIMITS.name),
      })),
    );
  return { e, now: new Date('2025-04-15T00:00:00Z'), members };
}

const renderer = new CardRenderer();
const { e, now, members } = largest();

test('the largest engagement is really at the limits', () => {
  expect(Object.keys(e.people)).toHaveLength(LIMITS.people);
  expect(e.conversation.questions).toHaveLength(LIMITS.questions);
  expect(e.handoff).toHaveLength(LIMITS.handoffRevisions);
  expect(e.followUps).toHaveLength(LIMITS.followUps);
  expect(e.identity.authMethodHistory).toHaveLength(LIMITS.authMethodHistory);
  expect(e.superseded.length).toBeGreaterThan(1);
  expect(e.conversation.invited).toHaveLength(LIMITS.attendees);
});

describe.each(CARD_NAMES)('the %s card of the largest engagement', (card) => {
  test.each([
    ['shared', undefined],
    ['FM', { id: FM.id, role: 'FM' as const }],
    ['FE', { id: FE.id, role: 'FE' as const }],
    ['stakeholder', { id: BDM.id, role: 'stakeholder' as const }],
  ])('stays under 28 KB and valid (%s view)', (_name, viewer) => {
    const json = renderer.render({
      card,
      engagement: e,
      now,
      members,
      followUpId: 'fu-2',
      ...(viewer ? { viewer } : {}),
      message: { kind: 'error', text: long('message', 600) },
      form: { fuAgenda: long('typed', 5000), notes: long('typed', 5000) },
    });
    expect(bytes(json)).toBeLessThan(28 * 1024);
    expect(cardProblems(json)).toEqual([]);
  });
});

test('the documents of the largest engagement are complete: every follow-up, every field', () => {
  const md = toMarkdown(summaryDocument(e, now));
  expect(
    md.split('\n').filter((l) => l.startsWith('- ') && l.includes('Agenda 9')),
  ).not.toHaveLength(0);
  expect(md).toContain('## Security features');
  const handoff = handoffDocument(e, now);
  if (handoff) expect(toHtml(handoff)).toContain('Notes for the next engineer');
});
