import { openCosmosStore } from '../../src/store/cosmos.js';
import { StoreUnavailableError } from '../../src/store/store.js';
import { cosmosSettings, startCosmosServer } from '../support/cosmos-server.js';
import { storeContract } from './contract.js';
import { useCosmosServer } from './cosmos-harness.js';
import { newEngagement } from './fixtures.js';

const cosmos = useCosmosServer();

storeContract('cosmos', async () => {
  const database = cosmos.freshDatabase();
  const store = await cosmos.open(database);
  return {
    store,
    reopen: () => cosmos.open(database),
    putStored: async (doc) => {
      await cosmos.client().database(database).container('engagements').items.upsert(doc);
    },
    close: async () => undefined,
  };
});

describe('opening the Cosmos DB store', () => {
  it('creates the database and a container partitioned by /engagementId', async () => {
    const database = cosmos.freshDatabase();
    await cosmos.open(database);
    const { resource } = await cosmos.client().database(database).container('engagements').read();
    expect(resource?.partitionKey?.paths).toEqual(['/engagementId']);
  });

  it('uses an existing container and its documents', async () => {
    const database = cosmos.freshDatabase();
    const first = await cosmos.open(database);
    const e = newEngagement();
    const created = await first.create(e);
    const second = await cosmos.open(database);
    expect(await second.get(e.id)).toEqual(created);
  });

  it('refuses a container partitioned by another key, naming the one it needs', async () => {
    const database = cosmos.freshDatabase();
    const settings = cosmosSettings(cosmos.server().endpoint, { database, container: 'by-tenant' });
    const { database: db } = await cosmos.client().databases.createIfNotExists({ id: database });
    await db.containers.createIfNotExists({
      id: 'by-tenant',
      partitionKey: { paths: ['/tenantId'] },
    });
    await expect(openCosmosStore(settings)).rejects.toThrow(
      'The Cosmos DB container ' +
        database +
        '/by-tenant is partitioned by /tenantId; this bot needs /engagementId.',
    );
  });

  it('says the store is unavailable when no server answers', async () => {
    const gone = await startCosmosServer();
    await gone.stop();
    const settings = cosmosSettings(
      gone.endpoint,
      { database: 'db' },
      { clientOptions: { connectionPolicy: { requestTimeout: 1000 } } },
    );
    const opening = openCosmosStore(settings);
    await expect(opening).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(opening).rejects.toThrow(
      `The Cosmos DB container db/engagements cannot be opened (ECONNREFUSED).`,
    );
  });
});
