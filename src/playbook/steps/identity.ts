import type { ActionOf } from '../actions.js';
import { AUTH_METHODS, IDENTITY_STEPS, titleOf } from '../catalog.js';
import { g2Missing, g3Missing, identityOrderMissing } from '../gates.js';
import { LIMITS } from '../limits.js';
import { refuse } from '../refusal.js';
import type { StepContext, StepResult } from './context.js';
import { required, tooLong } from './text.js';

export function completeIdentityStep(
  ctx: StepContext,
  a: ActionOf<'completeIdentityStep'>,
): StepResult {
  const { identity } = ctx.draft;
  const title = titleOf(IDENTITY_STEPS, a.step);
  const long = tooLong('note', a.note, LIMITS.shortText);
  if (long) return long;
  if (identity.steps[a.step]) return refuse('invalid', `Already recorded: ${title}.`);
  const earlier = identityOrderMissing(ctx.draft, a.step);
  if (earlier.length > 0) {
    const message = `Prepare Identity runs in order: "${title}" comes after the steps before it.`;
    return refuse('gate', message, earlier);
  }
  identity.steps[a.step] = { ...ctx.stamp, note: a.note.trim() };
  return { summary: `recorded: ${title}` };
}

export function statePreference(ctx: StepContext, a: ActionOf<'statePreference'>): StepResult {
  const long = tooLong('comment', a.comment, LIMITS.shortText);
  if (long) return long;
  if (ctx.draft.identity.authMethod) {
    return refuse('invalid', 'The authentication method is already finalized.');
  }
  ctx.draft.identity.preferences[ctx.actor.id] = {
    ...ctx.stamp,
    method: a.method,
    comment: a.comment.trim(),
  };
  return { summary: `prefers ${titleOf(AUTH_METHODS, a.method)}` };
}

export function finalizeAuthMethod(
  ctx: StepContext,
  a: ActionOf<'finalizeAuthMethod'>,
): StepResult {
  const missing = g2Missing(ctx.draft);
  if (missing.length > 0) {
    return refuse(
      'gate',
      'Gate G2: the authentication method can be finalized only after the forests are identified and malformed UPNs cleaned up.',
      missing,
    );
  }
  const invalid =
    required('rationale', a.rationale) ??
    required('name of who decided', a.decidedBy) ??
    tooLong('rationale', a.rationale, LIMITS.longText) ??
    tooLong('name of who decided', a.decidedBy, LIMITS.name);
  if (invalid) return invalid;
  const previous = ctx.draft.identity.authMethod;
  ctx.draft.identity.authMethod = {
    ...ctx.stamp,
    method: a.method,
    rationale: a.rationale.trim(),
    decidedBy: a.decidedBy.trim(),
  };
  const verb = previous
    ? 'changed the authentication method to'
    : 'finalized the authentication method:';
  return { summary: `${verb} ${titleOf(AUTH_METHODS, a.method)} (task 3736)` };
}

export function markSyncReady(ctx: StepContext): StepResult {
  const missing = g3Missing(ctx.draft);
  if (missing.length > 0) {
    return refuse('gate', 'Gate G3: identity synchronization (task 1141) is not ready.', missing);
  }
  if (ctx.draft.identity.syncReady) {
    return refuse('invalid', 'Identity synchronization is already marked ready.');
  }
  ctx.draft.identity.syncReady = ctx.stamp;
  return { summary: 'marked identity synchronization (task 1141, Enable phase) ready' };
}
