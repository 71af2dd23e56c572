import { z } from 'zod';
import { AUTH_METHODS, CHECKLIST_STEPS } from '../../playbook/catalog.js';
import { LIMITS } from '../../playbook/limits.js';
import { oneOf, text } from '../fields.js';
import { ids, none, verb } from '../entry.js';

/** Prepare Identity: the checklist, the authentication method (task 3736), sync ready (task 1141). */
export const IDENTITY_VERBS = {
  'identity.complete': verb({
    action: 'completeIdentityStep',
    card: 'identity',
    form: true,
    item: { key: 'step', label: 'Prepare Identity step', valid: CHECKLIST_STEPS },
    schema: z.object({
      step: oneOf(CHECKLIST_STEPS, 'Prepare Identity step', 'Choose the step.'),
      note: text('note', LIMITS.shortText),
    }),
    build: (v) => ({ type: 'completeIdentityStep', step: v.step, note: v.note }),
  }),

  'auth.prefer': verb({
    action: 'statePreference',
    card: 'auth',
    form: true,
    schema: z.object({
      preferMethod: oneOf(ids(AUTH_METHODS), 'authentication method', 'Choose a method.'),
      preferComment: text('comment', LIMITS.shortText),
    }),
    build: (v) => ({ type: 'statePreference', method: v.preferMethod, comment: v.preferComment }),
  }),

  'auth.preferFor': verb({
    action: 'statePreference',
    card: 'auth',
    form: true,
    onBehalf: true,
    schema: z.object({
      forPerson: text('stakeholder', 200, 'Choose the stakeholder whose preference this is.'),
      forMethod: oneOf(ids(AUTH_METHODS), 'authentication method', 'Choose a method.'),
      forComment: text('comment', LIMITS.shortText),
    }),
    build: (v) => ({
      type: 'statePreference',
      method: v.forMethod,
      comment: v.forComment,
      onBehalfOf: v.forPerson,
    }),
  }),

  'auth.finalize': verb({
    action: 'finalizeAuthMethod',
    card: 'auth',
    form: true,
    schema: z.object({
      authMethod: oneOf(ids(AUTH_METHODS), 'authentication method', 'Choose a method.'),
      authRationale: text('rationale', LIMITS.longText, 'Give the rationale for the method.'),
      authDecidedBy: text(
        'name of who decided',
        LIMITS.name,
        'Say who decided on the customer side.',
      ),
    }),
    build: (v) => ({
      type: 'finalizeAuthMethod',
      method: v.authMethod,
      rationale: v.authRationale,
      decidedBy: v.authDecidedBy,
    }),
  }),

  'identity.syncReady': verb({
    action: 'markSyncReady',
    card: 'identity',
    form: false,
    schema: none,
    build: () => ({ type: 'markSyncReady' }),
  }),
};
