/**
 * Whatever a person types after the bot's @mention is a command or not one: the names every
 * JavaScript object has (constructor, __proto__, toString…) are words like any other, answered
 * with the help card, over HTTP through the real bot.
 */
import { PEOPLE, startTestBot, type TestBot } from '../support/app.js';
import { cardText } from '../support/chat.js';

const OBJECT_WORDS = [
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  '__defineGetter__',
  'propertyIsEnumerable',
];

describe('words every object has, typed to the bot', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(() => bot.close());

  it.each([
    ['in a chat without an engagement', '19:object-words-empty@thread.v2', false],
    ['in a chat with an engagement', '19:object-words-engaged@thread.v2', true],
  ])('are answered with the help card %s', async (_, chatId, engaged) => {
    const chat = engaged
      ? (await bot.engagement(chatId, 'Contoso', [[PEOPLE.bdm, 'stakeholder', 'BDM']])).chat
      : bot.chat(chatId);
    for (const word of OBJECT_WORDS) {
      const before = chat.messages().length;
      const reply = await chat.say(PEOPLE.fm, `${word} please`);
      expect(reply.status).toBeLessThan(300);
      expect(chat.messages()).toHaveLength(before + 1);
      expect(cardText(chat.last().card)).toContain('I did not understand that.');
    }
    // The bot still answers real commands afterwards.
    await chat.say(PEOPLE.fm, 'status');
    expect(cardText(chat.last().card)).toContain(
      engaged ? 'Engagement status' : 'There is no engagement',
    );
  });
});
