import { CosmosClient, type Container } from '@azure/cosmos';
import type { Logger } from 'pino';
import type { Engagement } from '../playbook/engagement.js';
import type { IndexDocument } from '../playbook/people-index.js';
import {
  mayHaveApplied,
  settleCreate,
  settleDelete,
  settleWrite,
  type OutcomeProbe,
} from './cosmos-outcome.js';
import { RESOLVE_RESERVE_MS, timeLeft, type RequestBudgets } from './deadline.js';
import { field, isConflict, statusOf, toVersioned } from './cosmos-documents.js';
import { readIndex, writeIndex } from './cosmos-index.js';
import { clientOptionsFor, type ClientOverrides } from './cosmos-options.js';
import { checkDocument } from './document.js';
import {
  StoreConflictError,
  StoreUnavailableError,
  type EngagementStore,
  type Versioned,
  type VersionedIndex,
} from './store.js';

export const PARTITION_KEY_PATH = '/engagementId';

export interface CosmosSettings {
  endpoint: string;
  /** The account key; without one the store signs in with Microsoft Entra ID (DefaultAzureCredential). */
  key?: string;
  database: string;
  container: string;
  logger?: Logger;
  /** The budgets of the requests being answered: each database call ends within its request's. */
  budgets?: RequestBudgets;
  /** Overrides for the SDK client, e.g. `connectionPolicy: { enableEndpointDiscovery: false }` in tests. */
  clientOptions?: ClientOverrides;
}

const OPEN_TIMEOUT_MS = 30_000;

const DUE_QUERY =
  "SELECT * FROM c WHERE c.type = 'engagement' AND IS_DEFINED(c.nextReminderAt) AND c.nextReminderAt <= @now";

/** The engagement store on Azure Cosmos DB (NoSQL): one document per engagement, partitioned by its id. */
export class CosmosEngagementStore implements EngagementStore {
  /** Aborted on close: whatever still waits for the database gives up. */
  private readonly closing = new AbortController();

  constructor(
    private readonly client: CosmosClient,
    private readonly container: Container,
    private readonly logger?: Logger,
    private readonly budgets?: RequestBudgets,
  ) {}

  async get(engagementId: string): Promise<Versioned | undefined> {
    const signal = this.signal('read', engagementId, 0);
    try {
      return await this.read(engagementId, signal);
    } catch (err) {
      throw this.unavailable('read', engagementId, err);
    }
  }

  async create(engagement: Engagement): Promise<Versioned> {
    checkDocument(engagement);
    const signal = this.signal('create', engagement.id, RESOLVE_RESERVE_MS);
    try {
      const response = await this.container.items.create(engagement, {
        disableAutomaticIdGeneration: true,
        abortSignal: signal,
      });
      return toVersioned(response.resource ?? engagement, response.etag);
    } catch (err) {
      if (statusOf(err) === 409)
        throw new StoreConflictError('An engagement with this id already exists.');
      if (!mayHaveApplied(err)) throw this.unavailable('create', engagement.id, err);
      this.logOutcomeUnknown('create', engagement.id, err);
      return settleCreate(this.probe(engagement.engagementId), engagement).catch((e: unknown) => {
        throw this.unavailable('create', engagement.id, e);
      });
    }
  }

  async replace(engagement: Engagement, etag: string): Promise<Versioned> {
    checkDocument(engagement);
    const signal = this.signal('replace', engagement.id, RESOLVE_RESERVE_MS);
    try {
      const response = await this.container
        .item(engagement.id, engagement.engagementId)
        .replace(engagement, {
          accessCondition: { type: 'IfMatch', condition: etag },
          abortSignal: signal,
        });
      return toVersioned(response.resource ?? engagement, response.etag);
    } catch (err) {
      // 412: someone wrote since `etag` was read; 404: it was deleted meanwhile. Either way, re-read.
      if (isConflict(err)) throw new StoreConflictError();
      if (!mayHaveApplied(err)) throw this.unavailable('replace', engagement.id, err);
      this.logOutcomeUnknown('replace', engagement.id, err);
      const settled = await settleWrite(
        this.probe(engagement.engagementId),
        engagement,
        etag,
      ).catch((e: unknown) => {
        if (e instanceof StoreConflictError) throw e;
        throw this.unavailable('replace', engagement.id, e);
      });
      if (settled) return settled;
      // The fence won: the write that went unanswered can never be applied.
      this.logger?.info(
        { op: 'replace', engagementId: engagement.id },
        'unanswered write fenced off: not saved',
      );
      throw new StoreUnavailableError(undefined, { cause: err });
    }
  }

  async delete(engagementId: string, etag: string): Promise<void> {
    const signal = this.signal('delete', engagementId, RESOLVE_RESERVE_MS);
    try {
      await this.container.item(engagementId, engagementId).delete({
        accessCondition: { type: 'IfMatch', condition: etag },
        abortSignal: signal,
      });
    } catch (err) {
      if (isConflict(err)) throw new StoreConflictError();
      if (!mayHaveApplied(err)) throw this.unavailable('delete', engagementId, err);
      this.logOutcomeUnknown('delete', engagementId, err);
      const deleted = await settleDelete(this.probe(engagementId), etag).catch((e: unknown) => {
        if (e instanceof StoreConflictError) throw e;
        throw this.unavailable('delete', engagementId, e);
      });
      if (!deleted)
        throw new StoreUnavailableError(
          'Not deleted: the database did not answer in time. Please try again.',
          { cause: err },
        );
    }
  }

  async dueReminders(now: string, limit: number): Promise<Versioned[]> {
    if (limit <= 0) return [];
    const due: Versioned[] = [];
    try {
      // The only cross-partition query: scheduler work, never on a person's answer path. All its
      // pages together get one operation's time.
      const pages = this.container.items.query(
        { query: DUE_QUERY, parameters: [{ name: '@now', value: now }] },
        { maxItemCount: Math.min(limit, 100), abortSignal: this.signal('dueReminders', '', 0) },
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

  async getIndex(key: string): Promise<VersionedIndex | undefined> {
    return this.guarded('readIndex', key, (signal) => readIndex(this.container, key, signal));
  }

  async putIndex(doc: IndexDocument, etag?: string): Promise<VersionedIndex> {
    return this.guarded('writeIndex', doc.id, (signal) =>
      writeIndex(this.container, doc, etag, signal),
    );
  }

  async close(): Promise<void> {
    this.closing.abort();
    this.client.dispose();
  }

  private async read(engagementId: string, signal: AbortSignal): Promise<Versioned | undefined> {
    try {
      const response = await this.container
        .item(engagementId, engagementId)
        .read({ abortSignal: signal });
      // Index documents share the container: only an engagement is one.
      if (response.statusCode === 404 || response.resource?.type !== 'engagement') return undefined;
      return toVersioned(response.resource, response.etag);
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw err;
    }
  }

  /** One call within its deadline; a conflict or a malformed document passes, anything else is "unavailable". */
  private async guarded<T>(op: string, key: string, call: (s: AbortSignal) => Promise<T>) {
    try {
      return await call(this.signal(op, key, 0));
    } catch (err) {
      if (err instanceof StoreConflictError || err instanceof TypeError) throw err;
      throw this.unavailable(op, key, err);
    }
  }

  /** Reads and fence-writes within what is left for finding out a write's outcome. */
  private probe(engagementId: string): OutcomeProbe {
    const signal = AbortSignal.any([
      this.closing.signal,
      AbortSignal.timeout(
        Math.max(0, timeLeft(this.budgets?.current(), 0, Date.now(), RESOLVE_RESERVE_MS)),
      ),
    ]);
    return {
      read: () => this.read(engagementId, signal),
      fence: async (engagement, etag) => {
        await this.container.item(engagement.id, engagementId).replace(engagement, {
          accessCondition: { type: 'IfMatch', condition: etag },
          abortSignal: signal,
        });
      },
      isConflict,
    };
  }

  /**
   * The abort signal of one database call: the store closing, or the operation timeout cut to
   * what is left of the request's budget less `reserve`. Throws (not saved: nothing was sent)
   * when the budget is spent or the request's store already failed.
   */
  private signal(op: string, engagementId: string, reserve: number): AbortSignal {
    const budget = this.budgets?.current();
    const ms = timeLeft(budget, reserve);
    if (this.closing.signal.aborted || budget?.failed || ms <= 0) {
      this.logger?.warn(
        { op, engagementId, closing: this.closing.signal.aborted, failedBefore: budget?.failed },
        'Cosmos DB call not made: no time left for it',
      );
      if (budget) budget.failed = true;
      throw new StoreUnavailableError();
    }
    return AbortSignal.any([this.closing.signal, AbortSignal.timeout(ms)]);
  }

  private logOutcomeUnknown(op: string, engagementId: string, err: unknown): void {
    this.logger?.warn(
      { op, engagementId, status: statusOf(err), errorName: field(err, 'name') },
      'Cosmos DB write unanswered: finding out whether it was applied',
    );
  }

  /** Logs what failed (status codes and ids only, never keys or bodies) and wraps it for the caller. */
  private unavailable(
    op: string,
    engagementId: string | undefined,
    err: unknown,
  ): StoreUnavailableError {
    const budget = this.budgets?.current();
    if (budget) budget.failed = true;
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

/**
 * Connects to Cosmos DB and makes sure the database and the container (partition key
 * `/engagementId`) exist. Throws StoreUnavailableError, naming what failed, when they cannot be
 * reached or the container is partitioned otherwise.
 */
export async function openCosmosStore(settings: CosmosSettings): Promise<CosmosEngagementStore> {
  const client = new CosmosClient(await clientOptionsFor(settings));
  const where = `${settings.database}/${settings.container}`;
  let container: Container;
  let paths: string[] | undefined;
  // Not answered within this time, the start fails with a message instead of waiting forever.
  const abortSignal = AbortSignal.timeout(OPEN_TIMEOUT_MS);
  try {
    const { database } = await client.databases.createIfNotExists(
      { id: settings.database },
      { abortSignal },
    );
    const created = await database.containers.createIfNotExists(
      { id: settings.container, partitionKey: { paths: [PARTITION_KEY_PATH] } },
      { abortSignal },
    );
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
  return new CosmosEngagementStore(client, container, settings.logger, settings.budgets);
}
