import { randomUUID } from 'node:crypto';
import type { Action } from '../../src/playbook/actions.js';
import { apply } from '../../src/playbook/apply.js';
import type { Actor, Engagement } from '../../src/playbook/engagement.js';
import type { Decide } from '../../src/store/mutate.js';
import { applied, FM, person, started, TENANT } from '../support/playbook.js';

export const NOW = new Date('2025-03-03T09:00:00.000Z');

export function stakeholder(n: number): Actor {
  return person(`aad-stakeholder-${n}`, `Stakeholder ${n}`);
}

function mustApply(e: Engagement, action: Action, actor: Actor): Engagement {
  return applied(e, actor, action, NOW).engagement;
}

/** A freshly started engagement in its own chat (so its id is new). */
export function newEngagement(customer = 'Contoso'): Engagement {
  return started(
    {
      customer,
      tenantId: TENANT,
      conversationId: `19:${randomUUID()}@thread.v2`,
      conversationType: 'groupChat',
    },
    NOW,
  );
}

/** An engagement past its kickoff with `people` stakeholders (title IT) who can answer the agenda card. */
export function engagementWithStakeholders(people: number): Engagement {
  let e = mustApply(newEngagement(), { type: 'confirmKickoff' }, FM);
  for (let n = 0; n < people; n++) {
    const s = stakeholder(n);
    e = mustApply(
      e,
      { type: 'assignRole', personId: s.id, name: s.name, role: 'stakeholder', title: 'IT' },
      FM,
    );
  }
  return e;
}

/**
 * The change a card answer makes: apply the playbook to what is stored; write only when something
 * changed. This is the shape the bot uses with EngagementWriter.mutate.
 */
export function answerQuestion(
  actor: Actor,
  question: string,
  activityId: string,
): Decide<'saved' | 'duplicate'> {
  return (current) => {
    if (!current) throw new Error('no engagement');
    const outcome = apply(
      current.engagement,
      { type: 'acknowledgeAgenda', topics: [], question },
      actor,
      NOW,
      activityId,
    );
    if (!outcome.ok) throw new Error(outcome.refusal.message);
    if (outcome.duplicate) return { result: 'duplicate' };
    return { write: outcome.engagement, result: 'saved' };
  };
}

/** The n-th of many answers: asked by one of `people` stakeholders, as activity `activity-<n>`. */
export function nthAnswer(n: number, people: number): Decide<'saved' | 'duplicate'> {
  return answerQuestion(stakeholder(n % people), `q${n}`, `activity-${n}`);
}

/** The same engagement with another customer name: a minimal valid new version to write. */
export function edited(e: Engagement, customer: string): Engagement {
  return {
    ...structuredClone(e),
    customer,
    updatedAt: new Date(NOW.getTime() + 1000).toISOString(),
  };
}
