import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';

const DOCS = join(__dirname, '..', '..', '..', 'docs', 'screenshots');

/** With UPDATE_SCREENSHOTS=1, keeps a card as the Playground shows it in docs/screenshots/<name>.png (the README's pictures). */
export async function keepCard(page: Page, card: Locator, name: string): Promise<void> {
  if (process.env.UPDATE_SCREENSHOTS !== '1') return;
  mkdirSync(DOCS, { recursive: true });
  // A card taller than the window would be pictured under the Playground's toolbar: the window
  // grows to hold the whole card for the picture, then goes back.
  const viewport = page.viewportSize();
  const height = (await card.boundingBox())?.height ?? 0;
  if (viewport && height + 300 > viewport.height)
    await page.setViewportSize({ width: viewport.width, height: Math.ceil(height) + 300 });
  try {
    await card.scrollIntoViewIfNeeded();
    // Let the card finish laying out (images, fonts) before taking its picture.
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await card.screenshot({ path: join(DOCS, `${name}.png`), animations: 'disabled' });
  } finally {
    if (viewport) await page.setViewportSize(viewport);
  }
}
