import { allowedVerbs, rolesFor, type Verb } from '../../door/allowed.js';
import type { CardName } from '../../door/card-names.js';
import { ACTION_VERB_LIST, type ActionVerb } from '../../door/verbs/index.js';
import { NEXT_PHASES, ROLE_LABELS, type Role } from '../../playbook/catalog.js';
import type { Engagement } from '../../playbook/engagement.js';
import { byWhen } from '../format.js';
import type { CardRequest, View } from '../types.js';
import { MESSAGE_BYTES, NAME_BYTES, typed } from '../text.js';

/** Everything a view model needs to know about one request. */
export interface ViewContext {
  req: CardRequest;
  e: Engagement | undefined;
  /** The shared card (no viewer): shows every role's actions, with who may use them. */
  shared: boolean;
  role: Role | undefined;
  zone: string;
  can: Record<Verb, boolean>;
}

export function viewContext(req: CardRequest): ViewContext {
  const e = req.engagement;
  const shared = req.viewer === undefined;
  const person = req.viewer ? e?.people[req.viewer.id] : undefined;
  const role = req.viewer?.role ?? (person?.removed ? undefined : person?.role);
  const can = allowedVerbs(e, shared, role);
  if (req.noActions) for (const verb of Object.keys(can) as Verb[]) can[verb] = false;
  return { req, e, shared, role, zone: req.timeZone ?? 'UTC', can };
}

export const CARD_TITLES: Record<CardName, string> = {
  help: 'Deploy Securely',
  welcome: 'Welcome',
  roles: 'People and roles',
  licensing: 'Licensing and security add-ons',
  agenda: 'M365 Security Conversation (task 4017)',
  identity: 'Prepare Identity',
  auth: 'Authentication method (task 3736)',
  workshop: 'Identity and Device Security workshop (task 3720)',
  handoff: 'Hand-off form (task 3721)',
  followup: 'Follow-up meetings',
  status: 'Engagement status',
  summary: 'Engagement summary: key outputs',
  reminder: 'Follow-up reminder',
  engagements: 'Your engagements',
};

export interface Nav {
  title: string;
  card: CardName;
}

const NAV_TITLES: Record<CardName, string> = {
  help: 'Help',
  welcome: 'Welcome',
  roles: 'Roles',
  licensing: 'Licensing',
  agenda: 'Conversation',
  identity: 'Identity',
  auth: 'Authentication',
  workshop: 'Workshop',
  handoff: 'Hand-off',
  followup: 'Follow-ups',
  status: 'Status',
  summary: 'Summary',
  reminder: 'Reminder',
  engagements: 'My engagements',
};

export function nav(...cards: CardName[]): Nav[] {
  return cards.map((card) => ({ title: NAV_TITLES[card], card }));
}

/** The line under the title: the customer, and whose view this is. */
function subtitle(ctx: ViewContext): string {
  const { e, shared, role } = ctx;
  const parts: string[] = [];
  if (e) parts.push(typed(e.customer, NAME_BYTES));
  if (!shared) parts.push(role ? `your view as ${ROLE_LABELS[role]}` : 'your view');
  return parts.join(' · ');
}

/** What stops the card's forms: no engagement, not a member, gate G1, or the phase is over. */
function notice(ctx: ViewContext, card: CardName): string {
  const { e, shared, role } = ctx;
  if (!e && ctx.req.storeFailed) return "This chat's engagement cannot be read right now.";
  if (!e)
    return ['help', 'welcome', 'engagements'].includes(card)
      ? ''
      : 'There is no engagement in this chat yet.';
  if (!shared && !role)
    return `You are not part of the engagement with ${typed(e.customer, NAME_BYTES)}: ask the FastTrack Manager to give you a role.`;
  if (e.movedOn)
    return `The engagement moved on to ${NEXT_PHASES.join(', ')} (${byWhen(e.movedOn, ctx.zone)}); Deploy Securely is closed.`;
  if (!e.kickoff && card !== 'roles' && card !== 'help' && card !== 'welcome') {
    return 'Gate G1: nothing starts before the FastTrack Manager confirms the kickoff call (on the roles card).';
  }
  return '';
}

/** A message's container style, which is also its text colour in Adaptive Cards. */
const MESSAGE_STYLE = { error: 'attention', success: 'good', info: 'accent' } as const;

/** "For the FastTrack Manager", per action verb: the note the shared card shows by each form. */
function whoMay(): Record<ActionVerb, string> {
  const who = {} as Record<ActionVerb, string>;
  for (const verb of ACTION_VERB_LIST) {
    const roles = rolesFor(verb).map((r) =>
      r === 'stakeholder' ? 'customer stakeholders' : `the ${ROLE_LABELS[r]}`,
    );
    who[verb] = `For ${roles.join(' or ')}`;
  }
  return who;
}

/** The fields every template binds: header, message slot, notices, permissions, navigation. */
export function baseView(ctx: ViewContext, card: CardName, links: Nav[]): View {
  const { req } = ctx;
  const message = req.message;
  const note = notice(ctx, card);
  return {
    card,
    title: CARD_TITLES[card],
    subtitle: subtitle(ctx),
    hasMessage: !!message?.text,
    messageText: typed(message?.text ?? '', MESSAGE_BYTES),
    messageColor: message ? MESSAGE_STYLE[message.kind] : 'default',
    messageStyle: message ? MESSAGE_STYLE[message.kind] : 'default',
    shared: ctx.shared,
    hasNotice: note !== '',
    notice: note,
    can: ctx.can,
    who: whoMay(),
    nav: links.filter((l) => l.card !== card),
    hasNav: links.some((l) => l.card !== card),
  };
}

/** A person's name as a card shows it (as text), or who they were. */
export function personName(e: Engagement, id: string): string {
  const name = e.people[id]?.name;
  return name === undefined ? 'someone no longer in the engagement' : typed(name, NAME_BYTES);
}

/** ChoiceSet choices. */
export function choices(
  list: readonly { id: string; title: string }[],
): { title: string; value: string }[] {
  return list.map((item) => ({ title: item.title, value: item.id }));
}
