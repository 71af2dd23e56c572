import {
  CosmosClient,
  type Container,
  type CosmosClientOptions,
  type ItemDefinition,
} from '@azure/cosmos';
import { DefaultAzureCredential } from '@azure/identity';
import type { Logger } from 'pino';
import type { Engagement } from '../playbook/engagement.js';
import { checkDocument } from './document.js';
import {
  StoreConflictError,
  StoreUnavailableError,
  type EngagementStore,
  type Versioned,
} from './store.js';

export const PARTITION_KEY_PATH = '/engagementId';

export interface CosmosSettings {
  endpoint: string;
  /** The account key; without one the store signs in with Microsoft Entra ID (DefaultAzureCredential). */
  key?: string;
  database: string;
  container: string;
  logger?: Logger;
  /** Overrides for the SDK client, e.g. `connectionPolicy: { enableEndpointDiscovery: false }` in tests. */
  clientOptions?: Omit<Partial<CosmosClientOptions>, 'endpoint' | 'key' | 'aadCredentials'>;
}

/**
 * Throttling (429) is retried by the SDK, honouring the server's x-ms-retry-after-ms. A request
 * gives up well inside the ~15 s after which Teams stops waiting for the bot.
 */
const CONNECTION_POLICY = { requestTimeout: 5_000 } as const;
const RETRY_OPTIONS = { maxRetryAttemptCount: 9, maxWaitTimeInSeconds: 8 } as const;

const DUE_QUERY =
  "SELECT * FROM c WHERE c.type = 'engagement' AND IS_DEFINED(c.nextReminderAt) AND c.nextReminderAt <= @now";

const SYSTEM_PROPERTIES = ['_rid', '_self', '_etag', '_attachments', '_ts'] as const;

/** The engagement as the application knows it: the stored document without Cosmos's own fields. */
function toVersioned(doc: ItemDefinition, etag: string | undefined): Versioned {
  const engagement: Record<string, unknown> = { ...doc };
  const tag = etag ?? (typeof doc._etag === 'string' ? doc._etag : undefined);
  for (const p of SYSTEM_PROPERTIES) delete engagement[p];
  if (!tag)
    throw new StoreUnavailableError(
      'Not saved: the database answered without a version tag. Please try again.',
    );
  return { engagement: engagement as unknown as Engagement, etag: tag };
}

function field(err: unknown, name: string): unknown {
  return typeof err === 'object' && err !== null
    ? (err as Record<string, unknown>)[name]
    : undefined;
}

/** The HTTP status of an SDK error (a number), or its network code (e.g. "ECONNREFUSED"). */
function statusOf(err: unknown): unknown {
  return field(err, 'code');
}

/** The engagement store on Azure Cosmos DB (NoSQL): one document per engagement, partitioned by its id. */
export class CosmosEngagementStore implements EngagementStore {
  constructor(
    private readonly client: CosmosClient,
    private readonly container: Container,
    private readonly logger?: Logger,
  ) {}

  async get(engagementId: string): Promise<Versioned | undefined> {
    try {
      const response = await this.container.item(engagementId, engagementId).read();
      if (response.statusCode === 404 || !response.resource) return undefined;
      return toVersioned(response.resource, response.etag);
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw this.unavailable('read', engagementId, err);
    }
  }

  async create(engagement: Engagement): Promise<Versioned> {
    checkDocument(engagement);
    try {
      const response = await this.container.items.create(engagement, {
        disableAutomaticIdGeneration: true,
      });
      return toVersioned(response.resource ?? engagement, response.etag);
    } catch (err) {
      if (statusOf(err) === 409)
        throw new StoreConflictError('An engagement with this id already exists.');
      throw this.unavailable('create', engagement.id, err);
    }
  }

  async replace(engagement: Engagement, etag: string): Promise<Versioned> {
    checkDocument(engagement);
    try {
      const response = await this.container
        .item(engagement.id, engagement.engagementId)
        .replace(engagement, { accessCondition: { type: 'IfMatch', condition: etag } });
      return toVersioned(response.resource ?? engagement, response.etag);
    } catch (err) {
      // 412: someone wrote since `etag` was read; 404: it was deleted meanwhile. Either way, re-read.
      const status = statusOf(err);
      if (status === 412 || status === 404) throw new StoreConflictError();
      throw this.unavailable('replace', engagement.id, err);
    }
  }

  async dueReminders(now: string, limit: number): Promise<Versioned[]> {
    if (limit <= 0) return [];
    const due: Versioned[] = [];
    try {
      // The only cross-partition query: scheduler work, never on a person's answer path.
      const pages = this.container.items.query(
        { query: DUE_QUERY, parameters: [{ name: '@now', value: now }] },
        { maxItemCount: Math.min(limit, 100) },
      );
      while (due.length < limit && pages.hasMoreResults()) {
        const page = await pages.fetchNext();
        for (const doc of page.resources.slice(0, limit - due.length))
          due.push(toVersioned(doc, undefined));
      }
    } catch (err) {
      throw this.unavailable('dueReminders', undefined, err);
    }
    return due;
  }

  async close(): Promise<void> {
    this.client.dispose();
  }

  /** Logs what failed (status codes and ids only, never keys or bodies) and wraps it for the caller. */
  private unavailable(
    op: string,
    engagementId: string | undefined,
    err: unknown,
  ): StoreUnavailableError {
    if (err instanceof StoreUnavailableError) return err;
    const status = statusOf(err);
    const misconfigured = typeof status === 'number' && status >= 400 && status < 500;
    this.logger?.[misconfigured ? 'error' : 'warn'](
      {
        op,
        engagementId,
        status,
        substatus: field(err, 'substatus'),
        activityId: field(err, 'activityId'),
        errorName: field(err, 'name'),
      },
      'Cosmos DB request failed',
    );
    return new StoreUnavailableError(undefined, { cause: err });
  }
}

function clientOptionsFor(settings: CosmosSettings): CosmosClientOptions {
  const extra = settings.clientOptions ?? {};
  const auth = settings.key
    ? { key: settings.key }
    : { aadCredentials: new DefaultAzureCredential() };
  return {
    ...extra,
    endpoint: settings.endpoint,
    ...auth,
    connectionPolicy: {
      ...CONNECTION_POLICY,
      ...extra.connectionPolicy,
      retryOptions: { ...RETRY_OPTIONS, ...extra.connectionPolicy?.retryOptions },
    },
  };
}

/**
 * Connects to Cosmos DB and makes sure the database and the container (partition key
 * `/engagementId`) exist. Throws StoreUnavailableError, naming what failed, when they cannot be
 * reached or the container is partitioned otherwise.
 */
export async function openCosmosStore(settings: CosmosSettings): Promise<CosmosEngagementStore> {
  const client = new CosmosClient(clientOptionsFor(settings));
  const where = `${settings.database}/${settings.container}`;
  let container: Container;
  let paths: string[] | undefined;
  try {
    const { database } = await client.databases.createIfNotExists({ id: settings.database });
    const created = await database.containers.createIfNotExists({
      id: settings.container,
      partitionKey: { paths: [PARTITION_KEY_PATH] },
    });
    container = created.container;
    paths = created.resource?.partitionKey?.paths;
  } catch (err) {
    client.dispose();
    settings.logger?.error({ status: statusOf(err), where }, 'Cannot open the Cosmos DB container');
    throw new StoreUnavailableError(
      `The Cosmos DB container ${where} cannot be opened (${String(statusOf(err) ?? 'no answer')}).`,
      {
        cause: err,
      },
    );
  }
  if (paths && (paths.length !== 1 || paths[0] !== PARTITION_KEY_PATH)) {
    client.dispose();
    throw new StoreUnavailableError(
      `The Cosmos DB container ${where} is partitioned by ${paths.join(', ')}; this bot needs ${PARTITION_KEY_PATH}.`,
    );
  }
  settings.logger?.info({ where, auth: settings.key ? 'key' : 'entra-id' }, 'Cosmos DB store open');
  return new CosmosEngagementStore(client, container, settings.logger);
}
