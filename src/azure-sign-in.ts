/**
 * When Cosmos DB cannot be opened because no Microsoft Entra ID credential is available (no
 * COSMOS_KEY, and DefaultAzureCredential found no managed identity, Azure CLI sign-in ...), the
 * start fails with one message that names the endpoint and what each credential lacked.
 */

const CREDENTIAL_ERRORS = new Set([
  'AggregateAuthenticationError',
  'CredentialUnavailableError',
  'AuthenticationError',
  'AuthenticationRequiredError',
]);

interface NamedError {
  name?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/**
 * The first sentence of a credential's complaint, without its troubleshooting links, plus the
 * service's own description when it gives one (a managed identity endpoint's "Identity not found").
 */
function reason(message: unknown): string {
  const text = typeof message === 'string' ? message : String(message);
  const first = text.split('\n')[0].split(/\.\s/)[0].replace(/\.$/, '').trim();
  const description = /Description: (.+?)(?: - |\n|$)/.exec(text)?.[1]?.trim();
  const line = description && !first.includes(description) ? `${first} (${description})` : first;
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}

function credentialError(err: unknown): NamedError | undefined {
  let current = err as NamedError | undefined;
  for (let depth = 0; current && typeof current === 'object' && depth < 8; depth++) {
    if (typeof current.name === 'string' && CREDENTIAL_ERRORS.has(current.name)) return current;
    current = current.cause as NamedError | undefined;
  }
  return undefined;
}

/**
 * An error saying that signing in to the Cosmos DB at `endpoint` failed and why, when `err`
 * (or its cause) is a credential failure; undefined for any other failure.
 */
export function cosmosSignInFailure(err: unknown, endpoint: string): Error | undefined {
  const failure = credentialError(err);
  if (!failure) return undefined;
  const reasons = Array.isArray(failure.errors)
    ? (failure.errors as NamedError[]).map((e) => reason(e.message))
    : [reason(failure.message)];
  return new Error(
    [
      `cannot sign in to Cosmos DB at ${endpoint}. COSMOS_KEY is not set, so the bot signs in ` +
        'with Microsoft Entra ID (DefaultAzureCredential), and no credential was available:',
      ...reasons.map((r) => `- ${r}`),
      'On Azure, the App Service signs in as its user-assigned managed identity: set ' +
        "AZURE_CLIENT_ID to the identity's client id. Elsewhere, sign in with `az login` " +
        '(an account with the Cosmos DB Built-in Data Contributor role) or set COSMOS_KEY.',
    ].join('\n'),
    { cause: err },
  );
}
