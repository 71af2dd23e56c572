import { FEATURES, NEXT_PHASES } from '../../src/playbook/catalog.js';
import type {
  Engagement,
  FollowUp,
  HandoffRevision,
  Stamp,
} from '../../src/playbook/engagement.js';
import { LIMITS } from '../../src/playbook/limits.js';
import { snapshot } from '../../src/playbook/steps/handoff.js';
import { documentBytes, MAX_DOCUMENT_BYTES } from '../../src/store/document.js';
import { newEngagement } from './fixtures.js';

const text = (n: number) => 'x'.repeat(n);
const stampOf = (i: number): Stamp => ({
  by: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  byName: text(LIMITS.name),
  at: new Date(0).toISOString(),
});

/** An engagement with every list and every text the playbook allows at its cap. */
function engagementAtCaps(): Engagement {
  const e = newEngagement(text(LIMITS.customer));
  for (let i = 0; i < LIMITS.people; i++) {
    const s = stampOf(i);
    e.people[s.by] = {
      id: s.by,
      name: text(LIMITS.name),
      role: 'stakeholder',
      title: 'Director of Security',
      assigned: s,
    };
    e.conversation.acknowledgements[s.by] = {
      ...s,
      topics: ['importance', 'baseline', 'deploySecurely'],
    };
    e.conversation.selfAssessments[s.by] = {
      ...s,
      levels: { identity: 'advanced', device: 'advanced', information: 'advanced' },
    };
    e.identity.preferences[s.by] = {
      ...s,
      method: 'thirdPartyFederation',
      comment: text(LIMITS.shortText),
    };
  }
  e.conversation.questions = Array.from({ length: LIMITS.questions }, (_, i) => ({
    ...stampOf(i),
    text: text(LIMITS.longText),
  }));
  for (const f of FEATURES)
    e.workshop.decisions[f.id] = {
      ...stampOf(1),
      choice: 'notPlanned',
      reason: text(LIMITS.shortText),
    };
  e.handoff = Array.from({ length: LIMITS.handoffRevisions }, (_, i): HandoffRevision => ({
    ...stampOf(i),
    revision: i + 1,
    authRationale: text(LIMITS.longText),
    saasApps: Array.from({ length: LIMITS.saasApps }, () => ({
      name: text(LIMITS.name),
      inGallery: true,
    })),
    devicePlan: text(LIMITS.longText),
    mobileAppPlan: text(LIMITS.longText),
    risks: text(LIMITS.longText),
    recommendedWorkshops: [...NEXT_PHASES],
    notes: text(LIMITS.longText),
    known: snapshot(e),
  }));
  e.followUps = Array.from({ length: LIMITS.followUps }, (_, i): FollowUp => ({
    id: `fu-${i + 1}`,
    kind: 'technicalSme',
    startsAt: new Date(0).toISOString(),
    timeZone: 'America/Argentina/ComodRivadavia',
    attendees: Object.keys(e.people).slice(0, LIMITS.attendees),
    agenda: text(LIMITS.longText),
    scheduled: stampOf(i),
    cancelled: stampOf(i),
    reminder: {
      dueAt: new Date(0).toISOString(),
      state: 'undeliverable',
      attempts: 6,
      lastError: text(200),
      settledAt: new Date(0).toISOString(),
    },
  }));
  const ids = Object.keys(e.people);
  e.conversation.invited = ids.slice(0, LIMITS.attendees);
  e.conversation.attended = ids.slice(0, LIMITS.attendees);
  e.preparation = {
    ...stampOf(1),
    businessRequirements: text(LIMITS.shortText),
    deploymentRequirements: text(LIMITS.shortText),
    supportAreas: ['identity', 'devices', 'information', 'cloudApps', 'workloads'],
    supportNote: text(LIMITS.shortText),
  };
  e.identity.authMethodHistory = Array.from({ length: LIMITS.authMethodHistory }, (_, i) => ({
    ...stampOf(i),
    method: 'thirdPartyFederation',
    rationale: text(LIMITS.longText),
    decidedBy: text(LIMITS.name),
  }));
  e.workshop.totalLowered = Array.from({ length: LIMITS.totalLowered }, (_, i) => ({
    ...stampOf(i),
    from: 10_000_000,
    to: 1,
    reason: text(LIMITS.shortText),
  }));
  // A change of path reopens at most 4.5, 4.6, sync, the removal, 3 CA policies and 6 decisions.
  e.superseded = Array.from({ length: LIMITS.superseded }, (_, i) => ({
    ...stampOf(i),
    reason: text(200),
    items: Array.from({ length: 13 }, () => ({
      what: text(250),
      was: stampOf(i),
      detail: text(200),
    })),
  }));
  e.history = Array.from({ length: LIMITS.history }, (_, i) => ({
    ...stampOf(i),
    action: 'finalizeAuthMethod',
    summary: text(300),
  }));
  e.appliedActivityIds = Array.from(
    { length: LIMITS.appliedActivityIds },
    (_, i) => `f:${text(40)}${i}`,
  );
  return e;
}

describe('the size of one engagement', () => {
  it('stays under the store guard (and Cosmos DB 2 MB) with every cap of the playbook reached', () => {
    const bytes = documentBytes(engagementAtCaps());
    expect(bytes).toBeGreaterThan(1_000_000); // the builder really fills the document
    expect(bytes).toBeLessThan(MAX_DOCUMENT_BYTES);
  });
});
