/**
 * Teams delivers an activity again when the bot was slow to answer, to any instance of the bot.
 * A card typed for (`status`, `roles`…) posts once per activity, whichever instance gets the
 * redelivery; a new activity posts again. Over HTTP, two instances of the real bot on one Cosmos
 * DB. (The summary export posts nothing to the chat at all: test/conversation/exports.test.ts.)
 */
import { PEOPLE, startTestBot, TENANT, type TestBot } from '../support/app.js';
import { cardText, Chat } from '../support/chat.js';
import { startCosmosServer, TEST_KEY, type CosmosServer } from '../support/cosmos-server.js';

describe('a redelivered typed command', () => {
  let cosmos: CosmosServer;
  let first: TestBot;
  let second: TestBot;
  let seq = 0;

  const instance = () =>
    startTestBot({
      env: { COSMOS_ENDPOINT: cosmos.endpoint, COSMOS_KEY: TEST_KEY, COSMOS_DATABASE: 'posts' },
      cosmosClientOptions: { connectionPolicy: { enableEndpointDiscovery: false } },
      reminders: false,
    });

  beforeAll(async () => {
    cosmos = await startCosmosServer();
    first = await instance();
    second = await instance();
  }, 60_000);
  afterAll(async () => {
    await first.close();
    await second.close();
    await cosmos.stop();
  });

  /** A chat with an engagement, seen through both instances (one Teams channel). */
  async function chats() {
    const id = `19:posts-${++seq}@thread.v2`;
    const { chat, card } = await first.engagement(id, 'Contoso', [
      [PEOPLE.bdm, 'stakeholder', 'BDM'],
    ]);
    const other = new Chat(second.url, first.channel, id, 'groupChat', TENANT);
    return { chat, other, card };
  }
  const statusCards = (chat: Chat) =>
    chat.messages().filter((m) => cardText(m.card).startsWith('Engagement status'));

  it('posts the status card once per typed "status", on whichever instance Teams delivers it again', async () => {
    const { chat, other } = await chats();
    await chat.say(PEOPLE.bdm, 'status', 'status-1');
    expect(statusCards(chat)).toHaveLength(1);
    const posted = chat.messages().length;
    await chat.say(PEOPLE.bdm, 'status', 'status-1');
    await other.say(PEOPLE.bdm, 'status', 'status-1');
    expect(chat.messages()).toHaveLength(posted);
    await other.say(PEOPLE.bdm, 'status', 'status-2');
    expect(statusCards(chat)).toHaveLength(2);
  });
});
