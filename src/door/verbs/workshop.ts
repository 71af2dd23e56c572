import { z } from 'zod';
import {
  CA_POLICIES,
  CA_POLICY_STATES,
  FEATURE_CHOICES,
  FEATURES,
} from '../../playbook/catalog.js';
import { LIMITS } from '../../playbook/limits.js';
import { isoDate, oneOf, text, wholeNumber } from '../fields.js';
import { ids, none, verb } from '../entry.js';

/** The Identity and Device Security workshop (task 3720): decisions, CA policies, MFA, gate G4. */
export const WORKSHOP_VERBS = {
  'workshop.decide': verb({
    action: 'decideFeature',
    card: 'workshop',
    form: true,
    item: { key: 'feature', label: 'security feature', valid: ids(FEATURES) },
    schema: z.object({
      feature: oneOf(ids(FEATURES), 'security feature', 'Choose the feature.'),
      choice: oneOf(FEATURE_CHOICES, 'decision', 'Choose enable now, planned or not planned.'),
      date: isoDate('target date'),
      reason: text('reason', LIMITS.shortText),
    }),
    build: (v, ctx) => ({
      type: 'decideFeature',
      feature: v.feature,
      choice: v.choice,
      ...(v.choice === 'planned' && v.date ? { targetDate: v.date, timeZone: ctx.timeZone } : {}),
      ...(v.choice === 'notPlanned' && v.reason ? { reason: v.reason } : {}),
    }),
  }),

  'workshop.decideFor': verb({
    action: 'decideFeature',
    card: 'workshop',
    form: true,
    onBehalf: true,
    schema: z.object({
      forPerson: text('stakeholder', 200, 'Choose the stakeholder who decided.'),
      forFeature: oneOf(ids(FEATURES), 'security feature', 'Choose the feature.'),
      forChoice: oneOf(FEATURE_CHOICES, 'decision', 'Choose enable now, planned or not planned.'),
      forDate: isoDate('target date'),
      forReason: text('reason', LIMITS.shortText),
    }),
    build: (v, ctx) => ({
      type: 'decideFeature',
      feature: v.forFeature,
      choice: v.forChoice,
      ...(v.forChoice === 'planned' && v.forDate
        ? { targetDate: v.forDate, timeZone: ctx.timeZone }
        : {}),
      ...(v.forChoice === 'notPlanned' && v.forReason ? { reason: v.forReason } : {}),
      onBehalfOf: v.forPerson,
    }),
  }),

  'workshop.caPolicy': verb({
    action: 'recordCaPolicy',
    card: 'workshop',
    form: true,
    item: { key: 'policy', label: 'Conditional Access policy', valid: ids(CA_POLICIES) },
    schema: z.object({
      policy: oneOf(ids(CA_POLICIES), 'Conditional Access policy', 'Choose the policy.'),
      caState: oneOf(CA_POLICY_STATES, 'policy state', "Choose the policy's state."),
    }),
    build: (v) => ({ type: 'recordCaPolicy', policy: v.policy, state: v.caState }),
  }),

  'workshop.mfa': verb({
    action: 'recordMfaRegistration',
    card: 'workshop',
    form: true,
    schema: z.object({
      mfaRegistered: wholeNumber(
        'number of users registered for MFA',
        'Give the number of users registered for MFA.',
      ),
      mfaTotal: wholeNumber('number of users', 'Give the number of users in total.'),
      mfaLowerReason: text('reason', LIMITS.shortText),
    }),
    build: (v) => ({
      type: 'recordMfaRegistration',
      registered: v.mfaRegistered,
      total: v.mfaTotal,
      ...(v.mfaLowerReason ? { reason: v.mfaLowerReason } : {}),
    }),
  }),

  'workshop.removeBlockAll': verb({
    action: 'removeBlockAll',
    card: 'workshop',
    form: false,
    schema: none,
    build: () => ({ type: 'removeBlockAll' }),
  }),
  'workshop.deliver': verb({
    action: 'deliverWorkshop',
    card: 'workshop',
    form: false,
    schema: none,
    build: () => ({ type: 'deliverWorkshop' }),
  }),
};
