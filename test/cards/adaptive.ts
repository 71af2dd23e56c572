/** Test helpers: validate a card the way Teams' Adaptive Cards 1.5 renderer reads it, and look inside it. */
import { createRequire } from 'node:module';

interface Event {
  event: number;
  message: string;
}
interface AdaptiveCardsModule {
  AdaptiveCard: new () => {
    parse(json: unknown, ctx: unknown): void;
    validateProperties(): { validationEvents: Event[] };
  };
  SerializationContext: new (version: unknown) => {
    eventCount: number;
    getEventAt(i: number): Event;
  };
  Versions: { v1_5: unknown };
}

const load = createRequire(__filename);
const AC = load('adaptivecards/dist/adaptivecards.js') as AdaptiveCardsModule;

/** Every parse and validation problem of the card as Adaptive Cards 1.5; [] when it is clean. */
export function cardProblems(json: unknown): string[] {
  const card = new AC.AdaptiveCard();
  const ctx = new AC.SerializationContext(AC.Versions.v1_5);
  card.parse(json, ctx);
  const problems: string[] = [];
  for (let i = 0; i < ctx.eventCount; i++) problems.push(`parse: ${ctx.getEventAt(i).message}`);
  for (const e of card.validateProperties().validationEvents)
    problems.push(`validate: ${e.message}`);
  return problems;
}

type Json = Record<string, unknown>;

/** Every object in the card, depth first (fallbacks and the refresh action included). */
export function objects(node: unknown, out: Json[] = []): Json[] {
  if (Array.isArray(node)) node.forEach((n) => objects(n, out));
  else if (node && typeof node === 'object') {
    out.push(node as Json);
    Object.values(node).forEach((v) => objects(v, out));
  }
  return out;
}

/** The Action.Execute buttons of the card (not the refresh action, not fallbacks). */
export function buttons(card: Json): Json[] {
  const rest = Object.fromEntries(Object.entries(card).filter(([k]) => k !== 'refresh'));
  return objects(rest).filter((o) => o.type === 'Action.Execute');
}

/** The verbs of the card's buttons, without navigation (show). */
export function actionVerbs(card: Json): Set<string> {
  return new Set(
    buttons(card)
      .map((b) => String(b.verb))
      .filter((v) => v !== 'show'),
  );
}

export function inputs(card: Json): Map<string, Json> {
  return new Map(
    objects(card)
      .filter((o) => String(o.type).startsWith('Input.'))
      .map((o) => [String(o.id), o]),
  );
}

/** All visible text of the card (TextBlocks and FactSets), one string. */
export function visibleText(card: Json): string {
  const parts: string[] = [];
  for (const o of objects(card)) {
    if (o.type === 'TextBlock') parts.push(String(o.text));
    if (o.type === 'FactSet')
      for (const f of o.facts as { title: string; value: string }[])
        parts.push(`${f.title}: ${f.value}`);
  }
  return parts.join('\n');
}

/** Bytes of the card as Teams receives it. */
export const bytes = (card: unknown) => Buffer.byteLength(JSON.stringify(card), 'utf8');
