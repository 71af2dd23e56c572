import {
  PageIterator,
  RetryHandlerOptions,
  type Client,
  type GraphRequestOptions,
  type PageCollection,
} from '@microsoft/microsoft-graph-client';
import type { CaPolicyRead, RegistrationRead, SkuRead } from '../playbook/tenant-read.js';
import { asPolicies, asRegistrations, asSkus } from './shapes.js';

/** One function per read of Microsoft Graph (v1.0), each returning the plain data the playbook reads. */

/** How one read is bounded: it gives up at `signal`, and retries once only when the wait fits. */
export interface ReadBudget {
  signal: AbortSignal;
  /** The longest Retry-After (seconds) worth waiting for inside the budget. */
  maxWaitSeconds: number;
}

function requestOptions(budget: ReadBudget): GraphRequestOptions {
  const retry = new RetryHandlerOptions(1, 1, (_delay, _attempt, _request, _options, response) => {
    const after = Number(response.headers.get('retry-after') ?? '1');
    return Number.isFinite(after) && after <= budget.maxWaitSeconds;
  });
  return { middlewareOptions: [retry], options: { signal: budget.signal } };
}

/** Every item of a collection, following @odata.nextLink to the end. */
async function all(client: Client, path: string, select: string[], budget: ReadBudget) {
  const options = requestOptions(budget);
  const first = (await client
    .api(path)
    .select(select)
    .middlewareOptions(options.middlewareOptions ?? [])
    .option('signal', budget.signal)
    .get()) as PageCollection;
  const items: unknown[] = [];
  const pages = new PageIterator(
    client,
    first,
    (item: unknown) => {
      items.push(item);
      return true;
    },
    options,
  );
  await pages.iterate();
  return items;
}

/** GET /subscribedSkus: the subscriptions and their service plans. */
export async function readSubscribedSkus(client: Client, budget: ReadBudget): Promise<SkuRead[]> {
  return asSkus(
    await all(
      client,
      '/subscribedSkus',
      ['skuPartNumber', 'capabilityStatus', 'servicePlans'],
      budget,
    ),
  );
}

/** GET /policies/identitySecurityDefaultsEnforcementPolicy: whether security defaults are on. */
export async function readSecurityDefaults(client: Client, budget: ReadBudget): Promise<boolean> {
  const policy = (await client
    .api('/policies/identitySecurityDefaultsEnforcementPolicy')
    .select(['isEnabled'])
    .middlewareOptions(requestOptions(budget).middlewareOptions ?? [])
    .option('signal', budget.signal)
    .get()) as { isEnabled?: unknown };
  return policy.isEnabled === true;
}

/** GET /identity/conditionalAccess/policies: every policy, with its conditions and grant controls. */
export async function readCaPolicies(client: Client, budget: ReadBudget): Promise<CaPolicyRead[]> {
  return asPolicies(
    await all(
      client,
      '/identity/conditionalAccess/policies',
      ['id', 'displayName', 'state', 'conditions', 'grantControls'],
      budget,
    ),
  );
}

/** GET /reports/authenticationMethods/userRegistrationDetails: who registered for MFA (every page). */
export async function readRegistration(
  client: Client,
  budget: ReadBudget,
): Promise<RegistrationRead[]> {
  return asRegistrations(
    await all(
      client,
      '/reports/authenticationMethods/userRegistrationDetails',
      ['id', 'isMfaRegistered', 'isMfaCapable'],
      budget,
    ),
  );
}
