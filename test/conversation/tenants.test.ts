/**
 * A person of another organization in the same chat (external access) sees nothing of the
 * engagement, whatever they click or type.
 */
import { PEOPLE, startTestBot, type TestBot } from '../support/app.js';
import { cardText, type Chat } from '../support/chat.js';
import type { PostedMessage } from '../support/teams-channel.js';

const { fm, fe, outsider } = PEOPLE;
const CHAT = '19:shared-with-a-partner@thread.v2';

describe('another organization in the chat', () => {
  let bot: TestBot;
  let chat: Chat;
  let card: PostedMessage;

  beforeAll(async () => {
    bot = await startTestBot();
    ({ chat, card } = await bot.engagement(CHAT, 'Contoso Confidential', [[fe, 'FE']]));
    bot.channel.rosters.set(CHAT, [fm, fe, outsider]);
  });
  afterAll(() => bot.close());

  const leaks = (text: string) => /Contoso Confidential|Megan Bowen|Alex Wilber/.test(text);

  it('cannot read the engagement by clicking "start" on a card', async () => {
    const seen = cardText(
      await chat.execute(outsider, card, 'engagement.start', {
        card: 'help',
        customer: 'Fabrikam',
      }),
    );
    expect(seen).toMatch(/another organization/);
    expect(leaks(seen)).toBe(false);
  });

  it.each(['start Fabrikam', 'status', 'summary', 'help'])(
    'cannot read the engagement by typing "%s": only a short reply to them',
    async (typed) => {
      const before = chat.messages().length;
      await chat.say(outsider, typed);
      const posted = chat.messages().slice(before);
      expect(posted).toHaveLength(1);
      expect(posted[0].card).toBeUndefined();
      expect(posted[0].text).toMatch(/^<at>Eve Outsider<\/at> .*another organization/);
      expect(posted[0].entities).toEqual([
        {
          type: 'mention',
          text: '<at>Eve Outsider</at>',
          mentioned: { id: outsider.id, name: outsider.name },
        },
      ]);
      expect(leaks(posted[0].text ?? '')).toBe(false);
    },
  );
});
