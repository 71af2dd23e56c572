import { z } from 'zod';
import { ADD_ONS, LICENCES, ROLES, STAKEHOLDER_TITLES } from '../../playbook/catalog.js';
import { LIMITS } from '../../playbook/limits.js';
import { many, oneOf, optionalOneOf, text } from '../fields.js';
import { ids, none, verb } from '../entry.js';
import { chatMember, memberFacts } from '../members.js';

/** Setting up: the kickoff, who is who, and the licences. */
export const SETUP_VERBS = {
  'kickoff.confirm': verb({
    action: 'confirmKickoff',
    card: 'roles',
    form: false,
    schema: none,
    build: () => ({ type: 'confirmKickoff' }),
  }),

  'roles.assign': verb({
    action: 'assignRole',
    card: 'roles',
    form: true,
    roster: true,
    schema: z.object({
      personId: text('person', 200, 'Choose a person.'),
      role: oneOf([...ROLES, 'none'] as const, 'role', 'Choose a role.'),
      title: optionalOneOf(STAKEHOLDER_TITLES, 'stakeholder title'),
    }),
    build: (v, ctx) => {
      const member = chatMember(ctx, v.personId, v.role === 'none');
      if ('invalid' in member) return member;
      if (v.role === 'stakeholder' && !v.title)
        return { invalid: 'A stakeholder needs a title (BDM, Security Analyst, …).' };
      return {
        type: 'assignRole',
        ...memberFacts(member),
        role: v.role,
        ...(v.role === 'stakeholder' && v.title ? { title: v.title } : {}),
      };
    },
  }),

  'roles.handOver': verb({
    action: 'handOverFm',
    card: 'roles',
    form: true,
    roster: true,
    schema: z.object({
      newFmId: text('person', 200, 'Choose the new FastTrack Manager.'),
      fmThen: oneOf(['FE', 'SME', 'none'] as const, 'role', 'Choose the role you keep.'),
    }),
    build: (v, ctx) => {
      const member = chatMember(ctx, v.newFmId, false);
      if ('invalid' in member) return member;
      return { type: 'handOverFm', ...memberFacts(member), then: v.fmThen };
    },
  }),

  'licensing.record': verb({
    action: 'recordLicensing',
    card: 'licensing',
    form: true,
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
};
