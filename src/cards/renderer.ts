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
 * Card JSON from view models. Each card's template is read and built once, when the renderer is
 * made (a fresh Template per call is ten times slower); create one renderer at start and pass it in.
 */
export class CardRenderer {
  private readonly templates: Readonly<Record<CardName, Template>>;

  constructor(templatesDir: string = defaultTemplatesDir()) {
    const read = (name: CardName) =>
      new Template(JSON.parse(readFileSync(path.join(templatesDir, `${name}.json`), 'utf8')));
    this.templates = Object.fromEntries(CARD_NAMES.map((name) => [name, read(name)])) as Record<
      CardName,
      Template
    >;
  }

  /** The card's view model: the plain data its template binds to. */
  view(req: CardRequest): View {
    return viewModel(req);
  }

  render(req: CardRequest): AdaptiveCard {
    const expanded = this.templates[req.card].expand({ $root: viewModel(req) }) as AdaptiveCard;
    return finishCard(expanded, req);
  }
}
