/**
 * Random but plausible engagements for the property test: each step is either the next sensible
 * action for the engagement as it stands (so runs reach the late steps) or any action with random
 * values, taken by the right person or by anyone, at a time a few hours later.
 */
import type { Action } from '../../../src/playbook/actions.js';
import {
  AGENDA_TOPICS,
  AUTH_METHODS,
  CA_POLICIES,
  CHECKLIST_STEPS,
  FEATURE_CHOICES,
  FEATURES,
  NEXT_PHASES,
  type ChecklistStepId,
  type FeatureChoice,
  type FeatureId,
} from '../../../src/playbook/catalog.js';
import { contradictions } from '../../../src/playbook/contradictions.js';
import type { Actor, Engagement } from '../../../src/playbook/engagement.js';
import {
  hybridOf,
  identityStepApplies,
  identityStepDone,
  pathOf,
} from '../../../src/playbook/facts.js';
import type { AddOnId, LicenceId } from '../../../src/playbook/licences.js';
import { recommendedPhases } from '../../../src/playbook/steps/phase.js';
import { Random } from '../../support/random.js';
import { BDM, FE, FM, OUTSIDER, SEC, SME, STRANGER } from '../builders.js';

export const CAST: readonly Actor[] = [FM, FE, SME, BDM, SEC, STRANGER, OUTSIDER];
const STAKEHOLDERS = [BDM, SEC];
const LICENCE_SETS: LicenceId[][] = [
  ['m365e3'],
  ['m365e5'],
  ['m365bp'],
  ['o365e3'],
  ['o365e5'],
  ['o365e3', 'aadp1'],
  ['emse3', 'o365e1'],
  ['m365bs'],
];
const ADD_ON_SETS: AddOnId[][] = [[], [], ['intune'], ['mcas', 'aip']];

const day = (now: Date, days: number) =>
  new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);

function someOf<T>(r: Random, items: readonly T[], min = 0): T[] {
  const chosen = items.filter(() => r.chance(0.5));
  return chosen.length >= min ? chosen : items.slice(0, min);
}

/** Any action, with random values. */
function anyAction(r: Random, e: Engagement, now: Date): Action {
  const stakeholder = r.pick(STAKEHOLDERS).id;
  const behalf = r.chance(0.3) ? { onBehalfOf: r.pick([stakeholder, FE.id]) } : {};
  const choice = r.pick(FEATURE_CHOICES);
  switch (r.int(20)) {
    case 0:
      return { type: 'confirmKickoff' };
    case 1:
      return {
        type: 'recordLicensing',
        licences: r.pick(LICENCE_SETS),
        addOns: r.pick(ADD_ON_SETS),
        notes: '',
        ...(r.chance(0.2) ? { emsNotDeployed: true } : {}),
      };
    case 2:
      return {
        type: 'scheduleConversation',
        startsAt: new Date(now.getTime() + (r.int(96) - 12) * 3_600_000).toISOString(),
        invited: someOf(r, [BDM.id, SEC.id, FE.id]),
      };
    case 3:
      return {
        type: 'acknowledgeAgenda',
        topics: someOf(
          r,
          AGENDA_TOPICS.map((t) => t.id),
        ),
        question: '',
        ...behalf,
      };
    case 4:
      return {
        type: 'deliverConversation',
        ...(r.chance(0.3) ? { attended: someOf(r, [FM.id, BDM.id, FE.id]) } : {}),
      };
    case 5:
      return { type: 'completeIdentityStep', step: r.pick(CHECKLIST_STEPS), note: '' };
    case 6:
      return {
        type: 'finalizeAuthMethod',
        method: r.pick(AUTH_METHODS).id,
        rationale: 'why',
        decidedBy: BDM.name,
      };
    case 7:
      return { type: 'markSyncReady' };
    case 8:
      return {
        type: 'decideFeature',
        feature: r.pick(FEATURES).id,
        choice,
        targetDate: day(now, r.int(120) - 10),
        ...(r.chance(0.8) ? { reason: 'because' } : {}),
        ...behalf,
      };
    case 9:
      return {
        type: 'recordCaPolicy',
        policy: r.pick(CA_POLICIES).id,
        state: r.pick(['none', 'planned', 'created'] as const),
      };
    case 10: {
      const total = 1 + r.int(5);
      return {
        type: 'recordMfaRegistration',
        registered: r.int(total + 1),
        total,
        ...(r.chance(0.5) ? { reason: 'fewer users' } : {}),
      };
    }
    case 11:
      return { type: 'removeBlockAll' };
    case 12:
      return { type: 'deliverWorkshop' };
    case 13:
      return {
        type: 'submitHandoff',
        form: {
          authRationale: '',
          saasApps: [],
          devicePlan: '',
          mobileAppPlan: '',
          risks: '',
          recommendedWorkshops: someOf(r, NEXT_PHASES),
          notes: '',
        },
      };
    case 14:
      return { type: 'moveToNextPhase', phases: someOf(r, NEXT_PHASES) };
    case 15:
      return { type: 'statePreference', method: r.pick(AUTH_METHODS).id, comment: '', ...behalf };
    case 16:
      return {
        type: 'selfAssess',
        levels: { identity: 'basic', device: 'new', information: 'working' },
      };
    case 17:
      return {
        type: 'recordPreparation',
        businessRequirements: 'growth',
        deploymentRequirements: '',
        supportAreas: ['identity'],
        supportNote: '',
      };
    default:
      return {
        type: 'scheduleFollowUp',
        kind: 'deviceManagement',
        startsAt: new Date(now.getTime() + 86_400_000).toISOString(),
        timeZone: 'Europe/Paris',
        attendees: [],
        agenda: '',
        leadMinutes: 30,
      };
  }
}

/** A decision that contradicts nothing: MFA and legacy authentication on, CA where licensed. */
function sensible(e: Engagement, feature: FeatureId): FeatureChoice {
  if (feature === 'mfaAllUsers' || feature === 'blockLegacyAuth') return 'enable';
  if (feature === 'conditionalAccess') return pathOf(e) === 'ca' ? 'enable' : 'notPlanned';
  return 'notPlanned';
}

/** The next sensible action for the engagement as it stands, or undefined when there is none. */
function nextAction(r: Random, e: Engagement, now: Date): Action | undefined {
  if (!e.kickoff) return { type: 'confirmKickoff' };
  if (!e.licensing)
    return {
      type: 'recordLicensing',
      licences: r.pick(LICENCE_SETS),
      addOns: r.pick(ADD_ON_SETS),
      notes: '',
    };
  const c = e.conversation;
  if (!c.scheduledFor)
    return {
      type: 'scheduleConversation',
      startsAt: new Date(now.getTime() + 3_600_000).toISOString(),
      invited: [BDM.id, SEC.id],
    };
  const acknowledged = new Set(Object.values(c.acknowledgements).flatMap((a) => a.topics));
  if (AGENDA_TOPICS.some((t) => !acknowledged.has(t.id)))
    return { type: 'acknowledgeAgenda', topics: AGENDA_TOPICS.map((t) => t.id), question: '' };
  if (!c.delivered) return { type: 'deliverConversation' };
  const next = (
    ['forests', 'authMethod', 'aadConnect', 'breakGlass', 'blockAllCa', 'mfaAdmins'] as const
  ).find((id) => identityStepApplies(e, id) && !identityStepDone(e, id));
  if (next === 'authMethod')
    return {
      type: 'finalizeAuthMethod',
      method: r.chance(0.25) ? 'cloudOnly' : 'phs',
      rationale: 'why',
      decidedBy: BDM.name,
    };
  if (next) return { type: 'completeIdentityStep', step: next as ChecklistStepId, note: '' };
  if (hybridOf(e) && !e.identity.syncReady) return { type: 'markSyncReady' };
  const wrong = contradictions(e, now).length > 0;
  const redo = FEATURES.find((f) => {
    const d = e.workshop.decisions[f.id];
    return !d || (wrong && d.choice !== sensible(e, f.id));
  });
  if (redo) {
    const choice = sensible(e, redo.id);
    return {
      type: 'decideFeature',
      feature: redo.id,
      choice,
      ...(choice === 'notPlanned' ? { reason: 'later' } : {}),
    };
  }
  if (pathOf(e) === 'ca' && !e.workshop.blockAllRemoved) {
    const missing = (['mfaAllUsers', 'blockLegacy'] as const).find(
      (p) => e.workshop.caPolicies[p]?.state !== 'created',
    );
    if (missing) return { type: 'recordCaPolicy', policy: missing, state: 'created' };
    const mfa = e.workshop.mfaRegistration;
    if (!mfa || mfa.registered < mfa.total)
      return { type: 'recordMfaRegistration', registered: mfa?.total ?? 3, total: mfa?.total ?? 3 };
    return { type: 'removeBlockAll' };
  }
  if (!e.workshop.delivered) return { type: 'deliverWorkshop' };
  if (!e.movedOn) return { type: 'moveToNextPhase', phases: [r.pick(recommendedPhases(e))] };
  return undefined;
}

/** The person who would take an action: its role's person, someone for a stakeholder, or anyone. */
function actorFor(r: Random, action: Action): Actor {
  if (r.chance(0.1)) return r.pick(CAST);
  if ('onBehalfOf' in action && action.onBehalfOf) return r.pick([FM, FE]);
  switch (action.type) {
    case 'acknowledgeAgenda':
    case 'statePreference':
    case 'decideFeature':
    case 'selfAssess':
      return r.pick(STAKEHOLDERS);
    case 'submitHandoff':
      return r.pick([FE, SME]);
    case 'completeIdentityStep':
    case 'finalizeAuthMethod':
    case 'markSyncReady':
    case 'recordCaPolicy':
    case 'recordMfaRegistration':
    case 'removeBlockAll':
    case 'deliverWorkshop':
      return FE;
    default:
      return FM;
  }
}

/** One step of a run: what to do, who does it, and when. */
export function nextStep(
  r: Random,
  e: Engagement,
  now: Date,
): { action: Action; actor: Actor; at: Date } {
  const at = new Date(now.getTime() + r.int(36) * 3_600_000);
  const planned = r.chance(0.55) ? nextAction(r, e, at) : undefined;
  const action = planned ?? anyAction(r, e, at);
  return { action, actor: actorFor(r, action), at };
}
