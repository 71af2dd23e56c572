import { z } from 'zod';
import { NEXT_PHASES } from '../../playbook/catalog.js';
import { verb } from '../entry.js';
import { many } from '../fields.js';

/** Moving on to the next phase (gate G5), to the phases the FM chooses among those recommended. */
export const PHASE_VERBS = {
  'phase.moveOn': verb({
    action: 'moveToNextPhase',
    card: 'summary',
    form: true,
    schema: z.object({
      phases: many(NEXT_PHASES, 'next phases', { required: 'Choose the next phases.' }),
    }),
    build: (v) => ({ type: 'moveToNextPhase', phases: v.phases }),
  }),
};
