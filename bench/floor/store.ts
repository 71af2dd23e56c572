import { createHash } from 'node:crypto';
import type { Container } from '@azure/cosmos';

/** The floor's whole record of a chat: who acknowledged which topics, and how many answers it took. */
export interface FloorDoc {
  id: string;
  engagementId: string;
  acks: Record<string, { name: string; topics: string[]; at: string }>;
  answers: number;
}

export function floorDocId(conversationId: string): string {
  return `floor-${createHash('sha256').update(conversationId).digest('hex').slice(0, 32)}`;
}

/**
 * One point read and one ETag-conditional replace per answer (a create the first time), answers
 * to one chat one after another inside the process (as the bot's writer does), re-read on 412.
 */
export class FloorStore {
  private readonly tails = new Map<string, Promise<unknown>>();

  constructor(private readonly container: Container) {}

  acknowledge(
    conversationId: string,
    who: { id: string; name: string },
    topics: string[],
  ): Promise<FloorDoc> {
    const id = floorDocId(conversationId);
    const previous = this.tails.get(id) ?? Promise.resolve();
    const run = previous.then(() => this.write(id, who, topics));
    const tail = run.catch(() => undefined);
    this.tails.set(id, tail);
    void tail.then(() => {
      if (this.tails.get(id) === tail) this.tails.delete(id);
    });
    return run;
  }

  private async write(
    id: string,
    who: { id: string; name: string },
    topics: string[],
  ): Promise<FloorDoc> {
    for (let attempt = 0; ; attempt++) {
      const item = this.container.item(id, id);
      const { resource, etag } = await item.read<FloorDoc>().catch((err: { code?: number }) => {
        if (err.code === 404) return { resource: undefined, etag: undefined };
        throw err;
      });
      const doc: FloorDoc = resource
        ? { id, engagementId: id, acks: resource.acks, answers: resource.answers }
        : { id, engagementId: id, acks: {}, answers: 0 };
      doc.acks[who.id] = { name: who.name, topics, at: new Date().toISOString() };
      doc.answers++;
      try {
        if (resource && etag)
          await item.replace(doc, { accessCondition: { type: 'IfMatch', condition: etag } });
        else await this.container.items.create(doc);
        return doc;
      } catch (err) {
        const code = (err as { code?: number }).code;
        if ((code !== 412 && code !== 409) || attempt > 20) throw err;
      }
    }
  }
}
