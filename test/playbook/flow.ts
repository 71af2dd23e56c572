/** A running engagement for story-like tests: each action a few minutes after the last. */
import type { Action } from '../../src/playbook/actions.js';
import { apply } from '../../src/playbook/apply.js';
import type {
  ChecklistStepId,
  FeatureChoice,
  FeatureId,
  StakeholderTitle,
} from '../../src/playbook/catalog.js';
import type { Actor, Engagement } from '../../src/playbook/engagement.js';
import type { Refusal } from '../../src/playbook/refusal.js';
import { at, deepFreeze, refusalOf } from './builders.js';

export interface Flow {
  e: Engagement;
  minute: number;
  /** When each action type last succeeded, and by whom. */
  when: Record<string, { by: Actor; at: string }>;
}

export function flowFrom(e: Engagement): Flow {
  return { e, minute: 0, when: {} };
}

/** Apply the next action (5 minutes later) to a frozen engagement; it must succeed. */
export function act(flow: Flow, actor: Actor, action: Action): Engagement {
  flow.minute += 5;
  const now = at(flow.minute);
  const outcome = apply(deepFreeze(flow.e), action, actor, now, `activity-${flow.minute}`);
  if (!outcome.ok) {
    const { message, missing } = outcome.refusal;
    throw new Error(`${action.type} by ${actor.name}: ${message} ${missing.join('; ')}`);
  }
  expect(outcome.duplicate).toBe(false);
  expect(outcome.engagement.history.at(-1)).toMatchObject({
    by: actor.id,
    byName: actor.name,
    at: now.toISOString(),
    action: action.type,
  });
  flow.when[action.type] = { by: actor, at: now.toISOString() };
  flow.e = outcome.engagement;
  return flow.e;
}

/** Lets time pass: the next action is 5 minutes after `until`. */
export function waitUntil(flow: Flow, until: Date): void {
  flow.minute = Math.max(flow.minute, Math.ceil((until.getTime() - at(0).getTime()) / 60_000));
}

/** The time of the flow's last action. */
export function nowOf(flow: Flow): Date {
  return at(flow.minute);
}

/** The refusal of an action that must be refused now; the flow does not move. */
export function refused(flow: Flow, actor: Actor, action: Action): Refusal {
  return refusalOf(apply(deepFreeze(flow.e), action, actor, at(flow.minute + 1)));
}

/** Who and when an action type was last taken, as a Stamp. */
export function stampOf(flow: Flow, type: string) {
  const w = flow.when[type];
  return { by: w?.by.id, byName: w?.by.name, at: w?.at };
}

export const stakeholder = (p: Actor, title: StakeholderTitle): Action => ({
  type: 'assignRole',
  personId: p.id,
  name: p.name,
  role: 'stakeholder',
  title,
});

export const decide = (
  feature: FeatureId,
  choice: FeatureChoice,
  more: { targetDate?: string; reason?: string } = {},
): Action => ({ type: 'decideFeature', feature, choice, ...more });

export const identityStep = (step: ChecklistStepId, note = ''): Action => ({
  type: 'completeIdentityStep',
  step,
  note,
});
