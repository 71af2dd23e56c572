import type { Container, JSONObject, OperationInput } from '@azure/cosmos';
import type { Action } from '../../src/playbook/actions.js';
import { apply } from '../../src/playbook/apply.js';
import type { AgendaTopicId } from '../../src/playbook/catalog.js';
import type { Actor, Engagement } from '../../src/playbook/engagement.js';
import { isRefusal } from '../../src/playbook/refusal.js';
import { startEngagement } from '../../src/playbook/start.js';
import { openCosmosStore } from '../../src/store/cosmos.js';
import { EngagementWriter } from '../../src/store/mutate.js';
import { Directory } from '../../src/chat/directory.js';
import { Engagements } from '../../src/chat/engagements.js';
import { BENCH_KEY } from '../cosmos/process.js';
import type { BenchChat } from './chats.js';
import { planChats, TOPIC_SETS } from './chats.js';
import type { Target } from './load.js';
import { TENANT, type Person } from './teams.js';
import { WrongPath } from './verify.js';

const actor = (p: Person): Actor => ({
  id: p.aadObjectId,
  name: p.name,
  tenantId: TENANT,
  teamsId: p.teamsId,
});

/**
 * An engagement as the bot's own playbook makes it: started, kickoff confirmed, the FE and four
 * stakeholders assigned, licences recorded, the Security Conversation scheduled, and the agenda
 * acknowledged by every stakeholder.
 */
function seededEngagement(n: number, now: Date): Engagement {
  const [plan] = planChats(`seed-${n}`, 1, 4, 1);
  const started = startEngagement(
    {
      customer: plan.customer,
      tenantId: TENANT,
      conversationId: plan.conversationId,
      conversationType: 'groupChat',
    },
    actor(plan.fm),
    now,
  );
  if (isRefusal(started)) throw new WrongPath(`Seeding: ${started.message}`);
  const steps: [Person, Action][] = [
    [plan.fm, { type: 'confirmKickoff' }],
    [
      plan.fm,
      { type: 'assignRole', personId: plan.fe.aadObjectId, name: plan.fe.name, role: 'FE' },
    ],
    ...plan.stakeholders.map((s): [Person, Action] => [
      plan.fm,
      {
        type: 'assignRole',
        personId: s.aadObjectId,
        name: s.name,
        role: 'stakeholder',
        title: 'IT',
      },
    ]),
    [
      plan.fm,
      { type: 'recordLicensing', licences: ['m365e5'], addOns: ['defenderO365'], notes: '' },
    ],
    [
      plan.fm,
      {
        type: 'scheduleConversation',
        startsAt: new Date(now.getTime() + 7 * 86_400_000).toISOString(),
      },
    ],
    ...plan.stakeholders.map((s, i): [Person, Action] => [
      s,
      {
        type: 'acknowledgeAgenda',
        topics: [...TOPIC_SETS[i % TOPIC_SETS.length]] as AgendaTopicId[],
        question: '',
      },
    ]),
  ];
  let e = started;
  steps.forEach(([who, action], i) => {
    const outcome = apply(e, action, actor(who), now, `seed-${n}-${i}`);
    if (!outcome.ok) throw new WrongPath(`Seeding ${action.type}: ${outcome.refusal.message}`);
    e = outcome.engagement;
  });
  return e;
}

/**
 * Fills a bot's container with `count` more engagements, each made by the playbook's own
 * startEngagement and apply and written as the one document the store keeps per engagement
 * (in bulk: the seeds are never answered, they only make the container large).
 */
export async function seedEngagements(container: Container, count: number): Promise<void> {
  const now = new Date();
  for (let first = 0; first < count; first += 100) {
    const operations = Array.from(
      { length: Math.min(100, count - first) },
      (_, k): OperationInput => ({
        operationType: 'Create',
        resourceBody: seededEngagement(first + k, now) as unknown as JSONObject,
      }),
    );
    const results = await container.items.bulk(operations);
    const failed = results.filter((r) => r.statusCode !== 201);
    if (failed.length > 0)
      throw new WrongPath(
        `Seeding: ${failed.length} engagements were not created (HTTP ${failed[0].statusCode}).`,
      );
  }
}

/**
 * Answers given through the bot's own use case (Engagements.act: point read, the playbook's apply,
 * conditional write) without HTTP and cards, to bring one engagement to its n-th answer quickly.
 * Each must be saved; the Target records them as the bot's answers would be.
 */
export class Filler {
  private constructor(
    private readonly engagements: Engagements,
    private readonly writer: EngagementWriter,
    private readonly close: () => Promise<void>,
  ) {}

  static async open(endpoint: string, database: string): Promise<Filler> {
    const store = await openCosmosStore({
      endpoint,
      key: BENCH_KEY,
      database,
      container: 'engagements',
    });
    const writer = new EngagementWriter(store);
    const engagements = new Engagements(
      store,
      (id, decide) => writer.mutate(id, decide),
      () => new Date(),
      new Directory(store, () => new Date()),
    );
    return new Filler(engagements, writer, () => store.close());
  }

  async answer(target: Target, chat: BenchChat, count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      const who = chat.stakeholders[i % chat.stakeholders.length];
      const { id, topics } = target.next(chat, who);
      const action: Action = {
        type: 'acknowledgeAgenda',
        topics: topics as AgendaTopicId[],
        question: '',
      };
      const outcome = await this.engagements.act(chat.conversationId, action, actor(who), id);
      if (!outcome.ok || outcome.duplicate)
        throw new WrongPath(
          `Filling ${chat.customer}: answer ${id} was not saved (${outcome.ok ? 'duplicate' : outcome.refusal.message}).`,
        );
    }
  }

  async stop(): Promise<void> {
    await this.writer.drain();
    await this.close();
  }
}
