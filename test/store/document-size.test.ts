/**
 * No engagement the playbook accepts can outgrow what the store may write: with every list at its
 * cap and every text at its limit in the heaviest characters (a control character weighs 6 bytes
 * of JSON, a CJK character 3, an emoji 4), the document stays under the store's guard. Each person
 * carries what Teams' member list says of them at the most the door keeps, a left-the-chat stamp and
 * the former roles a record keeps.
 */
import { ADD_ONS, FEATURES, LICENCES, NEXT_PHASES } from '../../src/playbook/catalog.js';
import type {
  Engagement,
  FollowUp,
  HandoffRevision,
  Stamp,
} from '../../src/playbook/engagement.js';
import { LIMITS } from '../../src/playbook/limits.js';
import { BOT_ID, BOT_NAME } from '../../src/playbook/membership.js';
import { snapshot } from '../../src/playbook/steps/handoff.js';
import { MAX_FORMER_ROLES } from '../../src/playbook/steps/people.js';
import { tooLong } from '../../src/playbook/steps/text.js';
import { jsonBytes } from '../../src/playbook/text-size.js';
import { documentBytes, MAX_DOCUMENT_BYTES } from '../../src/store/document.js';
import { MAX_EMAIL, MAX_TENANT_ID, MAX_USER_ROLE } from '../../src/door/members.js';
import { applied, FM } from '../support/playbook.js';
import { newEngagement } from './fixtures.js';

type Text = (limit: number) => string;
/** The longest repetition of `unit` the playbook takes for a text with this limit. */
const of =
  (unit: string): Text =>
  (limit) => {
    let [lo, hi] = [0, limit];
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (tooLong('text', unit.repeat(mid), limit)) hi = mid - 1;
      else lo = mid;
    }
    return unit.repeat(lo);
  };

const ALPHABETS: [string, Text][] = [
  ['plain text', of('x')],
  ['control characters', of('\u0001')],
  ['CJK', of('漢')],
  ['emoji', of('🔐')],
  ['quotes', of('"')],
];

/** The longest line the history keeps: all licences and add-ons recorded, cut to its limit. */
function longestSummary(): number {
  const e = applied(newEngagement(), FM, { type: 'confirmKickoff' }, new Date(0)).engagement;
  const licensed = applied(
    e,
    FM,
    {
      type: 'recordLicensing',
      licences: LICENCES.map((l) => l.id),
      addOns: ADD_ONS.map((a) => a.id),
      notes: '',
    },
    new Date(0),
  ).engagement;
  return jsonBytes(licensed.history.at(-1)!.summary);
}

/** An engagement with every list and every text the playbook allows at its cap. */
function engagementAtCaps(text: Text): Engagement {
  const stampOf = (i: number): Stamp => ({
    by: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    byName: text(LIMITS.name),
    at: new Date(0).toISOString(),
  });
  const e = newEngagement(text(LIMITS.customer));
  e.chatUrl = `https://teams.microsoft.com/l/channel/${'%E6'.repeat((LIMITS.chatUrl - 40) / 3)}`;
  e.conversationReference = {
    activityId: `1:${'1'.repeat(60)}`,
    user: { id: `29:${'u'.repeat(120)}`, name: text(LIMITS.name), aadObjectId: stampOf(0).by },
    bot: { id: `28:${'b'.repeat(36)}`, name: 'Deploy Securely' },
    conversation: {
      id: `19:${'c'.repeat(64)}@thread.v2`,
      conversationType: 'channel',
      tenantId: stampOf(1).by,
      name: text(256),
      isGroup: true,
    },
    channelId: 'msteams',
    serviceUrl: `https://smba.trafficmanager.net/emea/${stampOf(1).by}/`,
    locale: 'en-US',
  };
  for (let i = 0; i < LIMITS.people; i++) {
    const s = stampOf(i);
    e.people[s.by] = {
      id: s.by,
      name: text(LIMITS.name),
      role: 'stakeholder',
      title: 'Director of Security',
      teamsId: `29:${'t'.repeat(120)}`,
      homeTenantId: 't'.repeat(MAX_TENANT_ID),
      userRole: 'u'.repeat(MAX_USER_ROLE),
      email: `${'e'.repeat(MAX_EMAIL - 12)}@example.com`,
      assigned: s,
      removed: { by: BOT_ID, byName: BOT_NAME, at: s.at },
      formerRoles: Array.from({ length: MAX_FORMER_ROLES }, () => ({
        role: 'stakeholder' as const,
        title: 'Director of Security' as const,
        until: s,
      })),
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
  e.licensing = {
    ...stampOf(0),
    licences: LICENCES.map((l) => l.id),
    addOns: ADD_ONS.map((a) => a.id),
    notes: text(LIMITS.longText),
  };
  e.conversation.questions = Array.from({ length: LIMITS.questions }, (_, i) => ({
    ...stampOf(i),
    text: text(LIMITS.longText),
  }));
  for (const step of ['forests', 'aadConnect', 'breakGlass', 'blockAllCa', 'mfaAdmins'] as const)
    e.identity.steps[step] = { ...stampOf(1), note: text(LIMITS.shortText) };
  e.identity.authMethod = {
    ...stampOf(1),
    method: 'thirdPartyFederation',
    rationale: text(LIMITS.longText),
    decidedBy: text(LIMITS.name),
  };
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
    mfaApproach: 'caPolicy',
    mfaRegistered: 1_000_000,
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
  e.followUps = Array.from({ length: LIMITS.followUpRecords }, (_, i): FollowUp => ({
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
      state: 'sending',
      claimedBy: `${'h'.repeat(64)}-${'9'.repeat(7)}-${'a'.repeat(8)}`,
      claimExpiresAt: new Date(0).toISOString(),
      attempts: 6,
      lastError: text(LIMITS.errorText),
      settledAt: new Date(0).toISOString(),
    },
  }));
  const summary = longestSummary();
  e.history = Array.from({ length: LIMITS.history }, (_, i) => ({
    ...stampOf(i),
    action: 'finalizeAuthMethod',
    summary: text(summary),
  }));
  e.appliedActivityIds = Array.from(
    { length: LIMITS.appliedActivityIds },
    (_, i) => `f:${'x'.repeat(40)}${i}`,
  );
  return e;
}

describe('the size of one engagement', () => {
  it.each(ALPHABETS)(
    'stays under the store guard (and Cosmos DB 2 MB) with every cap reached in %s',
    (_, text) => {
      const bytes = documentBytes(engagementAtCaps(text));
      expect(bytes).toBeGreaterThan(1_000_000); // the builder really fills the document
      expect(bytes).toBeLessThan(MAX_DOCUMENT_BYTES);
    },
  );
});
