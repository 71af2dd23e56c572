/**
 * The Graph tenant reader against the HTTPS stand-in: every read with its paging, app-only tokens
 * for the engagement's tenant, and each fault Graph gives, bounded in time. No call leaves
 * 127.0.0.1: the stand-in issues the tokens and answers Graph.
 */
import pino from 'pino';
import { GraphTenantReader } from '../../src/tenant/graph-reader.js';
import { GraphStandIn, type StandInTenant } from '../support/graph-standin.js';
import { m365E3, playbookPolicies, users } from '../support/tenant-data.js';

const CONTOSO = '6b8f1a52-0000-4000-8000-00000000c0de';
const FABRIKAM = '6b8f1a52-0000-4000-8000-0000000fab01';
const APP = '3c1f7a2e-5a7b-4d8e-9c4f-1a2b3c4d5e6f';

let graph: GraphStandIn;
beforeAll(async () => {
  graph = await GraphStandIn.start();
});
afterAll(() => graph.close());

function tenant(overrides: Partial<StandInTenant> = {}): StandInTenant {
  return {
    skus: [m365E3()],
    securityDefaults: false,
    policies: playbookPolicies({
      blockAll: 'enabled',
      allUsersMfa: 'enabledForReportingButNotEnforced',
    }),
    users: users(3, 5),
    consent: true,
    ...overrides,
  };
}

function reader(budgetMs?: number) {
  return new GraphTenantReader({
    clientId: APP,
    credentialFor: graph.credentialFor,
    logger: pino({ level: 'silent' }),
    baseUrl: graph.baseUrl,
    fetchOptions: graph.fetchOptions(),
    consentRedirectUri: 'https://bot.example.com/consented',
    ...(budgetMs ? { budgetMs } : {}),
  });
}

beforeEach(() => {
  graph.tenants.clear();
  graph.requests.length = 0;
  graph.tokensIssued.length = 0;
  graph.tenants.set(CONTOSO, tenant());
});

test('reads the four facts of the tenant, every page, with app-only tokens for that tenant', async () => {
  const result = await reader().read(CONTOSO);
  if (!result.ok) throw new Error(result.message);
  expect(result.snapshot.skus.map((s) => s.skuPartNumber)).toEqual(['SPE_E3']);
  expect(result.snapshot.securityDefaults).toBe(false);
  expect(result.snapshot.caPolicies.map((p) => [p.displayName, p.state])).toEqual([
    ['CONTOSO-000 Lockdown', 'enabled'],
    ['CONTOSO-002 Everyone MFA', 'enabledForReportingButNotEnforced'],
  ]);
  // 5 users and 2 break-glass accounts, two a page: four pages followed by @odata.nextLink.
  expect(result.snapshot.registration).toHaveLength(7);
  expect(graph.requestsTo(/userRegistrationDetails/).map((r) => r.path)).toEqual([
    '/v1.0/reports/authenticationMethods/userRegistrationDetails?$select=id,isMfaRegistered,isMfaCapable',
    '/v1.0/reports/authenticationMethods/userRegistrationDetails?%24select=id%2CisMfaRegistered%2CisMfaCapable&%24skiptoken=2',
    '/v1.0/reports/authenticationMethods/userRegistrationDetails?%24select=id%2CisMfaRegistered%2CisMfaCapable&%24skiptoken=4',
    '/v1.0/reports/authenticationMethods/userRegistrationDetails?%24select=id%2CisMfaRegistered%2CisMfaCapable&%24skiptoken=6',
  ]);
  expect(graph.requests.every((r) => r.tenant === CONTOSO && r.status === 200)).toBe(true);
  expect(new Set(graph.tokensIssued.map((t) => t.tenantId))).toEqual(new Set([CONTOSO]));
});

test("a tenant without consent is denied, naming the code; another tenant's consent does not help", async () => {
  graph.tenants.set(FABRIKAM, tenant({ consent: false }));
  const result = await reader().read(FABRIKAM);
  expect(result).toEqual({
    ok: false,
    kind: 'denied',
    message:
      "Microsoft Graph refused the read (403 Authorization_RequestDenied): the customer's admin has not consented to the bot's read-only permissions, or withdrew them.",
  });
  expect(graph.requests.every((r) => r.tenant === FABRIKAM)).toBe(true);
});

test('without Entra ID P1 the registration report is refused and the rest still reads', async () => {
  graph.tenants.set(CONTOSO, tenant({ registrationReport: false }));
  const result = await reader().read(CONTOSO);
  if (!result.ok) throw new Error(result.message);
  expect(result.snapshot.registration).toEqual({
    unavailable:
      'Microsoft Graph refused the MFA registration report (Authentication_RequestFromNonPremiumTenantOrB2CTenant): it needs Microsoft Entra ID P1 or P2 in the tenant and the AuditLog.Read.All permission',
  });
});

test('429 with a Retry-After too long for the turn is not waited for: the message says how long', async () => {
  graph.fail({ path: /subscribedSkus/, status: 429, retryAfter: '30' });
  const started = Date.now();
  const result = await reader().read(CONTOSO);
  expect(Date.now() - started).toBeLessThan(5_000);
  expect(result).toEqual({
    ok: false,
    kind: 'busy',
    message:
      "Microsoft Graph is throttling reads of the customer's tenant (it asks to wait 30 s). Try again then.",
  });
  expect(graph.requestsTo(/subscribedSkus/)).toHaveLength(1);
});

test('429 with a short Retry-After is retried once and the read succeeds', async () => {
  graph.fail({ path: /conditionalAccess/, status: 429, retryAfter: '1' });
  const result = await reader().read(CONTOSO);
  expect(result.ok).toBe(true);
  expect(graph.requestsTo(/conditionalAccess/).map((r) => r.status)).toEqual([429, 200]);
});

test('5xx: 503 is retried once, then the read says Graph did not answer; 500 is not retried', async () => {
  graph.fail({ path: /identitySecurityDefaults/, status: 503, times: 2 });
  expect(await reader().read(CONTOSO)).toEqual({
    ok: false,
    kind: 'busy',
    message: 'Microsoft Graph did not answer the read (503). Try again in a few minutes.',
  });
  expect(graph.requestsTo(/identitySecurityDefaults/)).toHaveLength(2);
  graph.fail({ path: /subscribedSkus/, status: 500 });
  const again = await reader().read(CONTOSO);
  expect(again).toMatchObject({ ok: false, kind: 'busy' });
  expect(graph.requestsTo(/subscribedSkus/).filter((r) => r.status === 500)).toHaveLength(1);
});

test('a Graph slower than the budget ends the read in time, with a message', async () => {
  graph.fail({ path: /subscribedSkus/, status: 503, delayMs: 1_500 });
  const started = Date.now();
  const result = await reader(300).read(CONTOSO);
  expect(Date.now() - started).toBeLessThan(1_200);
  expect(result).toEqual({
    ok: false,
    kind: 'busy',
    message: 'Microsoft Graph did not answer within 0.3 s. Try again in a few minutes.',
  });
});

test('a token the tenant will not issue (consent withdrawn) is denied', async () => {
  const refused = Object.assign(new Error('AADSTS7000112: Application is disabled.'), {
    name: 'AuthenticationError',
  });
  const noTokens = new GraphTenantReader({
    clientId: APP,
    credentialFor: () => ({ getToken: () => Promise.reject(refused) }),
    logger: pino({ level: 'silent' }),
    baseUrl: graph.baseUrl,
    fetchOptions: graph.fetchOptions(),
  });
  expect(await noTokens.read(CONTOSO)).toMatchObject({ ok: false, kind: 'denied' });
  expect(graph.requests).toHaveLength(0);
});

test("the admin consent link asks the tenant for the app's Graph permissions, returning to the bot", () => {
  expect(reader().consentLink(CONTOSO)).toBe(
    `https://login.microsoftonline.com/${CONTOSO}/v2.0/adminconsent?client_id=${APP}&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default&redirect_uri=https%3A%2F%2Fbot.example.com%2Fconsented`,
  );
});

test('a sign-in that fails otherwise, or never answers, is "try again", inside the budget', async () => {
  const failing = (getToken: () => Promise<never>) =>
    new GraphTenantReader({
      clientId: APP,
      credentialFor: () => ({ getToken }),
      logger: pino({ level: 'silent' }),
      baseUrl: graph.baseUrl,
      fetchOptions: graph.fetchOptions(),
      budgetMs: 300,
    });
  expect(
    await failing(() => Promise.reject(new Error('connect ECONNREFUSED'))).read(CONTOSO),
  ).toEqual({
    ok: false,
    kind: 'busy',
    message: "The customer's tenant could not be read just now. Try again in a few minutes.",
  });
  const hanging = await failing(() => new Promise<never>(() => undefined)).read(CONTOSO);
  expect(hanging).toMatchObject({
    ok: false,
    kind: 'busy',
    message: expect.stringMatching(/within 0.3 s/),
  });
});
