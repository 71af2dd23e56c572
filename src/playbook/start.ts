import { createHash } from 'node:crypto';
import type { MemberFacts } from './actions.js';
import { standing } from './actor.js';
import type { Decision } from './apply.js';
import { markApplied, wasApplied } from './draft.js';
import type { Actor, ConversationReference, Engagement } from './engagement.js';
import { stamp } from './engagement.js';
import { LIMITS } from './limits.js';
import { isRefusal, refuse, type Refusal } from './refusal.js';
import { withFacts } from './steps/people.js';
import { tooLongMessage } from './steps/text.js';
import { jsonBytes } from './text-size.js';

export interface StartInput {
  customer: string;
  /** The tenant hosting the chat. */
  tenantId: string;
  conversationId: string;
  conversationType: Engagement['conversationType'];
  conversationReference?: ConversationReference;
  chatUrl?: string;
  /** What Teams' member list says of the person starting it, who becomes its FM. */
  starter?: MemberFacts;
}

/**
 * One engagement per chat. A channel's reply threads (";messageid=") belong to the channel's
 * engagement. The tenant is not part of the id on purpose: the engagement belongs to the chat and
 * records the tenant hosting it; people of other tenants take part through the roles the FM gives.
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
  const id = engagementIdFor(input.conversationId);
  const started = stamp(actor, now);
  return {
    id,
    engagementId: id,
    type: 'engagement',
    schemaVersion: 1,
    tenantId: input.tenantId,
    conversationId: input.conversationId.split(';messageid=')[0],
    conversationType: input.conversationType,
    ...(input.conversationReference ? { conversationReference: input.conversationReference } : {}),
    // A link longer than any Teams makes is left out (no link rather than a cut one).
    ...(input.chatUrl && jsonBytes(input.chatUrl) <= LIMITS.chatUrl
      ? { chatUrl: input.chatUrl }
      : {}),
    customer,
    started,
    people: {
      [actor.id]: {
        ...withFacts({ ...input.starter, teamsId: actor.teamsId }, undefined),
        homeTenantId: input.starter?.homeTenantId || actor.tenantId,
        id: actor.id,
        name: started.byName,
        role: 'FM',
        assigned: started,
      },
    },
    conversation: { acknowledgements: {}, questions: [], selfAssessments: {} },
    identity: { steps: {}, preferences: {} },
    workshop: { decisions: {}, caPolicies: {} },
    handoff: [],
    followUps: [],
    history: [{ ...started, action: 'start', summary: `started the engagement with ${customer}` }],
    appliedActivityIds: [],
    updatedAt: started.at,
  };
}

/**
 * Starting an engagement in a chat that may have one already (`current`): the new engagement, the
 * one already started by this very activity (a redelivery, marked duplicate), or a refusal.
 * Someone without a role in the chat's engagement is never handed it, not even its customer's name.
 */
export function startIn(
  current: Engagement | undefined,
  input: StartInput,
  actor: Actor,
  now: Date,
  activityId?: string,
): Decision {
  if (current) {
    if (standing(current, actor).kind !== 'holder') {
      const message =
        'This chat already has an engagement, and you have no role in it: ask its FastTrack Manager for one.';
      return { ok: false, refusal: refuse('outsider', message) };
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
