// First: restify's load must not print Node's DEP0111 warning (see the module).
import './http-parser-warning.js';
import type { Logger } from 'pino';
import restify from 'restify';
import { LOG_SERIALIZERS } from './logger.js';
import { MAX_BODY_BYTES, readJsonBody } from './request-body.js';

/** A POST to /api/messages as the bot sees it: the parsed JSON body and the Authorization header. */
export interface MessageRequest {
  body: Record<string, unknown>;
  authorization: string;
}

/** What to answer: a status and an optional JSON body. */
export interface MessageReply {
  status: number;
  body?: unknown;
}

export type MessageHandler = (request: MessageRequest) => Promise<MessageReply>;

/** What GET /documents/… answers: a document to save (with its file name), or a text saying why not. */
export interface DocumentReply {
  status: number;
  contentType: string;
  filename?: string;
  body: string;
}

export type DocumentHandler = (path: string, query: URLSearchParams) => Promise<DocumentReply>;

export interface ServerOptions {
  port: number;
  host: string;
  version: string;
  storeKind: string;
  logger: Logger;
  handleMessages: MessageHandler;
  /** GET /documents/…: the signed download links the bot hands out. */
  handleDocument?: DocumentHandler;
  /** GET /: what this service is (name, version, where its endpoints are); nothing sensitive. */
  about?: () => Record<string, unknown>;
  /** Largest request body read (bytes as received); larger ones are refused with 413. */
  maxBodyBytes?: number;
  /** The longest the bot works on one request before it answers 503 (see ANSWER_WITHIN_MS). */
  answerWithinMs?: number;
}

export interface RunningServer {
  port: number;
  /** Stops taking requests, lets the ones in flight finish (up to `graceMs`), then closes. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Teams stops waiting for the bot after about 15 s (and then shows the person an error). Every
 * request is answered within 13 s, leaving 2 s for the network between Teams and the bot; the
 * store's own deadline (src/store/deadline.ts) ends well before this one.
 */
export const ANSWER_WITHIN_MS = 13_000;

/** Headers must arrive within 10 s and the whole request within 15 s (slow senders are cut off). */
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 15_000;

type Outcome = { reply: MessageReply } | { failed: unknown } | 'late';

function send(res: restify.Response, reply: MessageReply, headers: Record<string, string> = {}) {
  // An explicit JSON content type: restify never negotiates from the request's Accept header.
  res.header('content-type', 'application/json; charset=utf-8');
  for (const [name, value] of Object.entries(headers)) res.header(name, value);
  if (reply.body === undefined) res.send(reply.status);
  else res.send(reply.status, reply.body);
}

/**
 * The only place that knows restify: POST /api/messages, GET /healthz, GET / (what this service
 * is) and GET /documents/… (signed download links). No body parser runs:
 * the route reads the body itself, bounded (see readJsonBody), so nothing reaches a decoder, a
 * multipart parser or the disk before authentication. restify logs through the app's logger,
 * which writes a request as its method and URL only.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const logger = options.logger.child({ component: 'http' }, { serializers: LOG_SERIALIZERS });
  const server = restify.createServer({
    name: 'deploy-securely-bot',
    log: logger as unknown as restify.ServerOptions['log'],
    handleUncaughtExceptions: false,
  });
  server.server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.server.requestTimeout = REQUEST_TIMEOUT_MS;
  const answerWithinMs = options.answerWithinMs ?? ANSWER_WITHIN_MS;
  let inFlight = 0;
  let stopping = false;

  server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
    if (stopping) {
      send(
        res,
        { status: 503, body: { error: 'The bot is restarting; try again.' } },
        {
          connection: 'close',
        },
      );
      return;
    }
    inFlight++;
    try {
      const read = await readJsonBody(req, options.maxBodyBytes ?? MAX_BODY_BYTES);
      if (!read.ok) {
        logger.info({ status: read.status, reason: read.error }, 'request refused');
        // The rest of a refused body is never read: the connection closes after the answer.
        send(
          res,
          { status: read.status, body: { error: read.error } },
          {
            ...read.headers,
            connection: 'close',
          },
        );
        return;
      }
      const authorization = req.headers.authorization ?? '';
      const handled = options.handleMessages({ body: read.body, authorization }).then(
        (reply): Outcome => ({ reply }),
        (failed: unknown): Outcome => ({ failed }),
      );
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<Outcome>((resolve) => {
        timer = setTimeout(() => resolve('late'), answerWithinMs);
      });
      const outcome = await Promise.race([handled, late]);
      clearTimeout(timer);
      if (outcome === 'late') {
        logger.warn({ afterMs: answerWithinMs }, 'answered 503: the bot did not finish in time');
        send(res, { status: 503, body: { error: 'The bot could not answer in time.' } });
        await handled;
      } else if ('failed' in outcome) {
        logger.error({ err: outcome.failed }, 'request failed');
        send(res, { status: 500, body: { error: 'The bot failed on this request.' } });
      } else send(res, outcome.reply);
    } finally {
      inFlight--;
    }
  });

  server.get('/', async (_req: restify.Request, res: restify.Response) => {
    send(res, { status: 200, body: options.about?.() ?? { name: 'deploy-securely-bot' } });
  });

  const handleDocument = options.handleDocument;
  if (handleDocument) {
    server.get(
      '/documents/:engagementId/:file',
      async (req: restify.Request, res: restify.Response) => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        let reply: DocumentReply;
        try {
          reply = await handleDocument(url.pathname, url.searchParams);
        } catch (err) {
          logger.error({ err }, 'document failed');
          reply = {
            status: 503,
            contentType: 'text/plain; charset=utf-8',
            body: 'The document could not be made now; try the link again in a minute.\n',
          };
        }
        logger.info({ status: reply.status }, 'document request');
        res.writeHead(reply.status, {
          'content-type': reply.contentType,
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
          'referrer-policy': 'no-referrer',
          'content-security-policy':
            "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
          ...(reply.filename
            ? { 'content-disposition': `attachment; filename="${reply.filename}"` }
            : {}),
        });
        res.end(reply.body);
      },
    );
  }

  server.get('/healthz', async (_req: restify.Request, res: restify.Response) => {
    send(res, {
      status: stopping ? 503 : 200,
      body: {
        status: stopping ? 'stopping' : 'ok',
        version: options.version,
        store: options.storeKind,
      },
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address() as { port: number };

  return {
    port: address.port,
    async stop(graceMs = ANSWER_WITHIN_MS) {
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
