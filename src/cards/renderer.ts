import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Template } from 'adaptivecards-templating';
import { finishCard } from './finish.js';
import { CARD_NAMES, type CardName, type CardRequest } from './types.js';
import { viewModel } from './views/index.js';

export { CARD_NAMES, isCardName, type CardName, type CardRequest } from './types.js';

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

export interface CardRendererOptions {
  /** How a template is built (tests count the calls); default `new Template(json)`. */
  createTemplate?: (json: unknown) => Template;
}

/**
 * Card JSON from view models. Each card's template is read and built once, when the renderer is
 * made (a fresh Template per call is ten times slower); create one renderer at start and pass it in.
 */
export class CardRenderer {
  private readonly templates: ReadonlyMap<CardName, Template>;

  constructor(templatesDir: string = defaultTemplatesDir(), options: CardRendererOptions = {}) {
    const create = options.createTemplate ?? ((json: unknown) => new Template(json));
    const templates = new Map<CardName, Template>();
    for (const name of CARD_NAMES) {
      const file = path.join(templatesDir, `${name}.json`);
      templates.set(name, create(JSON.parse(readFileSync(file, 'utf8'))));
    }
    this.templates = templates;
  }

  /** The card's view model: the plain data its template binds to. */
  view(req: CardRequest): Record<string, unknown> {
    return viewModel(req);
  }

  render(req: CardRequest): Record<string, unknown> {
    const template = this.templates.get(req.card);
    if (!template) throw new Error(`No template for the card "${String(req.card)}".`);
    const expanded = template.expand({ $root: viewModel(req) }) as Record<string, unknown>;
    return finishCard(expanded, req);
  }
}
