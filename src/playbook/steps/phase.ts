import type { ActionOf } from '../actions.js';
import { NEXT_PHASES } from '../catalog.js';
import { g5Missing } from '../gates.js';
import { refuse } from '../refusal.js';
import type { StepContext, StepResult } from './context.js';

export function moveToNextPhase(ctx: StepContext): StepResult {
  const missing = g5Missing(ctx.draft);
  if (missing.length > 0) {
    return refuse('gate', 'Gate G5: the engagement cannot move on to the next phase yet.', missing);
  }
  ctx.draft.movedOn = ctx.stamp;
  return { summary: `moved the engagement on to ${NEXT_PHASES.join(', ')}` };
}

const normalized = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Deleting the engagement (the customer asked for its data to be removed): only once the customer's
 * name is typed to confirm. The playbook decides; the store deletes the whole document.
 */
export function deleteEngagement(ctx: StepContext, a: ActionOf<'deleteEngagement'>): StepResult {
  if (normalized(a.confirmation) !== normalized(ctx.draft.customer)) {
    return refuse(
      'invalid',
      `To delete this engagement and everything recorded for it, type the customer's name exactly as it is: ${ctx.draft.customer}. Nothing was deleted.`,
    );
  }
  return {
    summary: `deleted the engagement with ${ctx.draft.customer} and everything recorded for it`,
  };
}
