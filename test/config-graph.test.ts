/** The Graph settings: off unless given, checked at start, the stand-in setting kept out of production. */
import { ConfigError, loadConfig } from '../src/config.js';

const BASE = { INSECURE_LOCAL_UNAUTHENTICATED: 'true' };
const APP = '3c1f7a2e-5a7b-4d8e-9c4f-1a2b3c4d5e6f';
const MI = '0f0e0d0c-0000-4000-8000-000000000001';

/** What stops the start, as the message lists it (nothing when the settings are fine). */
const problems = (env: NodeJS.ProcessEnv): string[] =>
  expectConfigError(() => loadConfig(env))?.problems ?? [];

function expectConfigError(start: () => unknown): ConfigError | undefined {
  let thrown: unknown;
  try {
    start();
  } catch (err) {
    thrown = err;
  }
  if (thrown !== undefined && !(thrown instanceof ConfigError)) throw thrown;
  return thrown;
}

test('without Graph settings, reading tenants is off', () => {
  expect(loadConfig({ ...BASE }).graph).toBeUndefined();
});

test('a certificate or a federated managed identity, with the consent redirect', () => {
  expect(
    loadConfig({
      ...BASE,
      GRAPH_APP_CLIENT_ID: APP,
      GRAPH_APP_CREDENTIAL: 'certificate:/etc/bot/graph.pem',
      GRAPH_CONSENT_REDIRECT_URI: 'https://bot.example.com/consented',
    }).graph,
  ).toEqual({
    clientId: APP,
    credential: { kind: 'certificate', path: '/etc/bot/graph.pem' },
    consentRedirectUri: 'https://bot.example.com/consented',
  });
  expect(
    loadConfig({ ...BASE, GRAPH_APP_CLIENT_ID: APP, GRAPH_APP_CREDENTIAL: `federated:${MI}` }).graph
      ?.credential,
  ).toEqual({ kind: 'federated', managedIdentityClientId: MI });
});

test('half-given or wrong settings stop the start, each named', () => {
  expect(problems({ ...BASE, GRAPH_APP_CREDENTIAL: 'secret:abc' })).toEqual([
    "GRAPH_APP_CLIENT_ID: the client id (a GUID) of the bot's multi-tenant app registration is needed to read customers' tenants",
    'GRAPH_APP_CREDENTIAL: GRAPH_APP_CREDENTIAL must be certificate:<path to a PEM with the key> or federated:<client id of the user-assigned managed identity the app trusts>',
  ]);
  expect(
    problems({
      ...BASE,
      GRAPH_APP_CLIENT_ID: APP,
      GRAPH_APP_CREDENTIAL: `federated:${MI}`,
      GRAPH_CONSENT_REDIRECT_URI: 'http://bot.example.com/',
    }),
  ).toEqual(['GRAPH_CONSENT_REDIRECT_URI must be an https address registered on the app']);
});

test('GRAPH_BASE_URL points at a stand-in on this machine only, and never in production', () => {
  const graph = { GRAPH_APP_CLIENT_ID: APP, GRAPH_APP_CREDENTIAL: `federated:${MI}` };
  expect(
    loadConfig({ ...BASE, ...graph, GRAPH_BASE_URL: 'https://127.0.0.1:4443/' }).graph?.baseUrl,
  ).toBe('https://127.0.0.1:4443/');
  expect(problems({ ...BASE, ...graph, GRAPH_BASE_URL: 'https://graph.example.net/' })).toEqual([
    "GRAPH_BASE_URL: GRAPH_BASE_URL must be an https address on this machine (a Graph stand-in): tokens for customers' tenants go nowhere else",
  ]);
  expect(problems({ ...BASE, ...graph, GRAPH_BASE_URL: 'not a url' })).toEqual([
    'GRAPH_BASE_URL: GRAPH_BASE_URL must be a URL',
  ]);
  expect(
    problems({
      MicrosoftAppId: APP,
      MicrosoftAppPassword: 'x',
      NODE_ENV: 'production',
      ...graph,
      GRAPH_BASE_URL: 'https://127.0.0.1:4443/',
    }),
  ).toEqual([
    'GRAPH_BASE_URL: GRAPH_BASE_URL (a Graph stand-in for tests) cannot be used in production',
  ]);
});
