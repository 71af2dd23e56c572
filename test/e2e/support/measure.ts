/**
 * What a card looks like to people in Teams, measured in Chromium: each card rendered by the
 * Adaptive Cards renderer with Teams' light and dark host configs (./teams-host) in a 480 px
 * wide column, its height, where its first button ends, and the contrast of every visible text
 * against what is behind it (WCAG 2 relative luminance, alpha composited).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';

export const WIDTH = 480;
export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

const HOST = join(__dirname, 'teams-host');
const RENDERER = join(__dirname, '..', '..', '..', 'node_modules', 'adaptivecards', 'dist');

/** One text with too little contrast. */
export interface LowContrast {
  text: string;
  ratio: number;
  color: string;
  background: string;
}

export interface Measured {
  /** Rendered height of the whole card at WIDTH px, in px. */
  height: number;
  /** Where the first button ends, from the top of the card, in px (undefined: no button). */
  firstAction?: number;
  /** The lowest contrast of any visible text. */
  minContrast: number;
  low: LowContrast[];
}

/** Renders `card` in one theme and measures it, in the page's own Chromium. */
type Measure = (input: { card: unknown; hostConfig: unknown; width: number }) => Measured;

/** The measuring, run inside the page (no closure over Node values). */
const measureInPage: Measure = ({ card, hostConfig, width }) => {
  const AC = (
    window as unknown as {
      AdaptiveCards: {
        AdaptiveCard: new () => {
          hostConfig: unknown;
          parse(json: unknown): void;
          render(): HTMLElement | undefined;
        };
        HostConfig: new (json: unknown) => unknown;
      };
    }
  ).AdaptiveCards;
  const parse = (css: string): number[] => {
    const m = /rgba?\(([^)]+)\)/.exec(css);
    if (!m) return [0, 0, 0, 0];
    const [r = 0, g = 0, b = 0, a = 1] = (m[1] as string).split(',').map((v) => Number(v.trim()));
    return [r, g, b, a];
  };
  const over = (top: number[], below: number[]): number[] => {
    const a = top[3] as number;
    return [0, 1, 2].map((i) => (top[i] as number) * a + (below[i] as number) * (1 - a)).concat(1);
  };
  const luminance = (c: number[]): number => {
    const [r, g, b] = c.slice(0, 3).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const backgroundOf = (el: Element | null): number[] => {
    const layers: number[][] = [];
    for (let node = el; node; node = node.parentElement) {
      const bg = parse(getComputedStyle(node).backgroundColor);
      if ((bg[3] as number) > 0) layers.push(bg);
      if (bg[3] === 1) break;
    }
    return layers.reduceRight((below, top) => over(top, below), [255, 255, 255, 1]);
  };
  const host = document.createElement('div');
  host.style.width = `${width}px`;
  document.body.replaceChildren(host);
  const adaptive = new AC.AdaptiveCard();
  adaptive.hostConfig = new AC.HostConfig(hostConfig);
  adaptive.parse(card);
  const rendered = adaptive.render();
  if (!rendered) throw new Error('The Adaptive Cards renderer rendered nothing.');
  host.appendChild(rendered);
  const top = rendered.getBoundingClientRect().top;
  const button = rendered.querySelector('button, .ac-pushButton');
  const low: LowContrast[] = [];
  let minContrast = 21;
  const walker = document.createTreeWalker(rendered, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent ?? '').trim();
    const el = node.parentElement;
    if (!text || !el || el.getClientRects().length === 0) continue;
    // The "*" after a required input's label is the host's cue, in the colour of the host's
    // config (inputs.label.requiredInputs.suffixColor), not the card's; the label itself counts.
    if (text === '*' && el.closest('label')) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
    const background = backgroundOf(el);
    const color = over(parse(style.color), background);
    const [hi, lo] = [luminance(color), luminance(background)].sort((a, b) => b - a) as [
      number,
      number,
    ];
    const ratio = Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100;
    minContrast = Math.min(minContrast, ratio);
    if (ratio < 4.5)
      low.push({
        text: text.slice(0, 60),
        ratio,
        color: `rgb(${color.slice(0, 3).map(Math.round).join(',')})`,
        background: `rgb(${background.slice(0, 3).map(Math.round).join(',')})`,
      });
  }
  return {
    height: Math.round(rendered.getBoundingClientRect().height),
    ...(button ? { firstAction: Math.round(button.getBoundingClientRect().bottom - top) } : {}),
    minContrast,
    low,
  };
};

/** A page that renders cards the way Teams' web client does, in one theme. */
export async function measureCards(
  context: BrowserContext,
  cards: readonly unknown[],
  theme: Theme,
): Promise<Measured[]> {
  const page = await context.newPage();
  try {
    const css = readFileSync(join(HOST, `teams-container-${theme}.css`), 'utf8');
    await page.setContent(
      `<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0"></body></html>`,
    );
    await page.addStyleTag({ content: css });
    await page.addScriptTag({ path: join(RENDERER, 'adaptivecards.js') });
    const hostConfig = JSON.parse(
      readFileSync(join(HOST, `teams-${theme}.json`), 'utf8'),
    ) as unknown;
    const out: Measured[] = [];
    for (const card of cards)
      out.push(await page.evaluate(measureInPage, { card, hostConfig, width: WIDTH }));
    return out;
  } finally {
    await page.close();
  }
}
