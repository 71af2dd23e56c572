/**
 * When Teams does not list a chat's members (an outage, a missing permission), nothing that needs
 * the list is decided without it: no role is given, nobody without a role is shown the engagement
 * through a card, and a start from a card waits; what the list is not needed for goes on.
 */
import { engagementIdFor } from '../../src/playbook/start.js';
import { PEOPLE, startTestBot, TENANT, type TestBot } from '../support/app.js';
import { cardText, type Chat } from '../support/chat.js';
import type { PostedMessage } from '../support/teams-channel.js';

const { fm, fe, bdm, stranger } = PEOPLE;
const CHAT = '19:roster-outage@thread.v2';

describe('Teams does not list the members', () => {
  let bot: TestBot;
  let chat: Chat;
  let card: PostedMessage;

  beforeAll(async () => {
    bot = await startTestBot();
    ({ chat, card } = await bot.engagement(CHAT, 'Contoso', [[fe, 'FE']]));
    // As when the ChannelMember.Read.Group permission was not granted.
    bot.channel.failRosterWith = 403;
  });
  afterAll(() => bot.close());

  const stored = async () => (await bot.app.store.get(engagementIdFor(CHAT)))!.engagement;

  it('gives no role, and says why', async () => {
    const seen = cardText(
      await chat.execute(fm, card, 'roles.assign', {
        card: 'roles',
        personId: bdm.aadObjectId,
        role: 'stakeholder',
        title: 'BDM',
      }),
    );
    expect(seen).toMatch(/Teams did not list the members of this chat just now/);
    expect((await stored()).people[bdm.aadObjectId]).toBeUndefined();
    // Taking a role away grants nothing and needs no list: the FE is on the record.
    expect(
      cardText(
        await chat.execute(fm, card, 'roles.assign', {
          card: 'roles',
          personId: fe.aadObjectId,
          role: 'none',
        }),
      ),
    ).toMatch(/Saved: Megan Bowen removed Alex Wilber from the engagement/);
    expect((await stored()).people[fe.aadObjectId]).toBeUndefined();
  });

  it('shows nobody without a role the engagement through a card; a typed command still answers', async () => {
    const seen = cardText(
      await chat.execute(stranger, card, 'show', { card: 'roles', open: 'status' }),
    );
    expect(seen).toMatch(/cannot check that you are in it/);
    expect(seen).not.toMatch(/Contoso/);
    await chat.say(stranger, 'status');
    expect(cardText(chat.last().card)).toMatch(/Engagement status/);
    await chat.say(fm, 'roles');
    expect(cardText(chat.last().card)).toMatch(/People and roles/);
  });

  it('starts from a card only once Teams can say who is in the chat; a typed start goes ahead', async () => {
    const other = bot.chatIn('19:roster-outage-2@thread.v2', 'groupChat', TENANT);
    const refused = cardText(
      await other.execute(fm, card, 'engagement.start', { card: 'help', customer: 'Fabrikam' }),
    );
    expect(refused).toMatch(/Teams did not list the members of this chat just now/);
    expect(
      await bot.app.store.get(engagementIdFor('19:roster-outage-2@thread.v2')),
    ).toBeUndefined();
    await other.say(fm, 'start Fabrikam');
    const e = (await bot.app.store.get(engagementIdFor('19:roster-outage-2@thread.v2')))!
      .engagement;
    expect(e.people[fm.aadObjectId]).toMatchObject({ role: 'FM', homeTenantId: TENANT });
    expect(e.people[fm.aadObjectId]?.email).toBeUndefined();
  });

  it('lists one’s own account’s engagements in the 1:1 chat, without linking any other', async () => {
    const oneOnOne = bot.chatIn('a:1on1-fm', 'personal', TENANT);
    await oneOnOne.say(fm, 'engagements');
    expect(cardText(oneOnOne.last().card)).toMatch(/2 engagement\(s\)/);
  });

  it('refuses a card start from someone Teams does not list, once it lists the members again', async () => {
    bot.channel.failRosterWith = undefined;
    bot.channel.rosters.set('19:roster-outage-3@thread.v2', [fm]);
    const other = bot.chatIn('19:roster-outage-3@thread.v2', 'groupChat', TENANT);
    const refused = cardText(
      await other.execute(stranger, card, 'engagement.start', {
        card: 'help',
        customer: 'Fabrikam',
      }),
    );
    expect(refused).toMatch(/Teams does not list you among the members of this chat/);
    expect(
      await bot.app.store.get(engagementIdFor('19:roster-outage-3@thread.v2')),
    ).toBeUndefined();
  });
});
