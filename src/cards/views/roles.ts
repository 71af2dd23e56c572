import { ROLE_LABELS, ROLES, STAKEHOLDER_TITLES } from '../../playbook/catalog.js';
import { byWhen, fitting } from '../format.js';
import type { View } from '../types.js';
import { baseView, nav, type ViewContext } from './common.js';
import { NAME_BYTES, typed } from '../text.js';

/** Characters of card JSON for the people list and the roster choices (Teams cards stay under 28 KB). */
const PEOPLE_BUDGET = 7000;
const ROSTER_BUDGET = 9000;

export function rolesView(ctx: ViewContext): View {
  const { e, req, zone } = ctx;
  const people = e ? Object.values(e.people) : [];
  const order = (r: string) => ROLES.indexOf(r as (typeof ROLES)[number]);
  people.sort((a, b) => order(a.role) - order(b.role) || a.name.localeCompare(b.name));
  const facts = people.map((p) => ({
    title: typed(p.name, NAME_BYTES),
    value:
      p.role === 'stakeholder' && p.title
        ? `${ROLE_LABELS[p.role]}: ${p.title}`
        : ROLE_LABELS[p.role],
  }));
  const shown = fitting(facts, PEOPLE_BUDGET, 30);
  const roster = new Map<string, string>();
  for (const m of req.members ?? []) roster.set(m.id, m.name);
  for (const p of people) if (!roster.has(p.id)) roster.set(p.id, p.name);
  const personChoices = fitting(
    [...roster].map(([id, name]) => ({
      title: e?.people[id] ? `${name} (${e.people[id]?.role})` : name,
      value: id,
    })),
    ROSTER_BUDGET,
  );
  const kickoff = e?.kickoff;
  return {
    ...baseView(ctx, 'roles', nav('status', 'licensing', 'help')),
    kickoffDone: !!kickoff,
    kickoffText: kickoff
      ? `Kickoff call confirmed by ${byWhen(kickoff, zone)}.`
      : 'Gate G1: nothing starts before the FastTrack Manager confirms the kickoff call is completed.',
    people: shown,
    hasPeople: shown.length > 0,
    morePeople:
      people.length > shown.length ? `and ${people.length - shown.length} more people` : '',
    personChoices,
    hasPersonChoices: personChoices.length > 0,
    rosterNote:
      roster.size > personChoices.length
        ? `The list shows the first ${personChoices.length} of ${roster.size} people in the chat.`
        : '',
    roleChoices: [
      ...ROLES.map((r) => ({ title: ROLE_LABELS[r], value: r })),
      { title: 'No role (remove from the engagement)', value: 'none' },
    ],
    titleChoices: STAKEHOLDER_TITLES.map((t) => ({ title: t, value: t })),
  };
}
