import { createHash } from 'node:crypto';
import type { Decision } from './apply.js';
import { markApplied, wasApplied } from './draft.js';
import type { Actor, ConversationReference, Engagement } from './engagement.js';
import { stamp } from './engagement.js';
import { LIMITS } from './limits.js';
import { isRefusal, refuse, type Refusal } from './refusal.js';
import { tooLongMessage } from './steps/text.js';

export interface StartInput {
  customer: string;
  tenantId: string;
  conversationId: string;
  conversationType: Engagement['conversationType'];
  conversationReference?: ConversationReference;
}

/**
 * One engagement per chat. A channel's reply threads (";messageid=") belong to the channel's
 * engagement. The tenant is not part of the id on purpose: the engagement records the tenant it
 * was started in, and a person from any other tenant in the same chat is refused by name.
 */
export function engagementIdFor(conversationId: string): string {
  const chat = conversationId.split(';messageid=')[0];
  const digest = createHash('sha256').update(chat).digest('hex');
  return `eng-${digest.slice(0, 32)}`;
}

/** A new engagement, started by the actor, who becomes its FastTrack manager. */
export function startEngagement(input: StartInput, actor: Actor, now: Date): Engagement | Refusal {
  const customer = input.customer.trim().replace(/\s+/g, ' ');
  if (!customer) return refuse('invalid', 'Name the customer: start <customer name>.');
  const long = tooLongMessage('customer name', customer, LIMITS.customer);
  if (long) return refuse('invalid', long);
  if (actor.tenantId !== input.tenantId) {
    return refuse('otherTenant', 'An engagement can only be started from its own organization.');
  }
  const id = engagementIdFor(input.conversationId);
  const started = stamp(actor, now);
  return {
    id,
    engagementId: id,
    type: 'engagement',
    schemaVersion: 2,
    tenantId: input.tenantId,
    conversationId: input.conversationId.split(';messageid=')[0],
    conversationType: input.conversationType,
    ...(input.conversationReference ? { conversationReference: input.conversationReference } : {}),
    customer,
    started,
    people: {
      [actor.id]: {
        id: actor.id,
        name: started.byName,
        role: 'FM',
        ...(actor.teamsId ? { teamsId: actor.teamsId } : {}),
        assigned: started,
      },
    },
    conversation: { invited: [], acknowledgements: {}, questions: [], selfAssessments: {} },
    identity: { steps: {}, preferences: {}, authMethodHistory: [] },
    workshop: { decisions: {}, caPolicies: {}, totalLowered: [] },
    handoff: [],
    followUps: [],
    superseded: [],
    history: [{ ...started, action: 'start', summary: `started the engagement with ${customer}` }],
    appliedActivityIds: [],
    updatedAt: started.at,
  };
}

/**
 * Starting an engagement in a chat that may have one already (`current`): the new engagement, the
 * one already started by this very activity (a redelivery, marked duplicate), or a refusal.
 * Another organization's engagement is never handed back, not even its customer's name.
 */
export function startIn(
  current: Engagement | undefined,
  input: StartInput,
  actor: Actor,
  now: Date,
  activityId?: string,
): Decision {
  if (current) {
    if (current.tenantId !== actor.tenantId) {
      const message = 'This chat already has an engagement, which belongs to another organization.';
      return { ok: false, refusal: refuse('otherTenant', message) };
    }
    if (wasApplied(current, activityId))
      return { ok: true, engagement: current, summary: 'already started', duplicate: true };
    const message = `This chat already has an engagement with ${current.customer}.`;
    return { ok: false, refusal: refuse('invalid', message), engagement: current };
  }
  const started = startEngagement(input, actor, now);
  if (isRefusal(started)) return { ok: false, refusal: started };
  markApplied(started, activityId);
  return { ok: true, engagement: started, summary: started.history[0].summary, duplicate: false };
}
