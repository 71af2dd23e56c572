import {
  ClientAssertionCredential,
  ClientCertificateCredential,
  ManagedIdentityCredential,
  type TokenCredential,
} from '@azure/identity';

/**
 * How the bot's multi-tenant app proves itself to a customer's tenant: a certificate on disk, or a
 * user-assigned managed identity the app trusts (federated credential, no secret anywhere).
 */
export type GraphCredentialSetting =
  { kind: 'certificate'; path: string } | { kind: 'federated'; managedIdentityClientId: string };

/** The audience of the managed identity's token the app's federated credential accepts. */
const TOKEN_EXCHANGE = 'api://AzureADTokenExchange/.default';

/** A credential for app-only tokens in the customer's tenant. */
export function credentialFor(
  setting: GraphCredentialSetting,
  clientId: string,
): (tenantId: string) => TokenCredential {
  if (setting.kind === 'certificate')
    return (tenantId) =>
      new ClientCertificateCredential(tenantId, clientId, { certificatePath: setting.path });
  const identity = new ManagedIdentityCredential({ clientId: setting.managedIdentityClientId });
  return (tenantId) =>
    new ClientAssertionCredential(tenantId, clientId, async () => {
      const token = await identity.getToken(TOKEN_EXCHANGE);
      return token.token;
    });
}
