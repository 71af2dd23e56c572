import { cosmosSignInFailure } from '../../src/azure-sign-in.js';

const ENDPOINT = 'https://contoso-cosmos.documents.azure.com:443/';

function named(name: string, message: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { name }, extra);
}

describe('the message for a Cosmos DB sign-in that found no credential', () => {
  it("names the endpoint and each credential's reason in one line, found through the causes", () => {
    const aggregate = named(
      'AggregateAuthenticationError',
      'ChainedTokenCredential authentication failed.',
      {
        errors: [
          named(
            'CredentialUnavailableError',
            'EnvironmentCredential is unavailable. No underlying credential could be used. To troubleshoot, visit https://aka.ms/x.',
          ),
          named(
            'CredentialUnavailableError',
            'ManagedIdentityCredential: Network unreachable. Message: network_error',
          ),
          named(
            'CredentialUnavailableError',
            'ManagedIdentityCredential: Authentication failed. Message invalid_request: Error(s): Not Available - Description: Identity not found - Correlation ID: Not Available',
          ),
          named('CredentialUnavailableError', 'Azure CLI could not be found.\nPlease install it.'),
        ],
      },
    );
    const wrapped = new Error('The Cosmos DB container a/b cannot be opened (no answer).', {
      cause: aggregate,
    });
    const failure = cosmosSignInFailure(wrapped, ENDPOINT);
    expect(failure?.message.split('\n')).toEqual([
      `cannot sign in to Cosmos DB at ${ENDPOINT}. COSMOS_KEY is not set, so the bot signs in with Microsoft Entra ID (DefaultAzureCredential), and no credential was available:`,
      '- EnvironmentCredential is unavailable',
      '- ManagedIdentityCredential: Network unreachable',
      '- ManagedIdentityCredential: Authentication failed (Identity not found)',
      '- Azure CLI could not be found',
      "On Azure, the App Service signs in as its user-assigned managed identity: set AZURE_CLIENT_ID to the identity's client id. Elsewhere, sign in with `az login` (an account with the Cosmos DB Built-in Data Contributor role) or set COSMOS_KEY.",
    ]);
    expect(failure?.cause).toBe(wrapped);
  });

  it('says nothing about other failures: a refused connection or a 403 keep their own message', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(
      cosmosSignInFailure(new Error('not opened', { cause: refused }), ENDPOINT),
    ).toBeUndefined();
    expect(
      cosmosSignInFailure(Object.assign(new Error('Forbidden'), { code: 403 }), ENDPOINT),
    ).toBeUndefined();
    expect(cosmosSignInFailure(undefined, ENDPOINT)).toBeUndefined();
  });
});
