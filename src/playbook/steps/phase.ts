import type { ActionOf } from '../actions.js';
import { NEXT_PHASES } from '../catalog.js';
import type { Engagement } from '../engagement.js';
import { gateRefusal } from '../gates.js';
import { refuse } from '../refusal.js';
import type { StepContext, StepResult } from './context.js';

/**
 * The phases the FM may move on to: those the latest hand-off recommended, or all three when no
 * hand-off recommends any (the hand-off, task 3721, is optional).
 */
export function recommendedPhases(e: Engagement): string[] {
  const latest = e.handoff.at(-1)?.recommendedWorkshops ?? [];
  const known = NEXT_PHASES.filter((p) => latest.includes(p));
  return known.length > 0 ? known : [...NEXT_PHASES];
}

export function moveToNextPhase(ctx: StepContext, a: ActionOf<'moveToNextPhase'>): StepResult {
  const closed = gateRefusal('G5', ctx.draft, ctx.now);
  if (closed) return closed;
  const recommended = recommendedPhases(ctx.draft);
  const phases = NEXT_PHASES.filter((p) => a.phases.includes(p));
  if (phases.length === 0) return refuse('invalid', 'Choose the next phase(s) to move on to.');
  const other = a.phases.filter((p) => !recommended.includes(p));
  if (other.length > 0)
    return refuse(
      'invalid',
      `The hand-off recommends ${recommended.join(', ')}; "${other[0]?.slice(0, 80)}" is not among them. Revise the hand-off form to recommend it first.`,
    );
  ctx.draft.movedOn = { ...ctx.stamp, phases };
  return { summary: `moved the engagement on to ${phases.join(', ')}` };
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
