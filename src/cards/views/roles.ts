import { ROLE_LABELS, ROLES, STAKEHOLDER_TITLES } from '../../playbook/catalog.js';
import type { Engagement, Person } from '../../playbook/engagement.js';
import { byWhen, fitting } from '../format.js';
import type { View } from '../types.js';
import { baseView, nav, type ViewContext } from './common.js';
import { NAME_BYTES, typed } from '../text.js';

/** Characters of card JSON for the people list and the roster choices (Teams cards stay under 28 KB). */
const PEOPLE_BUDGET = 7000;
const ROSTER_BUDGET = 9000;
/** The hand-over form's list of members who may become the FM. */
const FM_BUDGET = 5000;

/** How a person takes part, beyond their role: a guest account, another organization, gone. */
function marks(e: Engagement, p: Person): string {
  const out: string[] = [];
  if (p.userRole === 'guest') out.push('guest');
  else if (p.homeTenantId && p.homeTenantId !== e.tenantId) out.push('from another organization');
  if (p.removed) out.push('left the chat, cannot act');
  return out.length ? ` (${out.join('; ')})` : '';
}

export function rolesView(ctx: ViewContext): View {
  const { e, req, zone } = ctx;
  const people = e ? Object.values(e.people) : [];
  const order = (r: string) => ROLES.indexOf(r as (typeof ROLES)[number]);
  people.sort((a, b) => order(a.role) - order(b.role) || a.name.localeCompare(b.name));
  const facts = people.map((p) => ({
    title: typed(p.name, NAME_BYTES),
    value:
      (p.role === 'stakeholder' && p.title
        ? `${ROLE_LABELS[p.role]}: ${p.title}`
        : ROLE_LABELS[p.role]) + (e ? marks(e, p) : ''),
  }));
  const shown = fitting(facts, PEOPLE_BUDGET, 30);
  const roster = new Map<string, string>();
  const inChat = new Set<string>();
  for (const m of req.members ?? []) {
    if (m.departed) continue;
    roster.set(m.id, m.name);
    inChat.add(m.id);
  }
  for (const p of people) if (!roster.has(p.id)) roster.set(p.id, p.name);
  const personChoices = fitting(
    [...roster].map(([id, name]) => {
      const role = e?.people[id]?.role;
      const away = inChat.has(id) || !req.members?.length ? '' : ', not in this chat';
      return { title: role ? `${name} (${role}${away})` : name, value: id };
    }),
    ROSTER_BUDGET,
  );
  const fm = people.find((p) => p.role === 'FM');
  const fmChoices = fitting(
    personChoices.filter((c) => c.value !== fm?.id && inChat.has(c.value)),
    FM_BUDGET,
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
      ...ROLES.filter((r) => r !== 'FM').map((r) => ({ title: ROLE_LABELS[r], value: r })),
      { title: 'No role (remove from the engagement)', value: 'none' },
    ],
    fmChoices,
    hasFmChoices: fmChoices.length > 0,
    fmThenChoices: [
      { title: `I become ${ROLE_LABELS.FE}`, value: 'FE' },
      { title: `I become ${ROLE_LABELS.SME}`, value: 'SME' },
      { title: 'I leave the engagement (no role)', value: 'none' },
    ],
    titleChoices: STAKEHOLDER_TITLES.map((t) => ({ title: t, value: t })),
  };
}
