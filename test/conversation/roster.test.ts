/**
 * The chat's member list as Teams gives it: Microsoft documents the object id as `objectId`, the
 * Agents Playground sends `aadObjectId`; anonymous members have none and cannot be given a role.
 */
import { PEOPLE, startTestBot, type TestBot } from '../support/app.js';
import { cardText } from '../support/chat.js';

const { fm } = PEOPLE;
const CHAT = '19:roster-shapes@thread.v2';

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(() => bot.close());

test('members are read by either name of their object id, anonymous ones left out', async () => {
  const chat = bot.chatIn(CHAT, 'groupChat', fm.tenantId);
  bot.channel.rosters.set(CHAT, [fm]);
  await chat.say(fm, 'start Contoso');
  const card = chat.last();
  bot.channel.rawRosters.set(CHAT, [
    { id: fm.id, name: fm.name, aadObjectId: fm.aadObjectId },
    {
      id: '29:doc',
      name: 'Documented Shape',
      objectId: 'oid-doc',
      tenantId: fm.tenantId,
      userRole: 'user',
    },
    { id: '29:given', givenName: 'Givenonly', objectId: 'oid-given' },
    { id: '29:nameless', objectId: 'oid-nameless' },
    { id: '29:anon', name: 'Anon1 (Guest)', tenantId: fm.tenantId, userRole: 'anonymous' },
  ]);
  const roles = cardText(await chat.execute(fm, card, 'show', { card: 'help', open: 'roles' }));
  expect(roles).toMatch(/Documented Shape/);
  expect(roles).toMatch(/Givenonly/);
  expect(roles).toMatch(/Unnamed member/);
  expect(roles).not.toMatch(/Anon1/);
  expect(
    cardText(
      await chat.execute(fm, card, 'roles.assign', {
        card: 'roles',
        personId: 'oid-doc',
        role: 'SME',
      }),
    ),
  ).toMatch(/Saved: Megan Bowen made Documented Shape SME/);
});
