/**
 * The documents people keep: the FM or the FE presses Export on the summary card and gets, in
 * their own view, short-lived links to the summary and the hand-off (Markdown and a web page),
 * served by the bot itself. Nothing is posted to the chat; nobody else gets the links.
 */
import { PEOPLE, startTestBot, type TestBot } from '../support/app.js';
import { cardLinks, cardText, type Chat } from '../support/chat.js';
import type { PostedMessage } from '../support/teams-channel.js';

const { fm, fe, bdm } = PEOPLE;

/** The card's links to the bot's documents (not its guidance pages), by title. */
const links = (card: unknown) =>
  new Map(
    [...cardLinks(card)].filter(([, url]) => new URL(url).pathname.startsWith('/documents/')),
  );

describe('the documents the FM and the FE take away', () => {
  let bot: TestBot;
  let chat: Chat;
  let card: PostedMessage;

  beforeAll(async () => {
    bot = await startTestBot();
    ({ chat, card } = await bot.engagement('19:exports@thread.v2', 'Northwind <Traders>', [
      [fe, 'FE'],
      [bdm, 'stakeholder', 'BDM'],
    ]));
  });
  afterAll(() => bot.close());

  it("are links in the FM's own view, served by the bot as files to save; the chat gets nothing", async () => {
    const posted = chat.messages().length;
    const own = await chat.execute(fm, card, 'summary.export', { card: 'summary' });
    expect(cardText(own)).toMatch(/Your documents are ready/);
    expect(cardText(own)).toMatch(/These links are yours alone and work until/);
    const urls = links(own);
    expect([...urls.keys()]).toEqual(['Summary (web page)', 'Summary (Markdown)']);
    expect(chat.messages()).toHaveLength(posted);
    // Everyone else's copy of the card never holds them.
    expect(links(card.card).size).toBe(0);

    const page = await fetch(urls.get('Summary (web page)')!);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-disposition')).toBe(
      'attachment; filename="deploy-securely-northwind-traders-summary.html"',
    );
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const html = await page.text();
    expect(html).toContain('<h1>Deploy Securely: Northwind &lt;Traders&gt;</h1>');

    const md = await fetch(urls.get('Summary (Markdown)')!);
    expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(await md.text()).toMatch(/^# Deploy Securely: Northwind \\<Traders\\>\n/);
  });

  it('gives the FE links too, and refuses a stakeholder in their own view', async () => {
    expect(links(await chat.execute(fe, card, 'summary.export', { card: 'summary' })).size).toBe(2);
    const refused = await chat.execute(bdm, card, 'summary.export', { card: 'summary' });
    expect(cardText(refused)).toMatch(/Only the FastTrack Manager or the FastTrack Engineer/);
    expect(links(refused).size).toBe(0);
  });

  it('refuses an altered link, and the link of someone whose role changed since', async () => {
    const url = links(await chat.execute(fe, card, 'summary.export', { card: 'summary' })).get(
      'Summary (Markdown)',
    )!;
    const altered = await fetch(url.replace('role=FE', 'role=FM'));
    expect(altered.status).toBe(403);
    expect(await altered.text()).toMatch(/not a valid download link/);

    await chat.execute(fm, card, 'roles.assign', {
      card: 'roles',
      personId: fe.aadObjectId,
      role: 'SME',
    });
    const demoted = await fetch(url);
    expect(demoted.status).toBe(403);
    expect(await demoted.text()).toMatch(/no longer hold the role/);
  });

  it('through the Action.Submit fallback, puts no link in the chat: a short reply to the FM', async () => {
    const posted = chat.messages().length;
    await chat.submit(fm, card, 'summary.export', { card: 'summary' });
    const replies = chat.messages().slice(posted);
    expect(replies).toHaveLength(1);
    expect(replies[0].card).toBeUndefined();
    expect(replies[0].text).toMatch(
      /^<at>Megan Bowen<\/at> Your documents are ready in your own view/,
    );
    expect(replies[0].text).not.toMatch(/https?:/);
  });
});
