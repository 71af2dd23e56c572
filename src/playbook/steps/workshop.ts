import type { ActionOf } from '../actions.js';
import { choiceRefusal } from '../availability.js';
import { CA_POLICIES, FEATURE_CHOICE_LABELS, FEATURES, titleOf } from '../catalog.js';
import { capabilities, hybridOf, pathOf } from '../facts.js';
import { gateRefusal } from '../gates.js';
import { CA_NEEDS_P1 } from '../licences.js';
import { LIMITS } from '../limits.js';
import { isRefusal, refuse } from '../refusal.js';
import type { StepContext, StepResult } from './context.js';
import { dateIn, isIsoDate } from '../time.js';
import { forWhom, subjectOf } from './on-behalf.js';
import { tooLong } from './text.js';

export function decideFeature(ctx: StepContext, a: ActionOf<'decideFeature'>): StepResult {
  const subject = subjectOf(ctx, a.onBehalfOf);
  if (isRefusal(subject)) return subject;
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
  const licences = choiceRefusal(pathOf(ctx.draft), capabilities(ctx.draft), a.feature, a.choice);
  if (licences) return refuse('invalid', licences);
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
    ...(a.choice === 'planned'
      ? { targetDate, ...(a.timeZone ? { timeZone: a.timeZone } : {}) }
      : {}),
    ...(a.choice === 'notPlanned' ? { reason } : {}),
    ...(subject.onBehalfOf ? { onBehalfOf: subject.onBehalfOf } : {}),
  };
  const detail =
    a.choice === 'planned' ? ` for ${targetDate}` : a.choice === 'notPlanned' ? `: ${reason}` : '';
  return {
    summary: `${forWhom(subject)}decided "${title}": ${FEATURE_CHOICE_LABELS[a.choice]}${detail}`,
  };
}

const RANK = { none: 0, planned: 1, created: 2 } as const;

export function recordCaPolicy(ctx: StepContext, a: ActionOf<'recordCaPolicy'>): StepResult {
  const { draft } = ctx;
  const path = pathOf(draft);
  const title = titleOf(CA_POLICIES, a.policy);
  if (!path)
    return refuse(
      'gate',
      'Conditional Access policies need Microsoft Entra ID P1: the licences come first.',
      ["the customer's licences and security add-ons, recorded"],
    );
  if (path === 'securityDefaults') return refuse('invalid', CA_NEEDS_P1);
  if (a.policy === 'admins')
    return refuse(
      'invalid',
      `"${title}" is Prepare Identity 4.6 on the Conditional Access path: record it on the identity card.`,
    );
  const current = draft.workshop.caPolicies[a.policy]?.state ?? 'none';
  if (draft.workshop.blockAllRemoved && RANK[a.state] < RANK[current])
    return refuse(
      'invalid',
      `"${title}" stays created: the block-all Conditional Access policy was removed on the strength of it (gate G4).`,
    );
  draft.workshop.caPolicies[a.policy] = { ...ctx.stamp, state: a.state };
  return { summary: `recorded the CA policy "${title}" as ${a.state}` };
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
  const { workshop } = ctx.draft;
  const before = workshop.mfaRegistration?.total;
  const reason = a.reason?.trim() ?? '';
  let lowered = '';
  if (before !== undefined && a.total < before) {
    if (!reason)
      return refuse(
        'invalid',
        `The number of users was ${before}: say why it is now ${a.total} (the reason is kept in the record).`,
      );
    const long = tooLong('reason', reason, LIMITS.shortText);
    if (long) return long;
    workshop.totalLowered.push({ ...ctx.stamp, from: before, to: a.total, reason });
    if (workshop.totalLowered.length > LIMITS.totalLowered) workshop.totalLowered.shift();
    lowered = ` (users lowered from ${before}: ${reason})`;
  }
  workshop.mfaRegistration = { ...ctx.stamp, registered: a.registered, total: a.total };
  return { summary: `recorded ${a.registered} of ${a.total} users registered for MFA${lowered}` };
}

export function removeBlockAll(ctx: StepContext): StepResult {
  const { draft } = ctx;
  if (pathOf(draft) !== 'securityDefaults') {
    if (!draft.identity.steps.blockAllCa)
      return refuse(
        'invalid',
        'No block-all Conditional Access policy is recorded, so there is none to remove.',
      );
    if (draft.workshop.blockAllRemoved)
      return refuse('invalid', 'The block-all Conditional Access policy is already removed.');
  }
  const closed = gateRefusal('G4', draft, ctx.now);
  if (closed) return closed;
  draft.workshop.blockAllRemoved = {
    ...ctx.stamp,
    syncWasReady: hybridOf(draft) === true && !!draft.identity.syncReady,
  };
  return { summary: 'removed the block-all Conditional Access policy' };
}

export function deliverWorkshop(ctx: StepContext): StepResult {
  if (ctx.draft.workshop.delivered) {
    return refuse(
      'invalid',
      'The Identity and Device Security workshop (task 3720) is already delivered.',
    );
  }
  const closed = gateRefusal('task3720', ctx.draft, ctx.now);
  if (closed) return closed;
  ctx.draft.workshop.delivered = ctx.stamp;
  return { summary: 'delivered the Identity and Device Security workshop (task 3720)' };
}
