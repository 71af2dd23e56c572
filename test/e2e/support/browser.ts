import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** The flags TOOLCHAIN.md lists: headless, offline, nothing leaves the machine. */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
];

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A card message as the Playground's client received it over its websocket. */
export interface SeenCard {
  action: 'createMessage' | 'updateMessage';
  messageId: string;
  conversationId: string;
  card: Record<string, unknown>;
}

export interface Browser {
  page: Page;
  /** Every card the client received (created or updated), oldest first. */
  cards: SeenCard[];
  /** Requests the page tried to send off the machine (aborted). */
  blocked: string[];
  close(): Promise<void>;
}

/** Fails (never skips) when Debian's Chromium is not installed. */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The end-to-end test needs Chromium at ${CHROMIUM}: install chromium: apt-get install -y chromium`,
    );
  }
}

function readFrame(payload: string | Buffer, cards: SeenCard[]): void {
  let frame: unknown;
  try {
    frame = JSON.parse(String(payload));
  } catch {
    return;
  }
  const f = frame as {
    action?: string;
    actionConversationId?: string;
    message?: { messageId?: string; attachments?: { contentType?: string; content?: unknown }[] };
  };
  if (f.action !== 'createMessage' && f.action !== 'updateMessage') return;
  const card = f.message?.attachments?.find(
    (a) => a.contentType === 'application/vnd.microsoft.card.adaptive',
  )?.content;
  if (!f.message?.messageId || !f.actionConversationId || typeof card !== 'object' || card === null)
    return;
  cards.push({
    action: f.action,
    messageId: f.message.messageId,
    conversationId: f.actionConversationId,
    card: card as Record<string, unknown>,
  });
}

export async function openBrowser(): Promise<Browser> {
  requireChromium();
  const userDataDir = mkdtempSync(join(tmpdir(), 'ds-e2e-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      // Tall enough that the longest card (Prepare Identity) fits in the chat pane for its picture.
      viewport: { width: 1280, height: 2000 },
      deviceScaleFactor: 1,
      locale: 'en-US',
      timezoneId: 'UTC',
    });
  } catch (err) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw err;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  const cards: SeenCard[] = [];
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || LOOPBACK.has(url.hostname))
      return route.continue();
    blocked.push(url.origin);
    return route.abort();
  });
  page.on('websocket', (ws) => ws.on('framereceived', (frame) => readFrame(frame.payload, cards)));
  return {
    page,
    cards,
    blocked,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Keeps a screenshot of the whole page under test-results/e2e/ (for a failed step). */
export async function keepScreenshot(page: Page, name: string): Promise<string> {
  const dir = join(__dirname, '..', '..', '..', 'test-results', 'e2e');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name.replace(/[^a-z0-9-]+/gi, '-').toLowerCase()}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
