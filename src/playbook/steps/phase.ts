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
