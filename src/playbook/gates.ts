import { IDENTITY_STEPS, PATH_STEPS, type Role } from './catalog.js';
import { contradictions } from './contradictions.js';
import type { Engagement } from './engagement.js';
import { identityStepApplies, identityStepDone, identityStepLabel, pathOf } from './facts.js';
import type { LinkId } from './links.js';
import {
  cloudOnly,
  conversationMissing,
  LICENSING,
  g3Missing,
  g4Missing,
  identityOrderMissing,
  unacknowledged,
  undecidedFeatures,
} from './readiness.js';
import { refuse, type Refusal } from './refusal.js';

export { identityOrderMissing, undecidedFeatures };

export type GateId = 'G1' | 'G2' | 'G3' | 'G4' | 'G5';
/** The order rules that are not numbered gates in the seeds. */
export type OrderRuleId = 'task4017' | 'task3720' | 'task3721' | 'identityOrder';

/** One rule of the playbook as data: read by the steps, the cards, the status blockers and the docs. */
export interface Gate {
  id: GateId | OrderRuleId;
  /** What it guards, as a card heads it. */
  title: string;
  /** The refusal's message when it is closed (numbered gates are prefixed "Gate Gn:"). */
  refusal: string;
  /** The rule in words. */
  rule: string;
  /** Where the seeds say so. */
  seed: string;
  /** Who can unblock it. */
  who: readonly Role[];
  links: readonly LinkId[];
  /** What a card says when nothing is missing. */
  openText: string;
  /** What is missing before the guarded step can be taken; empty when open. */
  missing: (e: Engagement, now: Date) => string[];
  /** Why the rule does not apply to this engagement, when it does not. */
  notApplicable?: (e: Engagement) => string | undefined;
  /** Whether the guarded step is still ahead (the status card lists it as a blocker then). */
  pending: (e: Engagement) => boolean;
}

const SEED_1 = 'Seed 000 (FastTrack Partner Playbook, Deploy Securely)';
const SEED_2 = 'Seed 002 (Identity and Device Security Guidance)';

const TASK_4017 = 'task 4017: the M365 Security Conversation delivered';
const TASK_3720 = 'task 3720: the Identity and Device Security workshop delivered';

/** The numbered gates G1–G5 of the seeds. */
export const GATES: readonly Gate[] = [
  {
    id: 'G1',
    title: 'Start: the kickoff call',
    refusal: 'nothing starts before the kickoff call is confirmed.',
    rule: 'Nothing starts before the FastTrack Manager confirms the kickoff call is completed (setting up roles excepted).',
    seed: `${SEED_1}, Key Inputs: "Kickoff call completed"`,
    who: ['FM'],
    links: ['securityConversationDeck'],
    openText: 'Open: the kickoff call is confirmed.',
    missing: (e) =>
      e.kickoff ? [] : ['the FastTrack manager confirms the kickoff call is completed'],
    pending: (e) => !e.kickoff,
  },
  {
    id: 'G2',
    title: 'Authentication method (task 3736)',
    refusal:
      'the authentication method can be finalized only after the forests are identified and malformed UPNs cleaned up.',
    rule: 'The authentication method (Prepare Identity 4.2, task 3736) is finalized only after the existing forests are identified and malformed UPNs cleaned up (4.1).',
    seed: `${SEED_1}, Prepare Identity: "This can only happen after you have identified the existing forests and the customer has cleaned up their environment"`,
    who: ['FE'],
    links: ['prepareDirSync', 'chooseAuthMethod'],
    openText: 'Open: the forests are identified and malformed UPNs cleaned up (4.1).',
    missing: (e) => (e.identity.steps.forests ? [] : [identityStepLabel(e, 'forests')]),
    pending: (e) => !e.identity.authMethod,
  },
  {
    id: 'G3',
    title: 'Identity synchronization (task 1141)',
    refusal: 'identity synchronization (task 1141) is not ready.',
    rule: 'Identity synchronization (task 1141, Enable phase) is ready only with Microsoft Entra Connect Sync configured (4.3), two cloud-only break-glass accounts (4.4), all access blocked (4.5: the block-all Conditional Access policy in place and not removed, or security defaults on without Entra ID P1) and MFA for administrators (4.6). Where the customer tenant was read through Microsoft Graph, the block-all policy and MFA for administrators (or security defaults) must be on there. Not applicable to cloud-only identities.',
    seed: `${SEED_1}, Identity Synchronization: "The customer should not synchronize identities until: Break glass accounts are created; A Block All conditional access policy is configured; Baseline policy: MFA for admins is enabled"`,
    who: ['FE'],
    links: ['emergencyAccess', 'caBlockAccess', 'setUpDirSync'],
    openText: 'Ready to mark: the identity foundation is in place before synchronization.',
    missing: g3Missing,
    notApplicable: cloudOnly,
    pending: (e) => !e.identity.syncReady && !cloudOnly(e),
  },
  {
    id: 'G4',
    title: 'Remove the block-all policy',
    refusal: 'the block-all Conditional Access policy must stay for now.',
    rule: 'The block-all Conditional Access policy (CA path) is removed only after identity synchronization was marked ready under G3 (cloud-only: 4.4–4.6 in place), once the Conditional Access policies "Require MFA for all users" and "Block legacy authentication" are created and all users registered for MFA. Where the customer tenant was read through Microsoft Graph, its policies (on, not report-only) and its count of users registered (break-glass accounts left out) decide. On the security-defaults path there is no block-all policy.',
    seed: `${SEED_2}, Next action: "Once you create the required conditional access policies and all users register for MFA, you may remove the block all conditional access policy enabled prior to identity synchronization"`,
    who: ['FE'],
    links: ['caAllUsersMfa', 'caBlockLegacy', 'mfaAdoptionKit'],
    openText: 'Open: the required CA policies exist and all users registered for MFA.',
    missing: g4Missing,
    notApplicable: (e) =>
      pathOf(e) === 'securityDefaults'
        ? 'on the security-defaults path there is no block-all Conditional Access policy: security defaults stay on'
        : undefined,
    pending: (e) =>
      pathOf(e) === 'ca' && !!e.identity.steps.blockAllCa && !e.workshop.blockAllRemoved,
  },
  {
    id: 'G5',
    title: 'Move on to the next phase',
    refusal: 'the engagement cannot move on to the next phase yet.',
    rule: 'The engagement moves on only when tasks 4017, 3736 and 3720 are done and the key outputs complete: every agenda topic acknowledged by a stakeholder, the authentication method chosen, every security feature decided (not planned with its reason), no planned target date in the past and no record contradicting another.',
    seed: `${SEED_1}, Key Outputs and Next Steps: "Once outputs listed above are complete, move to …"`,
    who: ['FM', 'FE', 'stakeholder'],
    links: ['deploySecurelyGuidance'],
    openText: 'Open: the key outputs are complete.',
    missing: (e, now) => [
      ...(e.conversation.delivered ? [] : [TASK_4017]),
      ...(e.identity.authMethod ? [] : ['task 3736: the authentication method chosen']),
      ...(e.workshop.delivered ? [] : [TASK_3720]),
      ...unacknowledged(e),
      ...undecidedFeatures(e),
      ...contradictions(e, now),
    ],
    pending: (e) => !e.movedOn,
  },
];

/** The order of the steps that the seeds give without numbering a gate. */
export const ORDER_RULES: readonly Gate[] = [
  {
    id: 'task4017',
    title: 'M365 Security Conversation (task 4017)',
    refusal:
      'The M365 Security Conversation (task 4017) is delivered once it is prepared and its time has come.',
    rule: 'The FastTrack Manager delivers the conversation after recording the licences, at or after its scheduled start, with stakeholders invited by role; who attended is recorded.',
    seed: `${SEED_1}, Prepare for / Schedule and Deliver M365 Security Conversation`,
    who: ['FM'],
    links: ['securityConversationDeck', 'entraLicensing'],
    openText: 'Ready to deliver.',
    missing: conversationMissing,
    pending: (e) => !e.conversation.delivered,
  },
  {
    id: 'task3720',
    title: 'Identity and Device Security workshop (task 3720)',
    refusal:
      'The Identity and Device Security workshop (task 3720) follows the M365 Security Conversation.',
    rule: 'The workshop is delivered after the M365 Security Conversation (task 4017), and so after the licences are recorded.',
    seed: `${SEED_1}, Approach (the order of the steps) and Identity and Device Security`,
    who: ['FM'],
    links: ['deploySecurelyGuidance'],
    openText: 'Ready to deliver.',
    missing: (e) => (e.conversation.delivered ? [] : [TASK_4017]),
    pending: (e) => !e.workshop.delivered,
  },
  {
    id: 'task3721',
    title: 'Hand-off form (task 3721)',
    refusal: 'The hand-off form (task 3721) follows the workshop.',
    rule: 'The hand-off form is submitted after the workshop (task 3720); it can be revised, each revision kept.',
    seed: `${SEED_1}, Identity and Device Security: "FEs deliver the … Workshop and complete the handoff form"`,
    who: ['FE'],
    links: ['deploySecurelyGuidance'],
    openText: 'Ready: the workshop is delivered.',
    missing: (e) => (e.workshop.delivered ? [] : [TASK_3720]),
    pending: () => false,
  },
  {
    id: 'identityOrder',
    title: 'Prepare Identity, in order',
    refusal: 'Prepare Identity runs in order.',
    rule: "Prepare Identity runs in the seed's order, 4.1 to 4.6 (4.3 not for cloud-only identities); 4.5 and 4.6 take the form of the licences' path, so they follow the licences.",
    seed: `${SEED_1}, Prepare Identity (Identify Existing Forests, Finalize Authentication Method, Configure AAD Connect)`,
    who: ['FE'],
    links: ['prepareDirSync', 'setUpDirSync'],
    openText: 'In order.',
    // The first open step always has the steps before it; what it may still lack is the path.
    missing: (e) => {
      const next = IDENTITY_STEPS.find(
        (s) => identityStepApplies(e, s.id) && !identityStepDone(e, s.id),
      );
      return next && next.id !== 'authMethod' && PATH_STEPS.includes(next.id) && !pathOf(e)
        ? [LICENSING]
        : [];
    },
    pending: () => false,
  },
];

export const RULES: readonly Gate[] = [...GATES, ...ORDER_RULES];

export function gate(id: Gate['id']): Gate {
  const found = RULES.find((g) => g.id === id);
  if (!found) throw new Error(`no rule ${id}`);
  return found;
}

/** The message a refusal by this rule carries. */
export function gateMessage(g: Gate): string {
  return g.id.startsWith('G') ? `Gate ${g.id}: ${g.refusal}` : g.refusal;
}

/**
 * The refusal of a closed rule, naming what is missing; a rule that does not apply refuses with
 * why; undefined when open.
 */
export function gateRefusal(id: Gate['id'], e: Engagement, now: Date): Refusal | undefined {
  const g = gate(id);
  const na = g.notApplicable?.(e);
  if (na) return refuse('invalid', `Gate ${id} does not apply: ${na}.`);
  const missing = g.missing(e, now);
  return missing.length > 0 ? refuse('gate', gateMessage(g), missing) : undefined;
}
