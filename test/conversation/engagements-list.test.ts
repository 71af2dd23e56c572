/**
 * "engagements" in the 1:1 chat: a FastTrack manager's engagements across chats and tenants, on
 * both stores, at a counted number of store requests. Megan works as a guest account in the
 * customer's tenant and as her own account (a shared channel's external member, and at home);
 * her address, as Teams lists it, links the two.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openCosmosStore } from '../../src/store/cosmos.js';
import { openEmbeddedStore } from '../../src/store/embedded.js';
import type { EngagementStore } from '../../src/store/store.js';
import { personIndexKey } from '../../src/playbook/people-index.js';
import { engagementIdFor } from '../../src/playbook/start.js';
import { startTestBot, type TestBot } from '../support/app.js';
import { cardText, type Chat } from '../support/chat.js';
import { cosmosSettings, startCosmosServer, type CosmosServer } from '../support/cosmos-server.js';
import type { ChannelUser, PostedMessage } from '../support/teams-channel.js';

const FASTTRACK = '5f1c9a2e-0d4b-4e8f-9a61-3b7c2d8e1f40';
const CONTOSO = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const MAIL = 'megan.bowen@fasttrack.example';

const user = (
  id: string,
  oid: number,
  name: string,
  tenantId: string,
  extra: Partial<ChannelUser> = {},
): ChannelUser => ({
  id: `29:${id}`,
  aadObjectId: `00000000-2222-4000-8000-${String(oid).padStart(12, '0')}`,
  name,
  tenantId,
  ...extra,
});
/** Megan's own account, in FastTrack's tenant. */
const meganHome = user('megan-home', 1, 'Megan Bowen', FASTTRACK, { email: MAIL });
/** Megan's guest account in Contoso's tenant: another object id, invited with her address. */
const meganGuest = user('megan-guest', 2, 'Megan Bowen (FastTrack)', CONTOSO, {
  userRole: 'guest',
  email: MAIL.toUpperCase(),
});
const lee = user('lee', 3, 'Lee Gu', FASTTRACK, { email: 'lee@fasttrack.example' });
const alex = user('alex', 4, 'Alex Wilber', CONTOSO);
const nestor = user('nestor', 5, 'Nestor Wilke', CONTOSO);

interface Counted {
  store: EngagementStore;
  calls: string[];
}

/** The store, counting each call of the port by name. */
function counting(store: EngagementStore): Counted {
  const calls: string[] = [];
  const counted = new Proxy(store, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.push(String(name));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store: counted, calls };
}

type Setup = {
  name: string;
  open(): Promise<{
    store: EngagementStore;
    requests(): string[];
    reset(): void;
    close(): Promise<void>;
  }>;
};

const STORES: Setup[] = [
  {
    name: 'embedded store',
    async open() {
      const dataDir = await mkdtemp(path.join(tmpdir(), 'listing-'));
      const { store, calls } = counting(await openEmbeddedStore({ dataDir }));
      return {
        store,
        requests: () => [...calls],
        reset: () => void calls.splice(0),
        close: () => rm(dataDir, { recursive: true, force: true }),
      };
    },
  },
  {
    name: 'Cosmos DB',
    async open() {
      const cosmos: CosmosServer = await startCosmosServer();
      const store = await openCosmosStore(cosmosSettings(cosmos.endpoint, { database: 'listing' }));
      return {
        store,
        // Counted at the server: each request the bot's Cosmos DB client made to the database
        // (a stray probe from another process that got this freed port is not the bot's).
        requests: () =>
          cosmos.requests
            .filter((r) => r.url.startsWith('/dbs/'))
            .map((r) => `${r.method} ${r.url.replace(/\/docs\/.*/, '/docs/…')}`),
        reset: () => cosmos.resetRequests(),
        close: () => cosmos.stop(),
      };
    },
  },
];

describe.each(STORES)('engagements in the 1:1 chat, on the $name', (setup) => {
  let opened: Awaited<ReturnType<Setup['open']>>;
  let bot: TestBot;

  /** A chat where `fm` starts an engagement, confirms the kickoff and gives the roles. */
  async function engagement(
    chat: Chat,
    customer: string,
    fm: ChannelUser,
    roster: ChannelUser[],
    roles: [ChannelUser, string][],
  ): Promise<PostedMessage> {
    bot.channel.rosters.set(chat.conversationId, roster);
    await chat.say(fm, `start ${customer}`);
    const card = chat.last();
    await chat.execute(fm, card, 'kickoff.confirm', { card: 'roles' });
    for (const [who, role] of roles)
      await chat.execute(fm, card, 'roles.assign', {
        card: 'roles',
        personId: who.aadObjectId,
        role,
      });
    return card;
  }

  const CHATS = {
    guest: '19:contoso-guests@thread.v2',
    shared: '19:contoso-shared@thread.tacv2',
    home: '19:fasttrack-internal@thread.v2',
    noRole: '19:contoso-other@thread.v2',
    relieved: '19:contoso-relieved@thread.v2',
    left: '19:fasttrack-left@thread.v2',
  };
  const TEAM = {
    id: '19:contoso-team@thread.tacv2',
    aadGroupId: '0a8e1f3c-1111-4222-8333-9c2b4d6e8f00',
  };

  beforeAll(async () => {
    opened = await setup.open();
    bot = await startTestBot({ store: opened.store });
    // 1. Contoso's group chat, Megan as a guest, FM.
    await engagement(
      bot.chatIn(CHATS.guest, 'groupChat', CONTOSO),
      'Contoso guests',
      meganGuest,
      [meganGuest, nestor],
      [],
    );
    // 2. Contoso's shared channel, Megan as an external member (her own account), FE.
    const shared = bot.chatIn(CHATS.shared, 'channel', CONTOSO, {
      activityTenant: 'host',
      team: TEAM,
      channel: { id: CHATS.shared, name: 'FastTrack', type: 'shared' },
    });
    await engagement(shared, 'Contoso shared', lee, [lee, meganHome, nestor], [[meganHome, 'FE']]);
    // 3. A chat of FastTrack's own tenant, Megan as SME.
    await engagement(
      bot.chatIn(CHATS.home, 'groupChat', FASTTRACK),
      'FastTrack pilot',
      lee,
      [lee, meganHome],
      [[meganHome, 'SME']],
    );
    // Not hers: no role; a role taken away; a chat she left.
    await engagement(
      bot.chatIn(CHATS.noRole, 'groupChat', CONTOSO),
      'Not hers',
      alex,
      [alex, meganGuest],
      [],
    );
    await engagement(
      bot.chatIn(CHATS.relieved, 'groupChat', CONTOSO),
      'Relieved',
      alex,
      [alex, meganGuest],
      [
        [meganGuest, 'FE'],
        [meganGuest, 'none'],
      ],
    );
    const left = bot.chatIn(CHATS.left, 'groupChat', FASTTRACK);
    await engagement(left, 'Left', lee, [lee, meganHome], [[meganHome, 'FE']]);
    await left.leave(meganHome, lee);
  }, 60_000);
  afterAll(async () => {
    await bot.close();
    await opened.close();
  });

  const updatedAt = async (chat: string) =>
    (await bot.app.store.get(engagementIdFor(chat)))!.engagement.updatedAt;

  it('lists exactly her engagements, across three chats in two tenants, newest first, at a counted cost', async () => {
    const oneOnOne = bot.chatIn('a:1on1-megan', 'personal', FASTTRACK);
    bot.channel.rosters.set('a:1on1-megan', [meganHome]);
    opened.reset();
    await oneOnOne.say(meganHome, 'engagements');
    const requests = opened.requests();
    const listing = cardText(oneOnOne.last().card);

    const order = [
      ['Contoso guests', await updatedAt(CHATS.guest)],
      ['Contoso shared', await updatedAt(CHATS.shared)],
      ['FastTrack pilot', await updatedAt(CHATS.home)],
    ]
      .sort((a, b) => b[1]!.localeCompare(a[1]!))
      .map(([customer]) => customer);
    const listed = [
      ...listing.matchAll(
        /^(Contoso guests|Contoso shared|FastTrack pilot|Not hers|Relieved|Left)$/gm,
      ),
    ].map((m) => m[1]);
    expect(listed).toEqual(order);
    expect(listing).toMatch(/Contoso guests\nYou are the FastTrack Manager/);
    expect(listing).toMatch(/Contoso shared\nYou are the FastTrack Engineer/);
    expect(listing).toMatch(/FastTrack pilot\nYou are the SME \/ engineer/);
    expect(listing).toMatch(/3 engagement\(s\), the most recently changed first/);
    const links = JSON.stringify(oneOnOne.last().card);
    expect(links).toContain(
      `https://teams.microsoft.com/l/chat/${encodeURIComponent(CHATS.guest)}/conversations`,
    );
    expect(links).toContain(
      `/l/channel/${encodeURIComponent(CHATS.shared)}/FastTrack?groupId=${TEAM.aadGroupId}`,
    );

    // Her own list, her address's list, her guest account's list; then one point read per
    // engagement in them (the one she left is read, and dropped). No query, no write.
    if (setup.name === 'Cosmos DB') {
      expect(requests).toHaveLength(7);
      expect(requests.every((r) => r.startsWith('GET ') && r.endsWith('/docs/…'))).toBe(true);
    } else {
      expect(requests.sort()).toEqual(
        [...Array(4).fill('get'), ...Array(3).fill('getIndex')].sort(),
      );
    }
  });

  it('as a guest account in the customer’s 1:1, she sees that tenant’s engagements of that account only', async () => {
    const oneOnOne = bot.chatIn('a:1on1-megan-guest', 'personal', CONTOSO);
    bot.channel.rosters.set('a:1on1-megan-guest', [meganGuest]);
    await oneOnOne.say(meganGuest, 'engagements');
    const listing = cardText(oneOnOne.last().card);
    expect(listing).toMatch(/Contoso guests/);
    expect(listing).not.toMatch(/Contoso shared|FastTrack pilot|Not hers|Relieved|Left/);
  });

  it('someone with no engagement is told how to get one; in a group chat the list is not shown', async () => {
    const nobody = bot.chatIn('a:1on1-alex', 'personal', CONTOSO);
    bot.channel.rosters.set('a:1on1-alex', [alex]);
    await nobody.say(alex, 'engagements');
    expect(cardText(nobody.last().card)).toMatch(/You are the FastTrack Manager/); // Alex runs two
    const group = bot.chatIn(CHATS.guest, 'groupChat', CONTOSO);
    await group.say(meganGuest, 'engagements', 'ask-in-group');
    const seen = cardText(group.last().card);
    expect(seen).toMatch(/Type "engagements" in your 1:1 chat with me/);
    expect(seen).not.toMatch(/FastTrack pilot|Contoso shared/);
    const fresh = bot.chatIn('a:1on1-new', 'personal', CONTOSO);
    bot.channel.rosters.set('a:1on1-new', [nestor]);
    await fresh.say(nestor, 'engagements');
    expect(cardText(fresh.last().card)).toMatch(/You take part in no engagement yet/);
  });
});

describe.each(STORES)('an engagement deleted, on the $name', (setup) => {
  it("leaves the lists of everyone who had a role in it: not listed, its customer's name gone", async () => {
    const opened = await setup.open();
    const bot = await startTestBot({ store: opened.store });
    try {
      const home = '19:fasttrack-deleted@thread.v2';
      const kept = '19:fasttrack-kept@thread.v2';
      const chats = new Map<string, Chat>();
      for (const [id, customer] of [
        [kept, 'Kept Ltd'],
        [home, 'Deleted Ltd'],
      ] as const) {
        const chat = bot.chatIn(id, 'groupChat', FASTTRACK);
        chats.set(id, chat);
        bot.channel.rosters.set(id, [lee, meganHome]);
        await chat.say(lee, `start ${customer}`);
        const card = chat.last();
        await chat.execute(lee, card, 'kickoff.confirm', { card: 'roles' });
        await chat.execute(lee, card, 'roles.assign', {
          card: 'roles',
          personId: meganHome.aadObjectId,
          role: 'SME',
        });
      }
      const chat = chats.get(home)!;
      await chat.say(lee, 'summary');
      const done = await chat.execute(lee, chat.last(), 'engagement.delete', {
        card: 'summary',
        confirmCustomer: 'Deleted Ltd',
      });
      expect(cardText(done)).toContain('Deleted: the engagement with Deleted Ltd');

      for (const who of [meganHome, lee]) {
        const list = await opened.store.getIndex(personIndexKey(FASTTRACK, who.aadObjectId));
        expect(JSON.stringify(list?.doc)).toContain('Kept Ltd');
        expect(JSON.stringify(list?.doc)).not.toContain('Deleted Ltd');
        const oneOnOne = bot.chatIn(`a:1on1-${who.id}`, 'personal', FASTTRACK);
        bot.channel.rosters.set(`a:1on1-${who.id}`, [who]);
        await oneOnOne.say(who, 'engagements');
        const listing = cardText(oneOnOne.last().card);
        expect(listing).toMatch(/^Kept Ltd$/m);
        expect(listing).not.toContain('Deleted Ltd');
      }
    } finally {
      await bot.close();
      await opened.close();
    }
  }, 60_000);
});
