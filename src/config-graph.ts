import type { GraphCredentialSetting } from './tenant/credential.js';

/** Reading customers' tenants through Microsoft Graph: off unless its settings are given. */
export interface GraphConfig {
  /** The bot's multi-tenant app registration the customer's admin consents to. */
  clientId: string;
  credential: GraphCredentialSetting;
  /** Where the admin lands after consenting; registered on the app. */
  consentRedirectUri?: string;
  /** Tests only: a Graph stand-in on this machine. Refused in production. */
  baseUrl?: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

const setting = (env: NodeJS.ProcessEnv, name: string) => env[name]?.trim() || undefined;

function credentialOf(text: string | undefined): GraphCredentialSetting | string {
  const [kind, ...rest] = (text ?? '').split(':');
  const value = rest.join(':').trim();
  if (kind === 'certificate' && value) return { kind: 'certificate', path: value };
  if (kind === 'federated' && GUID.test(value))
    return { kind: 'federated', managedIdentityClientId: value };
  return 'GRAPH_APP_CREDENTIAL must be certificate:<path to a PEM with the key> or federated:<client id of the user-assigned managed identity the app trusts>';
}

function standInOf(text: string, production: boolean): string | undefined {
  if (production) return 'GRAPH_BASE_URL (a Graph stand-in for tests) cannot be used in production';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'GRAPH_BASE_URL must be a URL';
  }
  if (url.protocol !== 'https:' || !LOOPBACK.has(url.hostname))
    return "GRAPH_BASE_URL must be an https address on this machine (a Graph stand-in): tokens for customers' tenants go nowhere else";
  return undefined;
}

/** The Graph settings, or the problems with them (named, never their values). */
export function graphSettings(
  env: NodeJS.ProcessEnv,
  production: boolean,
): { graph?: GraphConfig; problems: string[] } {
  const clientId = setting(env, 'GRAPH_APP_CLIENT_ID');
  const credentialText = setting(env, 'GRAPH_APP_CREDENTIAL');
  const consentRedirectUri = setting(env, 'GRAPH_CONSENT_REDIRECT_URI');
  const baseUrl = setting(env, 'GRAPH_BASE_URL');
  if (!clientId && !credentialText && !consentRedirectUri && !baseUrl) return { problems: [] };
  const problems: string[] = [];
  if (!clientId || !GUID.test(clientId))
    problems.push(
      "GRAPH_APP_CLIENT_ID: the client id (a GUID) of the bot's multi-tenant app registration is needed to read customers' tenants",
    );
  const credential = credentialOf(credentialText);
  if (typeof credential === 'string') problems.push(`GRAPH_APP_CREDENTIAL: ${credential}`);
  if (consentRedirectUri && !/^https:\/\//.test(consentRedirectUri))
    problems.push('GRAPH_CONSENT_REDIRECT_URI must be an https address registered on the app');
  const standIn = baseUrl ? standInOf(baseUrl, production) : undefined;
  if (standIn) problems.push(`GRAPH_BASE_URL: ${standIn}`);
  if (problems.length > 0 || !clientId || typeof credential === 'string') return { problems };
  return {
    graph: {
      clientId,
      credential,
      ...(consentRedirectUri ? { consentRedirectUri } : {}),
      ...(baseUrl ? { baseUrl } : {}),
    },
    problems: [],
  };
}
