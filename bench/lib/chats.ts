import { createHash } from 'node:crypto';
import { person, type Person } from './teams.js';

/** An engagement chat of the load: its FastTrack manager, engineer and customer stakeholders. */
export interface ChatPlan {
  conversationId: string;
  customer: string;
  fm: Person;
  fe: Person;
  stakeholders: Person[];
}

/** A chat as one bot knows it: the agenda card its stakeholders answer on. */
export interface BenchChat extends ChatPlan {
  agendaCardId: string;
}

/** `chats` group chats with `perChat` stakeholders each; people are numbered from `first`. */
export function planChats(prefix: string, chats: number, perChat: number, first = 1): ChatPlan[] {
  let n = first;
  return Array.from({ length: chats }, (_, i) => {
    const tag = createHash('sha256').update(`${prefix}-${i}`).digest('hex').slice(0, 16);
    return {
      conversationId: `19:${prefix}-${tag}@thread.v2`,
      customer: `Contoso ${prefix} ${i + 1}`,
      fm: person(`Megan Bowen ${i + 1}`, n++),
      fe: person(`Adele Vance ${i + 1}`, n++),
      stakeholders: Array.from({ length: perChat }, (_, s) =>
        person(`Stakeholder ${i + 1}.${s + 1}`, n++),
      ),
    };
  });
}

/** The topic sets stakeholders acknowledge in turn, so that every answer changes what is stored. */
export const TOPIC_SETS = [
  ['importance'],
  ['baseline'],
  ['deploySecurely'],
  ['importance', 'baseline'],
  ['importance', 'deploySecurely'],
  ['baseline', 'deploySecurely'],
  ['importance', 'baseline', 'deploySecurely'],
] as const;
