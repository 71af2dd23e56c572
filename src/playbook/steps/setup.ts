import type { ActionOf } from '../actions.js';
import { ADD_ONS, LICENCES, ROLE_LABELS, titleOf } from '../catalog.js';
import { LIMITS } from '../limits.js';
import { refuse } from '../refusal.js';
import type { StepContext, StepResult } from './context.js';
import { formerRolesAfter, withFacts } from './people.js';
import { tooLong } from './text.js';

export function confirmKickoff(ctx: StepContext): StepResult {
  if (ctx.draft.kickoff) return refuse('invalid', 'The kickoff call is already confirmed.');
  ctx.draft.kickoff = ctx.stamp;
  return { summary: 'confirmed the kickoff call is completed' };
}

export function assignRole(ctx: StepContext, a: ActionOf<'assignRole'>): StepResult {
  const { draft } = ctx;
  const name = a.name.trim();
  if (!a.personId) return refuse('invalid', 'Choose the person whose role to set.');
  if (!name) return refuse('invalid', "The person's name is missing.");
  const long = tooLong('name', name, LIMITS.name);
  if (long) return long;
  const current = draft.people[a.personId];
  if (current?.role === 'FM' || a.role === 'FM') {
    return refuse(
      'invalid',
      'An engagement has one FastTrack Manager: the FM hands the role over with "Hand over the FM role" on the roles card.',
    );
  }
  if (a.role === 'none') {
    if (!current) return refuse('notFound', `${name} has no role in this engagement.`);
    delete draft.people[a.personId];
    return { summary: `removed ${name} from the engagement` };
  }
  if (!current && Object.keys(draft.people).length >= LIMITS.people) {
    return refuse('invalid', `An engagement holds at most ${LIMITS.people} people.`);
  }
  if (a.role === 'stakeholder' && !a.title) {
    return refuse('invalid', 'A stakeholder needs a title (BDM, Security Analyst, …).');
  }
  draft.people[a.personId] = {
    ...withFacts(a, current),
    id: a.personId,
    name,
    role: a.role,
    ...(a.role === 'stakeholder' ? { title: a.title } : {}),
    assigned: ctx.stamp,
    ...formerRolesAfter(current, a.role, a.title, ctx.stamp),
  };
  const title = a.role === 'stakeholder' && a.title ? ` (${a.title})` : '';
  return { summary: `made ${name} ${ROLE_LABELS[a.role]}${title}` };
}

export function recordLicensing(ctx: StepContext, a: ActionOf<'recordLicensing'>): StepResult {
  if (a.licences.length === 0) {
    return refuse('invalid', 'Choose at least one licence the customer has.');
  }
  const long = tooLong('notes', a.notes, LIMITS.longText);
  if (long) return long;
  ctx.draft.licensing = {
    ...ctx.stamp,
    licences: [...new Set(a.licences)],
    addOns: [...new Set(a.addOns)],
    notes: a.notes.trim(),
  };
  const names = a.licences.map((l) => titleOf(LICENCES, l));
  const addOns = a.addOns.map((l) => titleOf(ADD_ONS, l));
  return {
    summary: `recorded licences: ${names.join(', ')}${addOns.length ? `; add-ons: ${addOns.join(', ')}` : ''}`,
  };
}
