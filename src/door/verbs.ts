import { z } from 'zod';
import type { ActionVerb } from './allowed.js';
import {
  ADD_ONS,
  AGENDA_TOPICS,
  ASSESSMENT_LEVELS,
  AUTH_METHODS,
  CA_POLICIES,
  CA_POLICY_STATES,
  CHECKLIST_STEPS,
  FEATURE_CHOICES,
  FEATURES,
  LICENCES,
  ROLES,
  STAKEHOLDER_TITLES,
} from '../playbook/catalog.js';
import { LIMITS } from '../playbook/limits.js';
import { handoffSchema } from './handoff.js';
import {
  isoDate,
  many,
  oneOf,
  optionalOneOf,
  text,
  timeOfDay,
  wholeNumber,
  zoneName,
} from './fields.js';
import { FOLLOW_UP_VERBS } from './followups.js';
import { ids, none, spec, when, type VerbSpec } from './spec.js';

/** The one table of the door: every card verb that becomes a playbook action. */
export const VERBS: Record<ActionVerb, VerbSpec> = {
  'kickoff.confirm': spec({
    card: 'roles',
    schema: none,
    build: () => ({ type: 'confirmKickoff' }),
  }),

  'roles.assign': spec({
    card: 'roles',
    schema: z.object({
      personId: text('person', 200, 'Choose a person.'),
      role: oneOf([...ROLES, 'none'] as const, 'role', 'Choose a role.'),
      title: optionalOneOf(STAKEHOLDER_TITLES, 'stakeholder title'),
    }),
    build: (v, ctx) => {
      const member = ctx.members.find((m) => m.id === v.personId);
      if (!member)
        return { invalid: 'That person is not in this chat: choose someone from the list.' };
      if (v.role === 'stakeholder' && !v.title)
        return { invalid: 'A stakeholder needs a title (BDM, Security Analyst, …).' };
      const name = member.name.trim().slice(0, LIMITS.name) || 'Someone';
      return {
        type: 'assignRole',
        personId: member.id,
        name,
        ...(member.teamsId ? { teamsId: member.teamsId } : {}),
        role: v.role,
        ...(v.role === 'stakeholder' && v.title ? { title: v.title } : {}),
      };
    },
  }),

  'licensing.record': spec({
    card: 'licensing',
    schema: z.object({
      licences: many(ids(LICENCES), 'licences', { required: 'Choose a licence.' }),
      addOns: many(ids(ADD_ONS), 'security add-ons'),
      licensingNotes: text('note', LIMITS.longText),
    }),
    build: (v) => ({
      type: 'recordLicensing',
      licences: v.licences,
      addOns: v.addOns,
      notes: v.licensingNotes,
    }),
  }),

  'conversation.schedule': spec({
    card: 'agenda',
    schema: z.object({
      conversationDate: isoDate('date', 'Choose the date of the conversation.'),
      conversationTime: timeOfDay('time', 'Choose the time of the conversation.'),
      conversationZone: zoneName,
    }),
    build: (v, ctx) => {
      const zone = v.conversationZone || ctx.timeZone || 'UTC';
      const at = when(v.conversationDate, v.conversationTime, zone, ctx);
      return 'invalid' in at
        ? at
        : { type: 'scheduleConversation', startsAt: at.iso, timeZone: zone };
    },
  }),

  'agenda.acknowledge': spec({
    card: 'agenda',
    schema: z.object({
      topics: many(ids(AGENDA_TOPICS), 'agenda topics'),
      question: text('question', LIMITS.longText),
    }),
    build: (v) => ({ type: 'acknowledgeAgenda', topics: v.topics, question: v.question }),
  }),

  'agenda.assess': spec({
    card: 'agenda',
    schema: z.object({
      level_identity: oneOf(ASSESSMENT_LEVELS, 'level', 'Choose a level for identity security.'),
      level_device: oneOf(ASSESSMENT_LEVELS, 'level', 'Choose a level for device security.'),
      level_information: oneOf(
        ASSESSMENT_LEVELS,
        'level',
        'Choose a level for information security.',
      ),
    }),
    build: (v) => ({
      type: 'selfAssess',
      levels: {
        identity: v.level_identity,
        device: v.level_device,
        information: v.level_information,
      },
    }),
  }),

  'conversation.deliver': spec({
    card: 'agenda',
    schema: none,
    build: () => ({ type: 'deliverConversation' }),
  }),

  'identity.complete': spec({
    card: 'identity',
    item: { key: 'step', label: 'Prepare Identity step', valid: CHECKLIST_STEPS },
    schema: z.object({
      step: oneOf(CHECKLIST_STEPS, 'Prepare Identity step', 'Choose the step.'),
      note: text('note', LIMITS.shortText),
    }),
    build: (v) => ({ type: 'completeIdentityStep', step: v.step, note: v.note }),
  }),

  'auth.prefer': spec({
    card: 'auth',
    schema: z.object({
      preferMethod: oneOf(ids(AUTH_METHODS), 'authentication method', 'Choose a method.'),
      preferComment: text('comment', LIMITS.shortText),
    }),
    build: (v) => ({ type: 'statePreference', method: v.preferMethod, comment: v.preferComment }),
  }),

  'auth.finalize': spec({
    card: 'auth',
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

  'identity.syncReady': spec({
    card: 'identity',
    schema: none,
    build: () => ({ type: 'markSyncReady' }),
  }),

  'workshop.decide': spec({
    card: 'workshop',
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

  'workshop.caPolicy': spec({
    card: 'workshop',
    item: { key: 'policy', label: 'Conditional Access policy', valid: ids(CA_POLICIES) },
    schema: z.object({
      policy: oneOf(ids(CA_POLICIES), 'Conditional Access policy', 'Choose the policy.'),
      caState: oneOf(CA_POLICY_STATES, 'policy state', "Choose the policy's state."),
    }),
    build: (v) => ({ type: 'recordCaPolicy', policy: v.policy, state: v.caState }),
  }),

  'workshop.mfa': spec({
    card: 'workshop',
    schema: z.object({
      mfaRegistered: wholeNumber(
        'number of users registered for MFA',
        'Give the number of users registered for MFA.',
      ),
      mfaTotal: wholeNumber('number of users', 'Give the number of users in total.'),
    }),
    build: (v) => ({
      type: 'recordMfaRegistration',
      registered: v.mfaRegistered,
      total: v.mfaTotal,
    }),
  }),

  'workshop.removeBlockAll': spec({
    card: 'workshop',
    schema: none,
    build: () => ({ type: 'removeBlockAll' }),
  }),
  'workshop.deliver': spec({
    card: 'workshop',
    schema: none,
    build: () => ({ type: 'deliverWorkshop' }),
  }),

  'handoff.submit': spec({
    card: 'handoff',
    schema: handoffSchema,
    build: (form) => ({ type: 'submitHandoff', form }),
  }),

  ...FOLLOW_UP_VERBS,
  'phase.moveOn': spec({
    card: 'summary',
    schema: none,
    build: () => ({ type: 'moveToNextPhase' }),
  }),
};
