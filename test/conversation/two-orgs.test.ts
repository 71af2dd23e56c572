/**
 * One engagement, two organizations, as Teams brings them together: FastTrack staff as guests in
 * the customer's group chat, and as external members of a shared channel the customer hosts, with
 * the customer's stakeholders. Real activities over HTTP to the real bot; Teams' member lists are
 * served per conversation, in the shape Microsoft documents.
 */
import { engagementIdFor } from '../../src/playbook/start.js';
import { startTestBot, TENANT, type TestBot } from '../support/app.js';
import { cardText, type Chat } from '../support/chat.js';
import type { ChannelUser, PostedMessage } from '../support/teams-channel.js';
import { walkToNextPhase } from '../support/walk.js';

const CONTOSO = TENANT;
const FASTTRACK = '5f1c9a2e-0d4b-4e8f-9a61-3b7c2d8e1f40';

const person = (
  name: string,
  n: number,
  tenantId: string,
  userRole: 'user' | 'guest',
  email: string,
): ChannelUser => ({
  id: `29:${name.toLowerCase().replace(/\W+/g, '-')}`,
  aadObjectId: `0000000${n}-1111-4000-8000-${String(n).padStart(12, '0')}`,
  name,
  tenantId,
  userRole,
  email,
});

/** Customer stakeholders, users of Contoso's tenant. */
const bdm = person('Nestor Wilke', 1, CONTOSO, 'user', 'nestor@contoso.example');
const architect = person('Patti Fernandez', 2, CONTOSO, 'user', 'patti@contoso.example');

describe('FastTrack staff as guests in the customer group chat', () => {
  // Guest accounts live in the customer's tenant: Teams lists them with it, and userRole guest.
  const fm = person('Megan Bowen (FastTrack)', 3, CONTOSO, 'guest', 'megan@fasttrack.example');
  const fe = person('Alex Wilber (FastTrack)', 4, CONTOSO, 'guest', 'alex@fasttrack.example');
  const CHAT = '19:contoso-with-guests@thread.v2';
  let bot: TestBot;
  let chat: Chat;
  let card: PostedMessage;

  beforeAll(async () => {
    bot = await startTestBot();
    chat = bot.chatIn(CHAT, 'groupChat', CONTOSO);
    bot.channel.rosters.set(CHAT, [fm, fe, bdm, architect]);
  });
  afterAll(() => bot.close());

  const stored = async () => (await bot.app.store.get(engagementIdFor(CHAT)))!.engagement;

  it('a guest FM starts it; the engagement is the customer tenant’s, the guest’s account is kept as Teams lists it', async () => {
    await chat.say(fm, 'start Contoso');
    card = chat.last();
    const e = await stored();
    expect(e.tenantId).toBe(CONTOSO);
    expect(e.chatUrl).toBe(
      `https://teams.microsoft.com/l/chat/${encodeURIComponent(CHAT)}/conversations`,
    );
    expect(e.people[fm.aadObjectId]).toMatchObject({
      role: 'FM',
      homeTenantId: CONTOSO,
      userRole: 'guest',
      email: 'megan@fasttrack.example',
      teamsId: fm.id,
    });
  });

  it('gives guests and the customer’s users roles from the chat’s member list, and each acts', async () => {
    const assign = (who: ChannelUser, role: string, title?: string) =>
      chat.execute(fm, card, 'roles.assign', {
        card: 'roles',
        personId: who.aadObjectId,
        role,
        ...(title ? { title } : {}),
      });
    await chat.execute(fm, card, 'kickoff.confirm', { card: 'roles' });
    await assign(fe, 'FE');
    await assign(bdm, 'stakeholder', 'BDM');
    const roles = cardText(await assign(architect, 'stakeholder', 'Security Architect'));
    expect(roles).toMatch(/Alex Wilber \(FastTrack\)\nFastTrack Engineer \(guest\)/);
    expect(
      cardText(
        await chat.execute(fe, card, 'identity.complete', {
          card: 'identity',
          step: 'forests',
          note_forests: 'One forest',
        }),
      ),
    ).toMatch(/Saved: Alex Wilber \(FastTrack\)/);
    expect(
      cardText(
        await chat.execute(bdm, card, 'agenda.acknowledge', {
          card: 'agenda',
          topics: 'importance',
          question: '',
        }),
      ),
    ).toMatch(/Saved: Nestor Wilke/);
    const e = await stored();
    expect(e.people[fe.aadObjectId]).toMatchObject({ role: 'FE', userRole: 'guest' });
    expect(e.people[bdm.aadObjectId]).toMatchObject({ homeTenantId: CONTOSO, userRole: 'user' });
    expect(e.identity.steps.forests?.by).toBe(fe.aadObjectId);
  });

  it('the FM hands the role over to the guest FE before leave; the record keeps both', async () => {
    const answer = cardText(
      await chat.execute(fm, card, 'roles.handOver', {
        card: 'roles',
        newFmId: fe.aadObjectId,
        fmThen: 'SME',
      }),
    );
    expect(answer).toMatch(/handed the FastTrack Manager role to Alex Wilber \(FastTrack\)/);
    const e = await stored();
    expect(e.people[fe.aadObjectId]).toMatchObject({ role: 'FM', formerRoles: [{ role: 'FE' }] });
    expect(e.people[fm.aadObjectId]).toMatchObject({ role: 'SME', formerRoles: [{ role: 'FM' }] });
    expect(cardText(await chat.execute(fm, card, 'kickoff.confirm', { card: 'roles' }))).toMatch(
      /Only the FastTrack Manager can do that/,
    );
  });
});

describe('FastTrack in a shared channel the customer hosts: from start to the summary', () => {
  // External members (B2B direct connect) keep their own tenant: Teams lists them with it.
  const fm = person('Megan Bowen', 5, FASTTRACK, 'user', 'megan@fasttrack.example');
  const fe = person('Alex Wilber', 6, FASTTRACK, 'user', 'alex@fasttrack.example');
  const sme = person('Lee Gu', 7, FASTTRACK, 'user', 'lee@fasttrack.example');
  const TEAM = {
    id: '19:contoso-team@thread.tacv2',
    aadGroupId: '0a8e1f3c-1111-4222-8333-9c2b4d6e8f00',
    name: 'Contoso',
  };
  const CHANNEL = '19:contoso-fasttrack-shared@thread.tacv2';
  const place = {
    team: TEAM,
    channel: { id: CHANNEL, name: 'FastTrack', type: 'shared' as const },
  };
  let bot: TestBot;
  let chat: Chat;
  let card: PostedMessage;

  beforeAll(async () => {
    bot = await startTestBot();
    // Activities in a shared channel name the tenant hosting it (conversation.tenantId).
    chat = bot.chatIn(CHANNEL, 'channel', CONTOSO, { activityTenant: 'host', ...place });
    // The host team's member list lacks the channel's external members; the channel's has them.
    bot.channel.rosters.set(TEAM.id, [bdm, architect]);
    bot.channel.rosters.set(CHANNEL, [fm, fe, sme, bdm, architect]);
    bot.channel.pageSize = 2;
  });
  afterAll(() => bot.close());

  const stored = async () => (await bot.app.store.get(engagementIdFor(CHANNEL)))!.engagement;

  it('runs the whole engagement: an FM of FastTrack’s tenant, stakeholders of the customer’s', async () => {
    await chat.say(fm, 'start Contoso');
    card = chat.last();
    await chat.execute(fm, card, 'kickoff.confirm', { card: 'roles' });
    for (const [who, role, title] of [
      [fe, 'FE'],
      [sme, 'SME'],
      [bdm, 'stakeholder', 'BDM'],
      [architect, 'stakeholder', 'Security Architect'],
    ] as const)
      expect(
        cardText(
          await chat.execute(fm, card, 'roles.assign', {
            card: 'roles',
            personId: who.aadObjectId,
            role,
            ...(title ? { title } : {}),
          }),
        ),
      ).toMatch(/Saved:/);
    // The member list read is the channel's, page by page, never the host team's.
    expect(new Set(bot.channel.rosterReads())).toEqual(new Set([CHANNEL]));
    expect(bot.channel.rosterReads().length).toBeGreaterThan(2);

    // An empty conversation.tenantId (as some payloads carry) falls back to channelData's tenant.
    const empty = bot.chatIn(CHANNEL, 'channel', CONTOSO, {
      activityTenant: 'host',
      emptyConversationTenant: true,
      ...place,
    });
    expect(
      cardText(
        await empty.execute(
          architect,
          card,
          'agenda.assess',
          {
            card: 'agenda',
            level_identity: 'working',
            level_device: 'basic',
            level_information: 'new',
          },
          { id: 'empty-tenant-1' },
        ),
      ),
    ).toMatch(/Saved: Patti Fernandez/);

    await walkToNextPhase(chat, card, { fm, fe, sme, stakeholders: [bdm, architect] });

    // An external member's activity may also name their own tenant: still them.
    const own = bot.chatIn(CHANNEL, 'channel', CONTOSO, { activityTenant: 'sender', ...place });
    expect(
      cardText(
        await own.execute(
          sme,
          card,
          'handoff.submit',
          {
            card: 'handoff',
            mfaApproach: 'caPolicy',
            mfaRegistered: '100',
            notes: 'Second revision',
          },
          { id: 'own-tenant-1' },
        ),
      ),
    ).toMatch(/Saved: Lee Gu/);

    const e = await stored();
    expect(e.tenantId).toBe(CONTOSO);
    expect(e.movedOn?.by).toBe(fm.aadObjectId);
    expect(e.conversation.selfAssessments[architect.aadObjectId]?.by).toBe(architect.aadObjectId);
    expect(e.handoff.map((r) => r.by)).toEqual([sme.aadObjectId, sme.aadObjectId]);
    expect(
      Object.values(e.people)
        .map((p) => [p.name, p.role, p.homeTenantId])
        .sort(),
    ).toEqual(
      [
        [fm.name, 'FM', FASTTRACK],
        [fe.name, 'FE', FASTTRACK],
        [sme.name, 'SME', FASTTRACK],
        [bdm.name, 'stakeholder', CONTOSO],
        [architect.name, 'stakeholder', CONTOSO],
      ].sort(),
    );
    expect(e.chatUrl).toBe(
      `https://teams.microsoft.com/l/channel/${encodeURIComponent(CHANNEL)}/FastTrack?groupId=${TEAM.aadGroupId}&tenantId=${CONTOSO}`,
    );

    await chat.say(bdm, 'summary');
    const summary = cardText(chat.last().card);
    expect(summary).toMatch(/Password hash synchronization/);
    expect(summary).toMatch(/Parent company/);
    const roles = cardText(
      await chat.execute(fm, card, 'show', { card: 'summary', open: 'roles' }),
    );
    expect(roles).toMatch(/Megan Bowen\nFastTrack Manager \(from another organization\)/);
  }, 120_000);
});
