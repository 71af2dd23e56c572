import type { ActionOf } from '../actions.js';
import { CA_POLICIES, FEATURE_CHOICE_LABELS, FEATURES, titleOf } from '../catalog.js';
import { g4Missing } from '../gates.js';
import { LIMITS } from '../limits.js';
import { refuse } from '../refusal.js';
import type { StepContext, StepResult } from './context.js';
import { dateIn, isIsoDate } from '../time.js';
import { tooLong } from './text.js';

export function decideFeature(ctx: StepContext, a: ActionOf<'decideFeature'>): StepResult {
  const title = titleOf(FEATURES, a.feature);
  const reason = a.reason?.trim() ?? '';
  const targetDate = a.targetDate?.trim() ?? '';
  if (a.choice === 'notPlanned' && !reason) {
    return refuse(
      'invalid',
      `Say why "${title}" is not planned: the reason is part of the key outputs.`,
    );
  }
  const long = tooLong('reason', reason, LIMITS.shortText);
  if (long) return long;
  if (a.choice === 'planned') {
    if (!isIsoDate(targetDate)) {
      return refuse('invalid', `Give a target date for "${title}" (planned).`);
    }
    if (targetDate < dateIn(ctx.now, a.timeZone)) {
      return refuse('invalid', `The target date for "${title}" is in the past.`);
    }
  }
  ctx.draft.workshop.decisions[a.feature] = {
    ...ctx.stamp,
    choice: a.choice,
    ...(a.choice === 'planned' ? { targetDate } : {}),
    ...(a.choice === 'notPlanned' ? { reason } : {}),
  };
  const detail =
    a.choice === 'planned' ? ` for ${targetDate}` : a.choice === 'notPlanned' ? `: ${reason}` : '';
  return { summary: `decided "${title}": ${FEATURE_CHOICE_LABELS[a.choice]}${detail}` };
}

export function recordCaPolicy(ctx: StepContext, a: ActionOf<'recordCaPolicy'>): StepResult {
  ctx.draft.workshop.caPolicies[a.policy] = { ...ctx.stamp, state: a.state };
  return { summary: `recorded the CA policy "${titleOf(CA_POLICIES, a.policy)}" as ${a.state}` };
}

export function recordMfaRegistration(
  ctx: StepContext,
  a: ActionOf<'recordMfaRegistration'>,
): StepResult {
  const whole = (n: number) => Number.isInteger(n) && n >= 0 && n <= 10_000_000;
  if (!whole(a.registered) || !whole(a.total) || a.total === 0) {
    return refuse(
      'invalid',
      'Give the number of users and how many registered for MFA, as whole numbers.',
    );
  }
  if (a.registered > a.total) {
    return refuse(
      'invalid',
      'More users registered for MFA than there are users: check the numbers.',
    );
  }
  ctx.draft.workshop.mfaRegistration = { ...ctx.stamp, registered: a.registered, total: a.total };
  return { summary: `recorded ${a.registered} of ${a.total} users registered for MFA` };
}

export function removeBlockAll(ctx: StepContext): StepResult {
  const { draft } = ctx;
  if (!draft.identity.steps.blockAllCa) {
    return refuse(
      'invalid',
      'No block-all Conditional Access policy is recorded, so there is none to remove.',
    );
  }
  if (draft.workshop.blockAllRemoved) {
    return refuse('invalid', 'The block-all Conditional Access policy is already removed.');
  }
  const missing = g4Missing(draft);
  if (missing.length > 0) {
    return refuse(
      'gate',
      'Gate G4: the block-all Conditional Access policy must stay for now.',
      missing,
    );
  }
  draft.workshop.blockAllRemoved = ctx.stamp;
  return { summary: 'removed the block-all Conditional Access policy' };
}

export function deliverWorkshop(ctx: StepContext): StepResult {
  if (ctx.draft.workshop.delivered) {
    return refuse(
      'invalid',
      'The Identity and Device Security workshop (task 3720) is already delivered.',
    );
  }
  ctx.draft.workshop.delivered = ctx.stamp;
  return { summary: 'delivered the Identity and Device Security workshop (task 3720)' };
}
