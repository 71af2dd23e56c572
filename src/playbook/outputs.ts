import { availability, type Availability } from './availability.js';
import {
  AUTH_METHODS,
  FEATURES,
  ROLE_LABELS,
  SELF_ASSESSMENT_AREAS,
  TASKS,
  titleOf,
  type AssessmentLevel,
  type FeatureId,
  type FtopTask,
  type Role,
  type TaskId,
} from './catalog.js';
import { contradictions } from './contradictions.js';
import { answeredBy, decided, type Engagement, type Stamp } from './engagement.js';
import { pathOf, peopleWith } from './facts.js';
import { gate, type Gate } from './gates.js';
import { PATHS } from './licences.js';

export interface TaskStatus {
  id: TaskId;
  name: string;
  mandatory: boolean;
  owner: Role;
  /** 1141 belongs to the Enable phase: the bot only tracks its readiness. */
  phase: FtopTask['phase'];
  done?: Stamp;
  /** Why the task does not apply to this engagement (1141 for cloud-only identities). */
  notApplicable?: string;
}

export function taskStatus(e: Engagement): TaskStatus[] {
  const done: Record<TaskId, Stamp | undefined> = {
    '4017': e.conversation.delivered,
    '3736': e.identity.authMethod,
    '3720': e.workshop.delivered,
    '3721': e.handoff.at(-1),
    '1141': e.identity.syncReady,
  };
  const na = gate('G3').notApplicable?.(e);
  // Only who and when: not the whole decision or hand-off revision the stamp is part of.
  const only = ({ by, byName, at }: Stamp): Stamp => ({ by, byName, at });
  return TASKS.map(({ links: _links, ...t }) => {
    const stampOf = done[t.id];
    return {
      ...t,
      ...(stampOf ? { done: only(stampOf) } : {}),
      ...(t.id === '1141' && na ? { notApplicable: na } : {}),
    };
  });
}

/** The licences' path in words: how MFA and the block-all protection are built. */
export function pathText(e: Engagement): string {
  const path = pathOf(e);
  if (!path)
    return 'Record the licences: with Microsoft Entra ID P1 the engagement takes the Conditional Access path, without it the security-defaults path.';
  return `${PATHS[path].title}. ${PATHS[path].text}`;
}

export interface FeatureOutput {
  id: FeatureId;
  title: string;
  choice?: 'enable' | 'planned' | 'notPlanned';
  targetDate?: string;
  reason?: string;
  decidedBy?: string;
  availability: Availability;
}

export interface AssessmentOutput {
  name: string;
  levels: { area: string; level: AssessmentLevel }[];
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
  selfAssessments: AssessmentOutput[];
  contradictions: string[];
  complete: boolean;
  missing: string[];
}

export function keyOutputs(e: Engagement, now: Date): KeyOutputs {
  const features: FeatureOutput[] = FEATURES.map((f) => {
    const d = e.workshop.decisions[f.id];
    return {
      id: f.id,
      title: f.title,
      ...(d ? { ...decided(d), decidedBy: answeredBy(d) } : {}),
      availability: availability(e, f.id),
    };
  });
  const auth = e.identity.authMethod;
  const stakeholders = peopleWith(e, 'stakeholder');
  const missing = gate('G5').missing(e, now);
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
    selfAssessments: Object.entries(e.conversation.selfAssessments).map(([id, a]) => ({
      name: e.people[id]?.name ?? a.byName,
      levels: SELF_ASSESSMENT_AREAS.map((area) => ({ area: area.title, level: a.levels[area.id] })),
    })),
    contradictions: contradictions(e, now),
    complete: missing.length === 0,
    missing,
  };
}

/** "FastTrack Manager, FastTrack Engineer and the stakeholders": who can unblock a rule. */
export function whoCan(roles: readonly Role[]): string {
  const names = roles.map((r) => (r === 'stakeholder' ? 'the stakeholders' : ROLE_LABELS[r]));
  return names.length <= 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

export interface Blocker {
  step: string;
  missing: string[];
  /** Who can unblock it. */
  who: string;
  rule: Gate['id'];
}

/** The rules in the order the engagement meets them, for the status card. */
const BLOCKING = (['G1', 'task4017', 'G2', 'G3', 'G4', 'task3720', 'G5'] as const).map(gate);

/** What stands between the engagement and its next steps, and who can move it: the gate table's pending rules. */
export function blockers(e: Engagement, now: Date): Blocker[] {
  if (e.movedOn) return [];
  const list: Blocker[] = [];
  for (const g of BLOCKING) {
    if (!g.pending(e) || g.notApplicable?.(e)) continue;
    const missing = g.missing(e, now);
    if (missing.length === 0) continue;
    const label = g.id.startsWith('G') ? `${g.title} (${g.id})` : g.title;
    list.push({ step: label, missing, who: whoCan(g.who), rule: g.id });
    if (g.id === 'G1') break;
  }
  return list;
}
