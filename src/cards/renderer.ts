import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Template } from 'adaptivecards-templating';
import { finishCard } from './finish.js';
import { CARD_NAMES, type CardName } from '../door/card-names.js';
import type { AdaptiveCard, CardRequest, View } from './types.js';
import { viewModel } from './views/index.js';

/** The templates folder at the repository root (from src/cards or dist/src/cards). */
function defaultTemplatesDir(): string {
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, 'cards');
    if (existsSync(path.join(candidate, 'help.json'))) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error(
    `Card templates not found above ${__dirname}: expected a cards/ folder with help.json.`,
  );
}

/**
 * Card JSON from view models. Each card's template is read when the renderer is made and built
 * into a Template once, at its first use (a fresh Template per call is ten times slower, and
 * building all of them takes longer than the rest of the start); create one renderer at start and
 * pass it in, and call `warm()` once the bot answers to build the others between requests.
 */
export class CardRenderer {
  private readonly sources: Readonly<Record<CardName, unknown>>;
  private readonly built = new Map<CardName, Template>();

  constructor(templatesDir: string = defaultTemplatesDir()) {
    const read = (name: CardName): unknown =>
      JSON.parse(readFileSync(path.join(templatesDir, `${name}.json`), 'utf8'));
    this.sources = Object.fromEntries(CARD_NAMES.map((name) => [name, read(name)])) as Record<
      CardName,
      unknown
    >;
  }

  private template(card: CardName): Template {
    let template = this.built.get(card);
    if (!template) {
      template = new Template(this.sources[card]);
      this.built.set(card, template);
    }
    return template;
  }

  /**
   * Builds every card's Template, one per turn of the event loop so requests are answered in
   * between; resolves when all are built.
   */
  async warm(): Promise<void> {
    for (const card of CARD_NAMES) {
      await new Promise((resolve) => setImmediate(resolve));
      this.template(card);
    }
  }

  /** The card's view model: the plain data its template binds to. */
  view(req: CardRequest): View {
    return viewModel(req);
  }

  render(req: CardRequest): AdaptiveCard {
    const expanded = this.template(req.card).expand({ $root: viewModel(req) }) as AdaptiveCard;
    return finishCard(expanded, req);
  }
}
