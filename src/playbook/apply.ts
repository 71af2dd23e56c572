import type { Action, ActionType } from './actions.js';
import { ROLE_LABELS } from './catalog.js';
import type { Actor, Engagement } from './engagement.js';
import { stamp } from './engagement.js';
import { g1Missing } from './gates.js';
import { LIMITS } from './limits.js';
import { AFTER_MOVING_ON, BEFORE_KICKOFF, PERMISSIONS } from './permissions.js';
import { isRefusal, refuse, type Refusal } from './refusal.js';
import type { StepContext, StepResult } from './steps/context.js';
import {
  acknowledgeAgenda,
  deliverConversation,
  scheduleConversation,
  selfAssess,
} from './steps/conversation.js';
import {
  cancelFollowUp,
  nextReminderAt,
  rescheduleFollowUp,
  scheduleFollowUp,
} from './steps/followups.js';
import { submitHandoff } from './steps/handoff.js';
import {
  completeIdentityStep,
  finalizeAuthMethod,
  markSyncReady,
  statePreference,
} from './steps/identity.js';
import { moveToNextPhase } from './steps/phase.js';
import { assignRole, confirmKickoff, recordLicensing } from './steps/setup.js';
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
  recordLicensing,
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
};

export type Applied = { ok: true; engagement: Engagement; summary: string; duplicate: boolean };
export type Outcome = Applied | { ok: false; refusal: Refusal };

/** Who may act on this engagement at all, and may they take this action? */
export function checkActor(e: Engagement, action: ActionType, actor: Actor): Refusal | undefined {
  if (actor.tenantId !== e.tenantId) {
    return refuse(
      'otherTenant',
      'This engagement belongs to another organization; nothing was changed.',
    );
  }
  const person = e.people[actor.id];
  if (!person) {
    return refuse(
      'notAllowed',
      `You are not part of the engagement with ${e.customer}. Ask the FastTrack manager to add you.`,
    );
  }
  const allowed = PERMISSIONS[action];
  if (!allowed.includes(person.role)) {
    const who = allowed.map((r) => ROLE_LABELS[r]).join(' or ');
    return refuse(
      'notAllowed',
      `Only the ${who} can do that; you are the ${ROLE_LABELS[person.role]}. Nothing was changed.`,
    );
  }
  return undefined;
}

/**
 * The one pure function of the playbook: the engagement after the actor's action at `now`, or a
 * refusal naming what is missing. The given engagement is never changed. An activity already
 * applied (Teams redelivers after ~15 s) returns the engagement unchanged, marked duplicate.
 */
export function apply(
  e: Engagement,
  action: Action,
  actor: Actor,
  now: Date,
  activityId?: string,
): Outcome {
  if (activityId && e.appliedActivityIds.includes(activityId)) {
    return { ok: true, engagement: e, summary: 'already recorded', duplicate: true };
  }
  const denied = checkActor(e, action.type, actor);
  if (denied) return { ok: false, refusal: denied };
  if (!BEFORE_KICKOFF.includes(action.type)) {
    const missing = g1Missing(e);
    if (missing.length > 0) {
      return {
        ok: false,
        refusal: refuse(
          'gate',
          'Gate G1: nothing starts before the kickoff call is confirmed.',
          missing,
        ),
      };
    }
  }
  if (e.movedOn && !AFTER_MOVING_ON.includes(action.type)) {
    return {
      ok: false,
      refusal: refuse(
        'invalid',
        'The engagement has moved on to the next phase; Deploy Securely is closed.',
      ),
    };
  }
  const draft = structuredClone(e);
  const ctx: StepContext = { draft, actor, now, stamp: stamp(actor, now) };
  const handler = HANDLERS[action.type] as (ctx: StepContext, action: Action) => StepResult;
  const result = handler(ctx, action);
  if (isRefusal(result)) return { ok: false, refusal: result };
  draft.history.push({ ...ctx.stamp, action: action.type, summary: result.summary });
  if (draft.history.length > LIMITS.history)
    draft.history.splice(0, draft.history.length - LIMITS.history);
  if (activityId) {
    draft.appliedActivityIds.push(activityId);
    const extra = draft.appliedActivityIds.length - LIMITS.appliedActivityIds;
    if (extra > 0) draft.appliedActivityIds.splice(0, extra);
  }
  const next = nextReminderAt(draft);
  if (next) draft.nextReminderAt = next;
  else delete draft.nextReminderAt;
  draft.updatedAt = ctx.stamp.at;
  return { ok: true, engagement: draft, summary: result.summary, duplicate: false };
}
