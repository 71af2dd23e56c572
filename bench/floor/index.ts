/**
 * The floor: the least a card answer can cost on this stack. CloudAdapter + restify, one point
 * read and one ETag-conditional replace of a small document in Cosmos DB, a small Adaptive Card,
 * the shared card updated in place through the connector and the clicker's view in the invoke
 * response. No playbook, no templates, no logging. Unauthenticated like the bot without
 * MicrosoftAppId: a bench tool on loopback, never a deployment.
 * Settings: PORT, COSMOS_ENDPOINT, COSMOS_KEY, COSMOS_DATABASE, COSMOS_CONTAINER.
 */
import {
  ActivityTypes,
  CardFactory,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type TurnContext,
} from 'botbuilder';
import { CosmosClient } from '@azure/cosmos';
import restify from 'restify';
import { answerCard, sharedCard } from './cards.js';
import { FloorStore } from './store.js';

const invokeResponse = (status: number, body: unknown) => ({
  type: ActivityTypes.InvokeResponse,
  value: { status, body },
});

async function answer(store: FloorStore, context: TurnContext): Promise<void> {
  const a = context.activity;
  const value = a.value as { action?: { verb?: string; data?: { topics?: unknown } } } | undefined;
  if (a.type !== 'invoke' || value?.action?.verb !== 'agenda.acknowledge' || !a.from.aadObjectId) {
    if (a.type === 'invoke') await context.sendActivity(invokeResponse(400, undefined));
    return;
  }
  const topics = String(value.action.data?.topics ?? '')
    .split(',')
    .filter(Boolean);
  const name = a.from.name ?? 'Someone';
  const doc = await store.acknowledge(a.conversation.id, { id: a.from.aadObjectId, name }, topics);
  if (a.replyToId)
    await context.updateActivity({
      type: ActivityTypes.Message,
      id: a.replyToId,
      attachments: [CardFactory.adaptiveCard(sharedCard(doc))],
    });
  await context.sendActivity(
    invokeResponse(200, {
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
      value: answerCard(doc, name, topics),
    }),
  );
}

async function main(): Promise<void> {
  const env = process.env;
  const client = new CosmosClient({
    endpoint: env.COSMOS_ENDPOINT ?? '',
    key: env.COSMOS_KEY ?? '',
  });
  const { database } = await client.databases.createIfNotExists({
    id: env.COSMOS_DATABASE ?? 'floor',
  });
  const { container } = await database.containers.createIfNotExists({
    id: env.COSMOS_CONTAINER ?? 'acks',
    partitionKey: { paths: ['/engagementId'] },
  });
  const store = new FloorStore(container);
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const server = restify.createServer();
  // restify 11's body reader takes maxBodySize; @types/restify (version 8) does not list it.
  const bodyOptions = { mapParams: false, maxBodySize: 512 * 1024 };
  server.use(restify.plugins.jsonBodyParser(bodyOptions));
  server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
    await adapter.process(req, res, (context) => answer(store, context));
  });
  server.get('/healthz', async (_req: restify.Request, res: restify.Response) => {
    res.send(200, { status: 'ok' });
  });
  server.listen(Number(env.PORT ?? 0), '127.0.0.1');
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err: Error) => {
  console.error(`The floor bot could not start: ${err.message}`);
  process.exit(1);
});
