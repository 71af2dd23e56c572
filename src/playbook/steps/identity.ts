import type { ActionOf } from '../actions.js';
import { AUTH_METHODS, identityStepOn, isHybrid, PATH_STEPS, titleOf } from '../catalog.js';
import type { AuthDecision, Engagement } from '../engagement.js';
import { identityStepApplies, identityStepLabel, pathOf } from '../facts.js';
import { gate, gateMessage, gateRefusal, identityOrderMissing } from '../gates.js';
import { LIMITS } from '../limits.js';
import { isRefusal, refuse } from '../refusal.js';
import { reopen, type ToReopen } from '../reopen.js';
import type { StepContext, StepResult } from './context.js';
import { forWhom, subjectOf } from './on-behalf.js';
import { required, tooLong } from './text.js';

export function completeIdentityStep(
  ctx: StepContext,
  a: ActionOf<'completeIdentityStep'>,
): StepResult {
  const { draft } = ctx;
  const { identity } = draft;
  const path = pathOf(draft);
  const title = identityStepOn(a.step, path).title;
  const long = tooLong('note', a.note, LIMITS.shortText);
  if (long) return long;
  if (identity.steps[a.step]) return refuse('invalid', `Already recorded: ${title}.`);
  if (!identityStepApplies(draft, a.step))
    return refuse(
      'invalid',
      `"${title}" does not apply: cloud-only identities are not synchronized, so there is no Microsoft Entra Connect Sync to configure.`,
    );
  if (PATH_STEPS.includes(a.step) && !path)
    return refuse(
      'gate',
      `Prepare Identity ${identityStepOn(a.step, path).n} takes the form of the licences' path (a Conditional Access policy with Microsoft Entra ID P1, security defaults without it): the licences come first.`,
      gate('identityOrder').missing(draft, ctx.now),
    );
  const earlier = identityOrderMissing(draft, a.step);
  if (earlier.length > 0) {
    const message = `${gateMessage(gate('identityOrder'))} "${title}" comes after the steps before it.`;
    return refuse('gate', message, earlier);
  }
  identity.steps[a.step] = { ...ctx.stamp, note: a.note.trim() };
  return { summary: `recorded: ${title}` };
}

export function statePreference(ctx: StepContext, a: ActionOf<'statePreference'>): StepResult {
  const subject = subjectOf(ctx, a.onBehalfOf);
  if (isRefusal(subject)) return subject;
  const long = tooLong('comment', a.comment, LIMITS.shortText);
  if (long) return long;
  if (ctx.draft.identity.authMethod) {
    return refuse('invalid', 'The authentication method is already finalized.');
  }
  ctx.draft.identity.preferences[subject.id] = {
    ...ctx.stamp,
    method: a.method,
    comment: a.comment.trim(),
    ...(subject.onBehalfOf ? { onBehalfOf: subject.onBehalfOf } : {}),
  };
  return { summary: `${forWhom(subject)}prefers ${titleOf(AUTH_METHODS, a.method)}` };
}

/**
 * What a new authentication method takes back. Microsoft Entra Connect Sync (4.3) is configured
 * for the sign-in method, so a new method reopens it and, with it, identity synchronization
 * readiness (task 1141). Going from cloud-only to a synchronized method after the block-all policy
 * was removed reopens 4.5 and the removal: identities are first synchronized behind that policy.
 * The block-all removal otherwise stands: gate G4 rests on the CA policies and MFA registration,
 * which do not depend on the sign-in method.
 */
function undoneByMethod(e: Engagement, previous: AuthDecision, next: AuthDecision): ToReopen[] {
  if (previous.method === next.method) return [];
  const items: ToReopen[] = [];
  const { steps, syncReady } = e.identity;
  const configured = steps.aadConnect;
  const was = titleOf(AUTH_METHODS, previous.method);
  if (configured)
    items.push({
      what: identityStepLabel(e, 'aadConnect'),
      was: configured,
      detail: `configured for ${was}`,
      undo: (d) => delete d.identity.steps.aadConnect,
    });
  if (syncReady)
    items.push({
      what: 'identity synchronization (task 1141) ready',
      was: syncReady,
      undo: (d) => delete d.identity.syncReady,
    });
  const removed = e.workshop.blockAllRemoved;
  const blockAll = steps.blockAllCa;
  if (!isHybrid(previous.method) && isHybrid(next.method) && removed && blockAll) {
    items.push(
      {
        what: identityStepLabel(e, 'blockAllCa'),
        was: blockAll,
        undo: (d) => delete d.identity.steps.blockAllCa,
      },
      {
        what: 'the block-all Conditional Access policy removed',
        was: removed,
        undo: (d) => delete d.workshop.blockAllRemoved,
      },
    );
  }
  return items;
}

export function finalizeAuthMethod(
  ctx: StepContext,
  a: ActionOf<'finalizeAuthMethod'>,
): StepResult {
  const closed = gateRefusal('G2', ctx.draft, ctx.now);
  if (closed) return closed;
  const invalid =
    required('rationale', a.rationale) ??
    required('name of who decided', a.decidedBy) ??
    tooLong('rationale', a.rationale, LIMITS.longText) ??
    tooLong('name of who decided', a.decidedBy, LIMITS.name);
  if (invalid) return invalid;
  const { identity } = ctx.draft;
  const previous = identity.authMethod;
  const next: AuthDecision = {
    ...ctx.stamp,
    method: a.method,
    rationale: a.rationale.trim(),
    decidedBy: a.decidedBy.trim(),
  };
  let reopened = '';
  if (previous) {
    const reason = `the authentication method changed from ${titleOf(AUTH_METHODS, previous.method)} to ${titleOf(AUTH_METHODS, a.method)}`;
    reopened = reopen(ctx.draft, ctx.stamp, reason, undoneByMethod(ctx.draft, previous, next));
    identity.authMethodHistory.push(previous);
    if (identity.authMethodHistory.length > LIMITS.authMethodHistory)
      identity.authMethodHistory.shift();
  }
  identity.authMethod = next;
  const verb = !previous
    ? 'finalized the authentication method:'
    : previous.method === a.method
      ? 'revised the rationale of the authentication method'
      : 'changed the authentication method to';
  return { summary: `${verb} ${titleOf(AUTH_METHODS, a.method)} (task 3736)${reopened}` };
}

export function markSyncReady(ctx: StepContext): StepResult {
  if (ctx.draft.identity.syncReady) {
    return refuse('invalid', 'Identity synchronization is already marked ready.');
  }
  const closed = gateRefusal('G3', ctx.draft, ctx.now);
  if (closed) return closed;
  ctx.draft.identity.syncReady = ctx.stamp;
  return { summary: 'marked identity synchronization (task 1141, Enable phase) ready' };
}
