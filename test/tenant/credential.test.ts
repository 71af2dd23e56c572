/** The app's credential for a customer's tenant follows the deployment's choice; no secret either way. */
import { ClientAssertionCredential, ClientCertificateCredential } from '@azure/identity';
import { credentialFor } from '../../src/tenant/credential.js';

const APP = '3c1f7a2e-5a7b-4d8e-9c4f-1a2b3c4d5e6f';
const TENANT = '6b8f1a52-0000-4000-8000-00000000c0de';

test("a certificate on disk signs in as the app in the customer's tenant", () => {
  const make = credentialFor({ kind: 'certificate', path: '/etc/bot/graph.pem' }, APP);
  expect(make(TENANT)).toBeInstanceOf(ClientCertificateCredential);
});

test('a federated credential uses a managed identity token as the assertion', () => {
  const make = credentialFor(
    { kind: 'federated', managedIdentityClientId: '0f0e0d0c-0000-4000-8000-000000000001' },
    APP,
  );
  expect(make(TENANT)).toBeInstanceOf(ClientAssertionCredential);
});
