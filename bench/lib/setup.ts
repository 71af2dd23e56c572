import type { BenchChat, ChatPlan } from './chats.js';
import type { StandInConnector } from './connector.js';
import { notSaved, type Person, type TeamsClient } from './teams.js';
import { WrongPath } from './verify.js';

/** A date a week ahead, yyyy-mm-dd (the Security Conversation is scheduled ahead). */
function weekAhead(): string {
  return new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Sets up one engagement the way people do, through this bot's cards: the FM types `start`,
 * confirms the kickoff and assigns the FE and each stakeholder on the roles card (the door reads
 * `personId`, `role`, `title`), records the licences, brings up the agenda and schedules the
 * Security Conversation. Every step must be saved; returns the agenda card the stakeholders answer.
 */
export async function setUpOnBot(
  client: TeamsClient,
  connector: StandInConnector,
  plan: ChatPlan,
): Promise<BenchChat> {
  const chat = plan.conversationId;
  let step = 0;
  const id = () => `setup-${chat}-${++step}`;
  connector.rosters.set(chat, [plan.fm, plan.fe, ...plan.stakeholders]);

  const card = async (text: string): Promise<string> => {
    const before = connector.postedIn(chat).length;
    const reply = await client.say(chat, plan.fm, text, id());
    const posted = connector.postedIn(chat);
    if (reply.status !== 200 || posted.length === before)
      throw new WrongPath(
        `Set-up of ${plan.customer}: "${text}" posted no card (HTTP ${reply.status}).`,
      );
    return posted[posted.length - 1];
  };
  const act = async (on: string, by: Person, verb: string, data: Record<string, unknown>) => {
    const problem = notSaved(await client.execute(chat, by, on, verb, data, id()));
    if (problem)
      throw new WrongPath(
        `Set-up of ${plan.customer}: ${verb} by ${by.name} was not saved: ${problem}`,
      );
  };

  const roles = await card(`start ${plan.customer}`);
  await act(roles, plan.fm, 'kickoff.confirm', { card: 'roles' });
  await act(roles, plan.fm, 'roles.assign', {
    card: 'roles',
    personId: plan.fe.aadObjectId,
    role: 'FE',
  });
  for (const s of plan.stakeholders)
    await act(roles, plan.fm, 'roles.assign', {
      card: 'roles',
      personId: s.aadObjectId,
      role: 'stakeholder',
      title: 'Security Analyst',
    });
  const licensing = await card('licensing');
  await act(licensing, plan.fm, 'licensing.record', {
    card: 'licensing',
    licences: 'm365e5',
    addOns: 'defenderO365,intune',
    licensingNotes: '',
  });
  const agenda = await card('agenda');
  await act(agenda, plan.fm, 'conversation.schedule', {
    card: 'agenda',
    conversationDate: weekAhead(),
    conversationTime: '14:00',
    conversationZone: 'Europe/London',
    conversationInvited: plan.stakeholders.map((s) => s.aadObjectId).join(','),
  });
  return { ...plan, agendaCardId: agenda };
}

/** The floor keeps no engagement: its chats only need an agenda card the connector knows. */
export function setUpOnFloor(connector: StandInConnector, plan: ChatPlan, n: number): BenchChat {
  const agendaCardId = `floor-agenda-${n}`;
  connector.remember(plan.conversationId, agendaCardId);
  return { ...plan, agendaCardId };
}
