import { none, verb } from '../entry.js';

/** Moving on to the next phase (gate G5). */
export const PHASE_VERBS = {
  'phase.moveOn': verb({
    action: 'moveToNextPhase',
    card: 'summary',
    form: false,
    schema: none,
    build: () => ({ type: 'moveToNextPhase' }),
  }),
};
