import restify from 'restify';

export type MessageHandler = (req: restify.Request, res: restify.Response) => Promise<void>;

export interface ServerOptions {
  port: number;
  host?: string;
  version: string;
  storeKind: string;
  handleMessages: MessageHandler;
  /** Largest request body accepted; a card answer is a few KB. */
  maxBodyBytes?: number;
}

export interface RunningServer {
  port: number;
  /** Stops taking requests, lets the ones in flight finish (up to `graceMs`), then closes. */
  stop(graceMs?: number): Promise<void>;
}

/** The only place that knows restify: POST /api/messages and GET /healthz. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const server = restify.createServer({ name: 'deploy-securely-bot' });
  let inFlight = 0;
  let stopping = false;
  server.use(
    restify.plugins.bodyParser({
      maxBodySize: options.maxBodyBytes ?? 512 * 1024,
      mapParams: false,
    }),
  );

  server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
    if (stopping) {
      res.header('Connection', 'close');
      res.send(503, { error: 'The bot is restarting; Teams will retry.' });
      return;
    }
    inFlight++;
    try {
      await options.handleMessages(req, res);
    } finally {
      inFlight--;
    }
  });

  server.get('/healthz', async (_req: restify.Request, res: restify.Response) => {
    res.send(stopping ? 503 : 200, {
      status: stopping ? 'stopping' : 'ok',
      version: options.version,
      store: options.storeKind,
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  const address = server.address() as { port: number };

  return {
    port: address.port,
    async stop(graceMs = 10_000) {
      stopping = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const deadline = Date.now() + graceMs;
      while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      server.server.closeIdleConnections?.();
      if (inFlight > 0) server.server.closeAllConnections?.();
      await closed;
    },
  };
}
