import pino, { type Logger } from 'pino';

const MAX_LOGGED_URL = 200;

type Loggable = Record<string, unknown>;

const isObject = (v: unknown): v is Loggable => typeof v === 'object' && v !== null;

/**
 * What is logged of an HTTP request, whoever logs it (the app or restify): its method and a
 * shortened URL. Never its headers (the Authorization header carries a token) or its body.
 */
function requestSummary(req: unknown): unknown {
  if (!isObject(req)) return req;
  const url = typeof req.url === 'string' ? req.url.slice(0, MAX_LOGGED_URL) : undefined;
  return { method: req.method, url };
}

function responseSummary(res: unknown): unknown {
  return isObject(res) ? { statusCode: res.statusCode } : res;
}

/**
 * An error as logged: its name, message and codes. Not its own properties, which for HTTP
 * client errors include the request they failed on, with its headers.
 */
function errorSummary(err: unknown): unknown {
  if (!isObject(err)) return err;
  const out: Loggable = { type: err.name, message: err.message };
  for (const key of ['code', 'statusCode', 'substatus'] as const)
    if (typeof err[key] === 'string' || typeof err[key] === 'number') out[key] = err[key];
  return out;
}

export const LOG_SERIALIZERS = { req: requestSummary, res: responseSummary, err: errorSummary };

/**
 * Structured JSON logs. Authorization headers, keys, passwords, request bodies and whole
 * request objects are never written.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'deploy-securely-bot' },
    serializers: LOG_SERIALIZERS,
    redact: {
      paths: [
        'authorization',
        'headers.authorization',
        '*.authorization',
        '*.Authorization',
        '*.headers.authorization',
        '*.key',
        '*.password',
        '*.appPassword',
        '*.token',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
