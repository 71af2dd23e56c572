/**
 * The engagement's cards in the chat, over HTTP with the Teams stand-in: each message keeps its
 * card whatever is pressed on it, and every change brings the chat's cards up to the state.
 */
import { CHAT_CARD_LIMITS } from '../../src/playbook/chat-cards.js';
import { engagementIdFor } from '../../src/playbook/start.js';
import { PEOPLE, startTestBot, type TestBot } from '../support/app.js';
import { cardKinds, cardText, type Chat } from '../support/chat.js';
import type { PostedMessage } from '../support/teams-channel.js';

const { fm, fe, sme, bdm, architect } = PEOPLE;

/** The card a message shows: the `card` every button of it carries. */
function kindOf(message: PostedMessage | undefined): string {
  const kinds = cardKinds(message?.card);
  if (kinds.size !== 1) throw new Error(`a card of ${kinds.size} kinds: ${[...kinds].join(', ')}`);
  return [...kinds][0] as string;
}

/** How many messages the bot updated while `run` ran. */
async function updatesDuring(bot: TestBot, run: () => Promise<unknown>): Promise<number> {
  const before = bot.channel.calls.filter((c) => c.method === 'PUT').length;
  await run();
  return bot.channel.calls.filter((c) => c.method === 'PUT').length - before;
}

describe("the engagement's cards in the chat", () => {
  let bot: TestBot;

  beforeEach(async () => {
    bot = await startTestBot();
  });
  afterEach(async () => {
    await bot.close();
  });

  /** A typed command's card, as posted. */
  const typed = async (chat: Chat, word: string): Promise<PostedMessage> => {
    await chat.say(fm, word);
    return chat.last();
  };
  const now = (chat: Chat, message: PostedMessage) =>
    chat.messages().find((m) => m.id === message.id) as PostedMessage;

  test('cards posted earlier show the current state after each change: the kickoff, then the method finalized', async () => {
    const chat = bot.chat('19:fresh-cards@thread.v2');
    bot.channel.rosters.set(chat.conversationId, [fm, fe, sme, bdm, architect]);
    const roles = await typed(chat, 'start Contoso');
    const licensing = await typed(chat, 'licensing');
    expect(cardText(licensing.card)).toMatch(/Gate G1: nothing starts/);

    await chat.execute(fm, roles, 'kickoff.confirm', { card: 'roles' });
    expect(cardText(now(chat, licensing).card)).not.toMatch(/Gate G1/);
    expect(kindOf(now(chat, licensing))).toBe('licensing');

    const assign = (person: typeof fm, role: string, title?: string) =>
      chat.execute(fm, roles, 'roles.assign', {
        card: 'roles',
        personId: person.aadObjectId,
        role,
        ...(title ? { title } : {}),
      });
    await assign(fe, 'FE');
    await assign(bdm, 'stakeholder', 'BDM');
    const identity = await typed(chat, 'identity');
    const auth = await typed(chat, 'auth');
    const authBefore = cardText(auth.card);
    await chat.execute(fe, identity, 'identity.complete', {
      card: 'identity',
      step: 'forests',
      note_forests: 'One forest',
    });
    expect(authBefore).not.toMatch(/Gate G2: [^\n]*: Open/);
    expect(cardText(now(chat, auth).card)).toMatch(/Gate G2: [^\n]*: Open/);
    const identityBefore = cardText(now(chat, identity).card);
    await chat.execute(bdm, auth, 'auth.prefer', {
      card: 'auth',
      preferMethod: 'phs',
      preferComment: '',
    });
    await chat.execute(fe, auth, 'auth.finalize', {
      card: 'auth',
      authMethod: 'phs',
      authRationale: 'Simplest, resilient',
      authDecidedBy: 'Nestor Wilke',
    });

    // The identity card posted before now shows the method decided, as a fresh one would.
    const identityAfter = cardText(now(chat, identity).card);
    expect(identityAfter).not.toEqual(identityBefore);
    const fresh = await typed(chat, 'identity');
    expect(cardText(now(chat, identity).card)).toEqual(cardText(fresh.card));
    expect(cardText(now(chat, licensing).card)).toEqual(
      cardText((await typed(chat, 'licensing')).card),
    );
    expect(cardText(now(chat, roles).card)).toMatch(/People and roles/);
    for (const [message, kind] of [
      [roles, 'roles'],
      [licensing, 'licensing'],
      [identity, 'identity'],
      [auth, 'auth'],
    ] as const)
      expect(kindOf(now(chat, message))).toBe(kind);
  });

  test('Status pressed on the roles card leaves the shared roles card a roles card, and an action on that view too', async () => {
    const { chat, card } = await bot.engagement('19:navigate@thread.v2', 'Contoso', [[fe, 'FE']]);
    const status = await chat.execute(fm, card, 'show', { card: 'roles', open: 'status' });
    expect(cardText(status)).toMatch(/Engagement status/);
    expect(kindOf(now(chat, card))).toBe('roles');

    // An action taken on a view opened from the roles card: the message stays the roles card.
    const licensing = await chat.execute(fm, card, 'show', { card: 'roles', open: 'licensing' });
    expect(cardText(licensing)).toMatch(/Licensing/);
    const seen = await chat.execute(fm, card, 'licensing.record', {
      card: 'licensing',
      licences: 'm365e3',
      addOns: '',
      licensingNotes: '',
    });
    expect(cardText(seen)).toMatch(/Saved: Megan Bowen recorded/);
    expect(kindOf(now(chat, card))).toBe('roles');
    expect(cardText(now(chat, card).card)).toMatch(/Saved: Megan Bowen recorded/);

    // Through Action.Submit, an opened card is a new message; the roles message stays.
    const posted = chat.messages().length;
    await chat.submit(fm, card, 'show', { card: 'roles', open: 'status' });
    expect(chat.messages()).toHaveLength(posted + 1);
    expect(kindOf(chat.last())).toBe('status');
    expect(kindOf(now(chat, card))).toBe('roles');
  });

  test('each answer updates at most the remembered cards, the newest few of each kind', async () => {
    const { chat, card } = await bot.engagement('19:bounded@thread.v2', 'Contoso', [[fe, 'FE']]);
    for (let i = 0; i < 4; i++)
      for (const word of ['status', 'identity', 'licensing', 'summary', 'auth', 'agenda', 'help'])
        await typed(chat, word);
    const stored = (await bot.app.store.get(engagementIdFor(chat.conversationId)))?.engagement;
    const remembered = stored?.chatCards ?? [];
    expect(remembered).toHaveLength(CHAT_CARD_LIMITS.total);
    const perKind = new Map<string, number>();
    for (const c of remembered) perKind.set(c.card, (perKind.get(c.card) ?? 0) + 1);
    expect(Math.max(...perKind.values())).toBeLessThanOrEqual(CHAT_CARD_LIMITS.perCard);

    const first = await updatesDuring(bot, () =>
      chat.execute(fm, card, 'licensing.record', {
        card: 'licensing',
        licences: 'm365e3',
        addOns: '',
        licensingNotes: '',
      }),
    );
    // The pressed message, and the remembered ones whose state changed: never more.
    expect(first).toBeGreaterThan(1);
    expect(first).toBeLessThanOrEqual(CHAT_CARD_LIMITS.total + 1);
    // A change no remembered card shows updates only the message pressed.
    const second = await updatesDuring(bot, () =>
      chat.execute(fm, card, 'licensing.record', {
        card: 'licensing',
        licences: 'm365e3',
        addOns: '',
        licensingNotes: 'A note',
      }),
    );
    expect(second).toBeLessThan(first);
  });

  test('deleting the engagement empties every card of it in the chat, each keeping its kind', async () => {
    const { chat, card } = await bot.engagement('19:deleted@thread.v2', 'Fabrikam', [[fe, 'FE']]);
    const status = await typed(chat, 'status');
    const identity = await typed(chat, 'identity');
    expect(cardText(status.card)).toMatch(/Fabrikam/);
    await chat.execute(fm, card, 'engagement.delete', {
      card: 'summary',
      confirmCustomer: 'Fabrikam',
    });
    for (const [message, kind] of [
      [card, 'roles'],
      [status, 'status'],
      [identity, 'identity'],
    ] as const) {
      expect(cardText(now(chat, message).card)).not.toMatch(/Fabrikam|Alex Wilber/);
      expect(cardText(now(chat, message).card)).toMatch(
        /Megan Bowen deleted this chat's engagement/,
      );
      expect(kindOf(now(chat, message))).toBe(kind);
    }
  });
});
