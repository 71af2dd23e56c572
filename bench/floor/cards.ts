import type { FloorDoc } from './store.js';

const TOPICS: Record<string, string> = {
  importance: 'The importance of security',
  baseline: 'Why a security baseline should be established',
  deploySecurely: 'Why productivity and collaboration workloads should deploy securely',
};

function card(body: unknown[]): Record<string, unknown> {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    actions: [
      {
        type: 'Action.Execute',
        title: 'Acknowledge',
        verb: 'agenda.acknowledge',
        data: { card: 'agenda' },
      },
    ],
  };
}

/** The agenda as everyone sees it: each topic and how many acknowledged it. */
export function sharedCard(doc: FloorDoc): Record<string, unknown> {
  const acks = Object.values(doc.acks);
  return card([
    { type: 'TextBlock', text: 'M365 Security Conversation: agenda', weight: 'Bolder' },
    {
      type: 'FactSet',
      facts: Object.entries(TOPICS).map(([id, title]) => ({
        title,
        value: `${acks.filter((a) => a.topics.includes(id)).length} acknowledged`,
      })),
    },
  ]);
}

/** The clicker's view: the shared card with what was saved. */
export function answerCard(doc: FloorDoc, name: string, topics: string[]): Record<string, unknown> {
  const shared = sharedCard(doc);
  const saved = `Saved: ${name} acknowledged ${topics.map((t) => TOPICS[t] ?? t).join('; ')}.`;
  return {
    ...shared,
    body: [
      ...(shared.body as unknown[]),
      { type: 'TextBlock', text: saved, color: 'good', wrap: true },
    ],
  };
}
