import { LIMITS } from '../../playbook/limits.js';
import type { CardName } from '../../door/card-names.js';
import type { View } from '../types.js';
import { baseView, nav, type ViewContext } from './common.js';
import { NAME_BYTES, typed } from '../text.js';

/** What a person can type to the bot (mention it in a group chat); the help card lists them. */
export const TEXT_COMMANDS: readonly { command: string; what: string; card?: CardName }[] = [
  {
    command: 'start <customer name>',
    what: 'start the engagement in this chat (you become its FastTrack Manager)',
  },
  { command: 'help', what: 'this card', card: 'help' },
  {
    command: 'status',
    what: 'steps, FTOP tasks, blockers and who can unblock them',
    card: 'status',
  },
  { command: 'roles', what: 'people and their roles; kickoff confirmation', card: 'roles' },
  { command: 'licensing', what: 'licences and security add-ons', card: 'licensing' },
  { command: 'agenda', what: 'the M365 Security Conversation (task 4017)', card: 'agenda' },
  { command: 'identity', what: 'Prepare Identity, gates G2 and G3', card: 'identity' },
  { command: 'auth', what: 'the authentication method (task 3736)', card: 'auth' },
  {
    command: 'workshop',
    what: 'the Identity and Device Security workshop (task 3720)',
    card: 'workshop',
  },
  { command: 'handoff', what: 'the hand-off form (task 3721)', card: 'handoff' },
  { command: 'followup', what: 'follow-up meetings and their reminders', card: 'followup' },
  { command: 'summary', what: 'the key outputs, to export or move on', card: 'summary' },
  {
    command: 'engagements',
    what: 'in our 1:1 chat: every engagement you take part in, across chats and organizations',
  },
];

export function helpView(ctx: ViewContext): View {
  const hasEngagement = !!ctx.e;
  const first = hasEngagement ? nav('status', 'roles', 'licensing', 'agenda', 'identity') : [];
  const second = hasEngagement ? nav('auth', 'workshop', 'handoff', 'followup', 'summary') : [];
  return {
    ...baseView(ctx, 'help', first),
    hasEngagement,
    customer: typed(ctx.e?.customer ?? '', NAME_BYTES),
    commands: TEXT_COMMANDS.map((c) => ({ title: c.command, value: c.what })),
    customerMax: LIMITS.customer,
    nav2: second,
    hasNav2: second.length > 0,
  };
}

export function welcomeView(ctx: ViewContext): View {
  const { e, req } = ctx;
  const names = req.welcomeNames?.filter((n) => n.trim()) ?? [];
  const greeting = names.length
    ? `Welcome, ${names.map((n) => typed(n, NAME_BYTES)).join(', ')}!`
    : 'Welcome!';
  const text = e
    ? `This chat runs the Deploy Securely phase of the FastTrack engagement with ${typed(e.customer, NAME_BYTES)}. I post cards for each step; answer them here. The FastTrack Manager gives each person a role.`
    : 'This chat can run the Deploy Securely phase of a FastTrack engagement. The FastTrack Manager starts it from the help card.';
  return {
    ...baseView(ctx, 'welcome', e ? nav('help', 'roles', 'status') : nav('help')),
    greeting,
    text,
  };
}
