import {
  AUTH_METHODS,
  FEATURES,
  LICENCES,
  ROLE_LABELS,
  TASKS,
  titleOf,
  type FeatureId,
  type FtopTask,
  type Role,
  type TaskId,
} from './catalog.js';
import { decided, type Engagement, type Stamp } from './engagement.js';
import { g1Missing, g2Missing, g3Missing, g5Missing } from './gates.js';

export interface TaskStatus {
  id: TaskId;
  name: string;
  mandatory: boolean;
  owner: Role;
  /** 1141 belongs to the Enable phase: the bot only tracks its readiness. */
  phase: FtopTask['phase'];
  done?: Stamp;
}

export function taskStatus(e: Engagement): TaskStatus[] {
  const done: Record<TaskId, Stamp | undefined> = {
    '4017': e.conversation.delivered,
    '3736': e.identity.authMethod,
    '3720': e.workshop.delivered,
    '3721': e.handoff.at(-1),
    '1141': e.identity.syncReady,
  };
  // Only who and when: not the whole decision or hand-off revision the stamp is part of.
  const only = ({ by, byName, at }: Stamp): Stamp => ({ by, byName, at });
  return TASKS.map((t) => {
    const stampOf = done[t.id];
    return { ...t, ...(stampOf ? { done: only(stampOf) } : {}) };
  });
}

/** Conditional Access needs Azure AD Premium P1 (M365 E3/E5, Business Premium, EMS E3/E5 include it). */
export function caLicensed(e: Engagement): boolean {
  const licences = e.licensing?.licences ?? [];
  return licences.some((id) => LICENCES.find((l) => l.id === id)?.aadP1);
}

export function mfaRecommendation(e: Engagement): string {
  if (!e.licensing)
    return 'Record the licences to know whether MFA can be enforced by Conditional Access.';
  return caLicensed(e)
    ? 'Licensed for Conditional Access: enforce MFA for all users with a CA policy.'
    : 'Not licensed for Conditional Access: enforce MFA for all users with security defaults.';
}

export interface FeatureOutput {
  id: FeatureId;
  title: string;
  choice?: 'enable' | 'planned' | 'notPlanned';
  targetDate?: string;
  reason?: string;
  decidedBy?: string;
}

export interface KeyOutputs {
  customer: string;
  authMethod?: {
    title: string;
    rationale: string;
    decidedBy: string;
    recordedBy: string;
    at: string;
  };
  stakeholdersAcknowledged: number;
  stakeholders: number;
  enabled: FeatureOutput[];
  planned: FeatureOutput[];
  notPlanned: FeatureOutput[];
  undecided: FeatureOutput[];
  complete: boolean;
  missing: string[];
}

export function keyOutputs(e: Engagement): KeyOutputs {
  const features: FeatureOutput[] = FEATURES.map((f) => {
    const d = e.workshop.decisions[f.id];
    return {
      id: f.id,
      title: f.title,
      ...(d ? { ...decided(d), decidedBy: d.byName } : {}),
    };
  });
  const auth = e.identity.authMethod;
  const stakeholders = Object.values(e.people).filter((p) => p.role === 'stakeholder');
  const missing = g5Missing(e);
  return {
    customer: e.customer,
    ...(auth
      ? {
          authMethod: {
            title: titleOf(AUTH_METHODS, auth.method),
            rationale: auth.rationale,
            decidedBy: auth.decidedBy,
            recordedBy: auth.byName,
            at: auth.at,
          },
        }
      : {}),
    stakeholders: stakeholders.length,
    stakeholdersAcknowledged: stakeholders.filter((p) => e.conversation.acknowledgements[p.id])
      .length,
    enabled: features.filter((f) => f.choice === 'enable'),
    planned: features.filter((f) => f.choice === 'planned'),
    notPlanned: features.filter((f) => f.choice === 'notPlanned'),
    undecided: features.filter((f) => !f.choice),
    complete: missing.length === 0,
    missing,
  };
}

export interface Blocker {
  step: string;
  missing: string[];
  /** Who can unblock it. */
  who: string;
}

/** What stands between the engagement and its next step, and who can move it. */
export function blockers(e: Engagement): Blocker[] {
  if (e.movedOn) return [];
  const list: Blocker[] = [];
  const g1 = g1Missing(e);
  if (g1.length) return [{ step: 'Start (G1)', missing: g1, who: ROLE_LABELS.FM }];
  if (!e.licensing)
    list.push({
      step: 'Prepare for the M365 Security Conversation',
      missing: ['licences and add-ons recorded'],
      who: ROLE_LABELS.FM,
    });
  if (!e.identity.authMethod) {
    const g2 = g2Missing(e);
    list.push({
      step: 'Authentication method (G2, task 3736)',
      missing: g2.length ? g2 : ['the method finalized with its rationale'],
      who: ROLE_LABELS.FE,
    });
  }
  if (!e.identity.syncReady) {
    const g3 = g3Missing(e);
    if (g3.length)
      list.push({
        step: 'Identity synchronization ready (G3, task 1141)',
        missing: g3,
        who: ROLE_LABELS.FE,
      });
  }
  const g5 = g5Missing(e);
  if (g5.length)
    list.push({
      step: 'Move on to the next phase (G5)',
      missing: g5,
      who: `${ROLE_LABELS.FM}, ${ROLE_LABELS.FE} and the stakeholders`,
    });
  return list;
}
