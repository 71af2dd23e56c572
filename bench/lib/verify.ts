import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Container } from '@azure/cosmos';
import { floorDocId, type FloorDoc } from '../floor/store.js';
import type { BenchChat } from './chats.js';
import type { Target } from './load.js';

/**
 * The bench measured the wrong thing: a refusal, an error, or an answer the store does not hold.
 * The run stops with a non-zero exit and this message.
 */
export class WrongPath extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WrongPath';
  }
}

export function failIfAny(what: string, problems: string[]): void {
  if (problems.length === 0) return;
  const shown = problems.slice(0, 8).map((p) => `  - ${p}`);
  const more = problems.length > 8 ? [`  … and ${problems.length - 8} more`] : [];
  throw new WrongPath([`${what}: ${problems.length} problem(s)`, ...shown, ...more].join('\n'));
}

/** The stored items of one engagement, whatever their layout (one document, or several in its partition). */
export type EngagementItems = (engagementId: string, mustHold: string[]) => Promise<unknown[]>;

/** Cosmos DB: the point read first; the whole partition when the document alone lacks an answer. */
export function cosmosItems(container: Container): EngagementItems {
  return async (engagementId, mustHold) => {
    const { resource } = await container.item(engagementId, engagementId).read();
    const text = resource ? JSON.stringify(resource) : '';
    if (resource && mustHold.every((id) => text.includes(`"${id}"`))) return [resource];
    const { resources } = await container.items
      .query({
        query: 'SELECT * FROM c WHERE c.engagementId = @id',
        parameters: [{ name: '@id', value: engagementId }],
      })
      .fetchAll();
    return resources;
  };
}

/** The embedded store: every file of its folder whose name carries the engagement id. */
export function embeddedItems(dataDir: string): EngagementItems {
  return async (engagementId) => {
    const names = (await readdir(dataDir)).filter((n) =>
      n.startsWith(encodeURIComponent(engagementId)),
    );
    return Promise.all(
      names.map(async (n) => JSON.parse(await readFile(join(dataDir, n), 'utf8')) as unknown),
    );
  };
}

type Acks = Record<string, { topics?: string[] }>;

function acknowledgementsIn(items: unknown[], engagementId: string): Acks | undefined {
  for (const item of items) {
    for (const candidate of [item, (item as { engagement?: unknown }).engagement]) {
      const e = candidate as { id?: string; conversation?: { acknowledgements?: Acks } };
      if (e?.id === engagementId && e.conversation?.acknowledgements)
        return e.conversation.acknowledgements;
    }
  }
  return undefined;
}

const same = (a: readonly string[] | undefined, b: readonly string[] | undefined) =>
  !!a && !!b && a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * This bot's store holds every answer of the window: each activity id is recorded with its
 * engagement (the bot keeps the ids it applied, to change nothing twice), and each stakeholder's
 * acknowledgement is the one they gave last. The bot keeps the latest 500 ids per engagement, so
 * a window checked this way stays well under 500 answers per chat (the bench's are at most 40).
 */
export async function verifyBot(
  items: EngagementItems,
  engagementIdOf: (conversationId: string) => string,
  target: Target,
  idsByChat: Map<string, string[]>,
): Promise<string[]> {
  const problems: string[] = [];
  for (const chat of target.chats) {
    const ids = idsByChat.get(chat.conversationId) ?? [];
    const engagementId = engagementIdOf(chat.conversationId);
    const stored = await items(engagementId, ids);
    const text = JSON.stringify(stored);
    const missing = ids.filter((id) => !text.includes(`"${id}"`));
    if (missing.length > 0)
      problems.push(
        `${chat.customer}: ${missing.length} of ${ids.length} answers are not in the store (first: ${missing[0]})`,
      );
    problems.push(...lastAnswers(chat, acknowledgementsIn(stored, engagementId), target));
  }
  return problems;
}

function lastAnswers(chat: BenchChat, acks: Acks | undefined, target: Target): string[] {
  if (!acks) return [`${chat.customer}: no acknowledgements in the store`];
  return chat.stakeholders
    .filter((s) => target.lastTopics.has(s.aadObjectId))
    .filter((s) => !same(acks[s.aadObjectId]?.topics, target.lastTopics.get(s.aadObjectId)))
    .map(
      (s) =>
        `${chat.customer}: ${s.name}'s last acknowledgement (${target.lastTopics.get(s.aadObjectId)?.join(',')}) is stored as ${acks[s.aadObjectId]?.topics?.join(',') ?? 'nothing'}`,
    );
}

/** The floor's store: its answer counter per chat equals the answers sent, and the last acknowledgements. */
export async function verifyFloor(container: Container, target: Target): Promise<string[]> {
  const problems: string[] = [];
  for (const chat of target.chats) {
    const id = floorDocId(chat.conversationId);
    const { resource } = await container.item(id, id).read<FloorDoc>();
    const sent = target.answersPerChat.get(chat.conversationId) ?? 0;
    if ((resource?.answers ?? 0) !== sent)
      problems.push(
        `${chat.customer}: the floor stored ${resource?.answers ?? 0} answers of ${sent}`,
      );
    problems.push(...lastAnswers(chat, resource?.acks, target));
  }
  return problems;
}
