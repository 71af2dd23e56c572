/**
 * Facts read from the customer's tenant, over HTTP to the real bot pointed at the Graph stand-in
 * by GRAPH_BASE_URL (HTTPS on 127.0.0.1, tokens from the stand-in): Conditional Access in
 * report-only mode refuses G4 naming the policy; a tenant with security defaults takes the
 * security-defaults path from the facts; 3 of 5 users registered refuses G4 with the count; consent
 * withdrawn mid-engagement falls back to typed values and says so.
 */
import { engagementIdFor } from '../../src/playbook/start.js';
import { PEOPLE, TENANT, startTestBot, type TestBot } from '../support/app.js';
import { cardText, cardVerbs, type Chat } from '../support/chat.js';
import { GraphStandIn, type StandInTenant } from '../support/graph-standin.js';
import type { PostedMessage } from '../support/teams-channel.js';
import {
  m365E3,
  o365E3,
  playbookPolicies,
  users,
  type PolicyState,
} from '../support/tenant-data.js';

const { fm, fe, bdm } = PEOPLE;
const APP = '3c1f7a2e-5a7b-4d8e-9c4f-1a2b3c4d5e6f';
const ON: PolicyState = 'enabled';
const REPORT_ONLY: PolicyState = 'enabledForReportingButNotEnforced';
const now = new Date('2026-11-25T10:02:00.000Z');
const READ = 'read from the tenant at Wed, 25 Nov 2026, 10:02 (UTC)';

let graph: GraphStandIn;
let bot: TestBot;

function tenant(overrides: Partial<StandInTenant> = {}): StandInTenant {
  return {
    skus: [m365E3()],
    securityDefaults: false,
    policies: playbookPolicies({ blockAll: ON, adminMfa: ON, allUsersMfa: ON, blockLegacy: ON }),
    users: users(5, 5),
    consent: true,
    ...overrides,
  };
}

beforeAll(async () => {
  graph = await GraphStandIn.start();
  bot = await startTestBot({
    clock: () => now,
    env: {
      GRAPH_APP_CLIENT_ID: APP,
      GRAPH_APP_CREDENTIAL: 'federated:0f0e0d0c-0000-4000-8000-000000000001',
      GRAPH_BASE_URL: graph.baseUrl,
    },
    graph: { credentialFor: graph.credentialFor, fetchOptions: graph.fetchOptions() },
  });
});
afterAll(async () => {
  await bot.close();
  await graph.close();
});

/** An engagement in its own chat, with the helpers to act in it. */
async function engagement(id: string) {
  const CHAT = `19:${id}@thread.v2`;
  const { chat, card } = await bot.engagement(CHAT, 'Contoso', [
    [fe, 'FE'],
    [bdm, 'stakeholder', 'Director of Security'],
  ]);
  const execute = (who: typeof fm, verb: string, data: Record<string, unknown>) =>
    chat.execute(who, card as PostedMessage, verb, data);
  const act = async (who: typeof fm, verb: string, data: Record<string, unknown>) =>
    cardText(await execute(who, verb, data));
  const stored = async () => {
    const found = await bot.app.store.get(engagementIdFor(CHAT));
    if (!found) throw new Error('no engagement stored');
    return found.engagement;
  };
  /** Prepare Identity 4.1 to 4.6 on a hybrid method (password hash sync). */
  const identity = async () => {
    await act(fe, 'identity.complete', { card: 'identity', step: 'forests', note_forests: '' });
    await act(fe, 'auth.finalize', {
      card: 'auth',
      authMethod: 'phs',
      authRationale: 'Simplest',
      authDecidedBy: bdm.name,
    });
    for (const step of ['aadConnect', 'breakGlass', 'blockAllCa', 'mfaAdmins']) {
      const shown = await act(fe, 'identity.complete', {
        card: 'identity',
        step,
        [`note_${step}`]: '',
      });
      expect(shown).toMatch(/Saved: /);
    }
  };
  /** Facts read, Prepare Identity done and synchronization marked ready: G4 is next. */
  const readyForG4 = async (card: string) => {
    await act(fe, 'tenant.refresh', { card });
    await identity();
    await act(fe, 'identity.syncReady', { card: 'identity' });
  };
  const typeMfa = (registered: number, total: number) =>
    act(fe, 'workshop.mfa', {
      card: 'workshop',
      mfaRegistered: String(registered),
      mfaTotal: String(total),
      mfaLowerReason: '',
    });
  const typeLicences = (licences: string) =>
    act(fm, 'licensing.record', { card: 'licensing', licences, addOns: '', licensingNotes: '' });
  return { chat: chat as Chat, execute, act, stored, identity, readyForG4, typeMfa, typeLicences };
}

beforeEach(() => {
  graph.tenants.clear();
  graph.requests.length = 0;
});

test('Conditional Access in report-only mode: G4 refused, naming the policy that is not on', async () => {
  graph.tenants.set(
    TENANT,
    tenant({
      policies: playbookPolicies({
        blockAll: ON,
        adminMfa: ON,
        allUsersMfa: REPORT_ONLY,
        blockLegacy: ON,
      }),
    }),
  );
  const e = await engagement('tenant-report-only');
  const identityCard = await e.execute(fe, 'tenant.refresh', { card: 'identity' });
  const refreshed = cardText(identityCard);
  expect(refreshed).toMatch(
    new RegExp(
      `Saved: Alex Wilber ${READ.replace(/[()]/g, '\\$&')}: Conditional Access path; security defaults off`,
    ),
  );
  expect(refreshed).toMatch(
    /MFA for all users: "CONTOSO-002 Everyone MFA", report-only \(not in force\), 2 user\(s\) excluded/,
  );
  expect(cardVerbs(identityCard)).toContain('tenant.refresh');
  await e.identity();
  expect(await e.act(fe, 'identity.syncReady', { card: 'identity' })).toMatch(
    /Saved: Alex Wilber marked identity synchronization/,
  );

  graph.requests.length = 0;
  const refused = await e.act(fe, 'workshop.removeBlockAll', { card: 'workshop' });
  expect(refused).toContain(
    `Gate G4: the block-all Conditional Access policy must stay for now. Missing: the Conditional Access policy "Require MFA for all users" turned on: "CONTOSO-002 Everyone MFA" is in report-only mode in the tenant (${READ}).`,
  );
  // The gate read the tenant afresh before deciding.
  expect(graph.requestsTo(/conditionalAccess/).length).toBeGreaterThan(0);
  // Typing the policy as created does not get past the tenant.
  expect(
    await e.act(fe, 'workshop.caPolicy', {
      card: 'workshop',
      policy: 'mfaAllUsers',
      caState_mfaAllUsers: 'created',
    }),
  ).toMatch(
    /You recorded "Require MFA for all users" as in place; the tenant lacks .* is in report-only mode/,
  );

  // The customer turns the policy on: the next attempt reads it and the gate opens.
  graph.tenants.set(TENANT, tenant());
  expect(await e.act(fe, 'workshop.removeBlockAll', { card: 'workshop' })).toMatch(
    /Saved: Alex Wilber removed the block-all Conditional Access policy/,
  );
  const record = await e.stored();
  expect(record.tenant?.facts?.policies.mfaAllUsers?.state).toBe('on');
  expect(record.workshop.blockAllRemoved?.by).toBe(fe.aadObjectId);
}, 60_000);

test('a tenant with security defaults and no Entra ID P1: the security-defaults path chosen from the facts', async () => {
  graph.tenants.set(TENANT, tenant({ skus: [o365E3()], securityDefaults: true, policies: [] }));
  const e = await engagement('tenant-security-defaults');
  const shown = await e.act(fe, 'tenant.refresh', { card: 'identity' });
  expect(shown).toMatch(/Security defaults path; security defaults on/);
  expect(shown).toMatch(/Licences: ENTERPRISEPACK: Security defaults path\./);
  expect(shown).toMatch(/Security defaults turned on \(no block-all Conditional Access policy/);
  const record = await e.stored();
  expect(record.licensing).toBeUndefined();
  expect(record.tenant?.facts?.securityDefaults).toBe(true);
  // Typed licences that would take the CA path are refused, both shown.
  expect(await e.typeLicences('m365e3')).toMatch(
    /The licences you chose take the Conditional Access path; the tenant's subscriptions \(ENTERPRISEPACK, read from the tenant at .*\) take the Security defaults path/,
  );
  // 4.5 in its security-defaults form, on the strength of the tenant.
  await e.identity();
  expect((await e.stored()).identity.steps.blockAllCa?.by).toBe(fe.aadObjectId);
  expect(await e.act(fe, 'workshop.removeBlockAll', { card: 'workshop' })).toMatch(
    /Gate G4 does not apply: on the security-defaults path/,
  );
}, 60_000);

test('3 of 5 users registered for MFA: G4 refused with the count; typed numbers cannot say otherwise', async () => {
  graph.tenants.set(TENANT, tenant({ users: users(3, 5) }));
  const e = await engagement('tenant-three-of-five');
  await e.readyForG4('workshop');
  expect(await e.typeMfa(5, 5)).toMatch(
    /You typed 5 of 5 users registered for MFA; the tenant reported 3 of 5 users registered for MFA \(3 capable, 2 break-glass account\(s\) left out\)/,
  );
  const refused = await e.act(fe, 'workshop.removeBlockAll', { card: 'workshop' });
  expect(refused).toContain(
    `Missing: all users registered for MFA (2 of 5 not yet: 3 of 5 users registered for MFA (3 capable, 2 break-glass account(s) left out), ${READ}).`,
  );
  expect(refused).toMatch(
    /MFA registration: 3 of 5 users registered, 3 capable \(2 break-glass account\(s\) left out\)/,
  );
  // Reads of the registration report followed every page (7 accounts, two a page).
  expect(graph.requestsTo(/userRegistrationDetails.*skiptoken=6/).length).toBeGreaterThan(0);
}, 60_000);

test('consent withdrawn mid-engagement: the bot says so and falls back to typed facts', async () => {
  graph.tenants.set(TENANT, tenant({ users: users(3, 5) }));
  const e = await engagement('tenant-withdrawn');
  await e.readyForG4('identity');

  // Throttled: nothing changes, the facts read before still count.
  graph.fail({ path: /subscribedSkus/, status: 429, retryAfter: '120' });
  expect(await e.act(fe, 'tenant.refresh', { card: 'workshop' })).toMatch(
    /Microsoft Graph is throttling reads of the customer's tenant \(it asks to wait 120 s\)\. Try again then\. The facts read from the tenant at .* still count\. Nothing was saved\./,
  );

  // The admin revokes the permissions; the gate's fresh read finds it and says so.
  graph.tenants.set(TENANT, tenant({ users: users(3, 5), consent: false }));
  const refused = await e.act(fe, 'workshop.removeBlockAll', { card: 'workshop' });
  expect(refused).toMatch(
    // The card's Markdown escapes the underscore; Teams shows it as typed.
    /Reading the customer's tenant is no longer allowed \(Microsoft Graph refused the read \(403 Authorization\\?_RequestDenied\)/,
  );
  expect(refused).toMatch(/The gate was decided on the facts typed here\. Gate G4/);
  expect(refused).toMatch(/Reading the tenant was withdrawn/);
  expect((await e.stored()).tenant?.access.state).toBe('withdrawn');

  // Typed values count again, each with who reported it: the licences first.
  expect(await e.typeLicences('m365e3')).toMatch(
    /Saved: Megan Bowen recorded licences: Microsoft 365 E3; Conditional Access path/,
  );
  await e.act(fe, 'workshop.caPolicy', {
    card: 'workshop',
    policy: 'mfaAllUsers',
    caState_mfaAllUsers: 'created',
  });
  await e.act(fe, 'workshop.caPolicy', {
    card: 'workshop',
    policy: 'blockLegacy',
    caState_blockLegacy: 'created',
  });
  expect(await e.typeMfa(5, 5)).toMatch(
    /Saved: Alex Wilber recorded 5 of 5 users registered for MFA/,
  );
  expect(await e.act(fe, 'workshop.removeBlockAll', { card: 'workshop' })).toMatch(
    /Saved: Alex Wilber removed the block-all Conditional Access policy/,
  );
  // A refresh now says the tenant cannot be read and changes nothing.
  expect(await e.act(fe, 'tenant.refresh', { card: 'identity' })).toMatch(
    /The customer's tenant cannot be read: Microsoft Graph refused the read \(403 Authorization\\?_RequestDenied\)/,
  );
}, 60_000);

test('only the FM and FE refresh, and a stakeholder is told so without a read', async () => {
  graph.tenants.set(TENANT, tenant());
  const e = await engagement('tenant-stakeholder');
  expect(await e.act(bdm, 'tenant.refresh', { card: 'identity' })).toMatch(
    /Only the FastTrack Manager or FastTrack Engineer can do that/,
  );
  expect(graph.requests).toHaveLength(0);
}, 60_000);
