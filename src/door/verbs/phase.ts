import { z } from 'zod';
import { NEXT_PHASES } from '../../playbook/catalog.js';
import { LIMITS } from '../../playbook/limits.js';
import { verb } from '../entry.js';
import { many, text } from '../fields.js';

/**
 * Moving on to the next phase (gate G5), to the phases the FM chooses among those recommended,
 * and deleting the engagement when the customer asks.
 */
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

  'engagement.delete': verb({
    action: 'deleteEngagement',
    card: 'summary',
    form: true,
    schema: z.object({
      confirmCustomer: text(
        'customer name',
        LIMITS.customer,
        "Type the customer's name to confirm the deletion.",
      ),
    }),
    build: (v) => ({ type: 'deleteEngagement', confirmation: v.confirmCustomer }),
  }),
};
