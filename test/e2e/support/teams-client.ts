import type { Locator, Page } from 'playwright-core';
import type { Browser, SeenCard } from './browser.js';

/** How long a person would wait for the bot before calling it broken. */
export const WAIT_MS = 15_000;

/** The text of a card's first heading (every Deploy Securely card starts with one). */
export function headingOf(card: Record<string, unknown>): string | undefined {
  const body = card.body as { items?: { text?: string }[]; text?: string }[] | undefined;
  const first = body?.[0];
  return first?.items?.[0]?.text ?? first?.text;
}

/** The browser user's side of the Playground: chats, the compose box, and the cards as shown. */
export class TeamsClient {
  readonly page: Page;

  constructor(
    private readonly browser: Browser,
    private readonly playgroundUrl: string,
  ) {
    this.page = browser.page;
  }

  async open(): Promise<void> {
    await this.page.goto(this.playgroundUrl);
    await this.page.getByRole('treeitem', { name: 'Personal Chat' }).waitFor({ timeout: WAIT_MS });
  }

  async openChat(name: string): Promise<void> {
    await this.page.getByRole('treeitem', { name }).click();
  }

  /** Types "@<bot> <text>" in the compose box, picking the bot from the mention list, and sends it. */
  async mentionBot(botName: string, text: string): Promise<void> {
    const box = this.page.locator('[data-lexical-editor="true"][role="textbox"]');
    await box.click();
    await box.pressSequentially(`@${botName.slice(0, 4)}`);
    await this.page.getByRole('menuitem', { name: botName }).click();
    await box.pressSequentially(` ${text}`);
    await box.press('Enter');
  }

  /** The newest card on screen whose heading is `heading` (top-level cards only), and that has `hasText`. */
  card(heading: string, hasText?: string | RegExp): Locator {
    const cards = this.page
      .locator('.ac-adaptiveCard')
      .filter({ has: this.page.getByText(heading, { exact: true }) });
    return (hasText === undefined ? cards : cards.filter({ hasText })).last();
  }

  /** The newest card the client received with this heading (its message id is the card's activity id). */
  async received(
    heading: string,
    matches: (card: SeenCard) => boolean = () => true,
  ): Promise<SeenCard> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const found = [...this.browser.cards]
        .reverse()
        .find((c) => headingOf(c.card) === heading && matches(c));
      if (found) return found;
      if (Date.now() > deadline) {
        const seen = this.browser.cards.map((c) => headingOf(c.card)).join(', ');
        throw new Error(
          `No "${heading}" card reached the client within ${WAIT_MS} ms (seen: ${seen || 'none'}).`,
        );
      }
      await this.page.waitForTimeout(100);
    }
  }

  /** How many updates of the message `messageId` the client has received. */
  updates(messageId: string): number {
    return this.browser.cards.filter(
      (c) => c.action === 'updateMessage' && c.messageId === messageId,
    ).length;
  }

  /** Waits until the client has received more than `before` updates of the message. */
  async waitForUpdate(messageId: string, before: number): Promise<void> {
    const deadline = Date.now() + WAIT_MS;
    while (this.updates(messageId) <= before) {
      if (Date.now() > deadline)
        throw new Error(`The card ${messageId} was not updated within ${WAIT_MS} ms.`);
      await this.page.waitForTimeout(50);
    }
    await this.settle();
  }

  /**
   * Clicks an Action.Execute button of the card `messageId` and waits for both answers the client
   * gets: the clicker's own view (the invoke's HTTP response) and the shared card's update (over
   * the websocket). They race; only once both are rendered is the card safe to click again.
   */
  async press(button: Locator, messageId: string): Promise<void> {
    const before = this.updates(messageId);
    const invoked = this.page.waitForResponse(
      (r) =>
        r.request().method() === 'POST' && new URL(r.url()).pathname === '/_conversation/v1/invoke',
      { timeout: WAIT_MS },
    );
    await button.click();
    await (await invoked).finished();
    await this.waitForUpdate(messageId, before);
  }

  /** Two animation frames: what the client received is on screen. */
  async settle(): Promise<void> {
    await this.page.evaluate(
      () =>
        new Promise<void>((resolve) =>
          requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
        ),
    );
  }

  /** Picks `option` in a compact choice set (a Fluent combobox) labelled `label` inside `scope`. */
  async choose(scope: Locator, label: string, option: string): Promise<void> {
    await scope.getByRole('combobox', { name: label }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }
}
