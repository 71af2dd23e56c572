import { LIMITS } from '../../playbook/limits.js';
import { z } from 'zod';
import { none, verb } from '../entry.js';
import { text } from '../fields.js';

/** Moving on to the next phase (gate G5), and deleting the engagement when the customer asks. */
export const PHASE_VERBS = {
  'phase.moveOn': verb({
    action: 'moveToNextPhase',
    card: 'summary',
    form: false,
    schema: none,
    build: () => ({ type: 'moveToNextPhase' }),
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
