import type { Action, ActionType } from './actions.js';
import { draftOf, finishDraft, markApplied, recordHistory, wasApplied } from './draft.js';
import type { Actor, Engagement } from './engagement.js';
import { stamp } from './engagement.js';
import { checkActor } from './actor.js';
import { closedInState, rolesFor } from './permissions.js';
import { isRefusal, type Refusal } from './refusal.js';
import { typedClash } from './tenant-facts.js';
import type { StepContext, StepResult } from './steps/context.js';
import {
  acknowledgeAgenda,
  deliverConversation,
  scheduleConversation,
  selfAssess,
} from './steps/conversation.js';
import { cancelFollowUp, rescheduleFollowUp, scheduleFollowUp } from './steps/followups.js';
import { submitHandoff } from './steps/handoff.js';
import {
  completeIdentityStep,
  finalizeAuthMethod,
  markSyncReady,
  statePreference,
} from './steps/identity.js';
import { deleteEngagement, moveToNextPhase } from './steps/phase.js';
import { recordLicensing, recordPreparation } from './steps/licensing.js';
import { handOverFm } from './steps/people.js';
import { recordTenantFacts } from './steps/tenant.js';
import { assignRole, confirmKickoff } from './steps/setup.js';
import {
  decideFeature,
  deliverWorkshop,
  recordCaPolicy,
  recordMfaRegistration,
  removeBlockAll,
} from './steps/workshop.js';

type Handlers = {
  [T in ActionType]: (ctx: StepContext, action: Extract<Action, { type: T }>) => StepResult;
};

const HANDLERS: Handlers = {
  confirmKickoff,
  assignRole,
  handOverFm,
  recordLicensing,
  recordPreparation,
  recordTenantFacts,
  scheduleConversation,
  acknowledgeAgenda,
  selfAssess,
  deliverConversation,
  completeIdentityStep,
  statePreference,
  finalizeAuthMethod,
  markSyncReady,
  decideFeature,
  recordCaPolicy,
  recordMfaRegistration,
  removeBlockAll,
  deliverWorkshop,
  submitHandoff,
  scheduleFollowUp,
  rescheduleFollowUp,
  cancelFollowUp,
  moveToNextPhase,
  deleteEngagement,
};

/** An action taken: the engagement after it, and what it did in words. */
export type Applied = { ok: true; engagement: Engagement; summary: string; duplicate: boolean };
/** An action not taken: why, and the engagement as it stands when the person may see it. */
export type Refused = { ok: false; refusal: Refusal; engagement?: Engagement };
/** What became of an action: taken, or refused. */
export type Decision = Applied | Refused;

/**
 * The one pure function of the playbook: the engagement after the actor's action at `now`, or a
 * refusal naming what is missing. The given engagement is never changed. An activity already
 * applied (Teams redelivers after ~15 s) returns the engagement unchanged, marked duplicate, once
 * the actor is known to be allowed: another tenant's reused activity id gets a refusal.
 */
export function apply(
  e: Engagement,
  action: Action,
  actor: Actor,
  now: Date,
  activityId?: string,
): Decision {
  const denied = checkActor(e, action.type, actor, rolesFor(action));
  if (denied) return { ok: false, refusal: denied };
  if (wasApplied(e, activityId)) {
    return { ok: true, engagement: e, summary: 'already recorded', duplicate: true };
  }
  const closed = closedInState(e, action.type) ?? typedClash(e, action);
  if (closed) return { ok: false, refusal: closed };
  const draft = draftOf(e);
  const ctx: StepContext = { draft, actor, now, stamp: stamp(actor, now) };
  const handler = HANDLERS[action.type] as (ctx: StepContext, action: Action) => StepResult;
  const result = handler(ctx, action);
  if (isRefusal(result)) return { ok: false, refusal: result };
  recordHistory(draft, ctx.stamp, action.type, result.summary);
  markApplied(draft, activityId);
  return {
    ok: true,
    engagement: finishDraft(draft, ctx.stamp.at),
    summary: result.summary,
    duplicate: false,
  };
}
