import { randomUUID } from 'node:crypto';
import { CosmosClient } from '@azure/cosmos';
import {
  openCosmosStore,
  type CosmosEngagementStore,
  type CosmosSettings,
} from '../../src/store/cosmos.js';
import { cosmosSettings, startCosmosServer, type CosmosServer } from '../support/cosmos-server.js';

export interface CosmosHarness {
  server(): CosmosServer;
  /** A new client (a new "instance" of the bot) on `database`; closed after the file's tests. */
  open(database: string, extra?: Partial<CosmosSettings>): Promise<CosmosEngagementStore>;
  /** A bare SDK client on the test server, to look at or set up what the store does not; disposed after the file's tests. */
  client(): CosmosClient;
  /** A database name no other test uses. */
  freshDatabase(): string;
}

/** Starts one in-process Cosmos DB server for the test file; clears fault injection after each test. */
export function useCosmosServer(): CosmosHarness {
  let server: CosmosServer | undefined;
  const stores: CosmosEngagementStore[] = [];
  const clients: CosmosClient[] = [];
  beforeAll(async () => {
    server = await startCosmosServer();
  });
  afterEach(() => server?.inject(undefined));
  afterAll(async () => {
    for (const store of stores.splice(0)) await store.close();
    for (const client of clients.splice(0)) client.dispose();
    await server?.stop();
  });
  const running = () => {
    if (!server) throw new Error('the Cosmos DB test server is not running');
    return server;
  };
  return {
    server: running,
    open: async (database, extra = {}) => {
      const store = await openCosmosStore(cosmosSettings(running().endpoint, { database }, extra));
      stores.push(store);
      return store;
    },
    client: () => {
      const settings = cosmosSettings(running().endpoint, { database: 'unused' });
      const client = new CosmosClient({
        ...settings.clientOptions,
        endpoint: settings.endpoint,
        key: settings.key,
      });
      clients.push(client);
      return client;
    },
    freshDatabase: () => `db-${randomUUID()}`,
  };
}
