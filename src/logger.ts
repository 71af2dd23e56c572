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

const LEVELS: Readonly<Record<number, string>> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO ',
  40: 'WARN ',
  50: 'ERROR',
  60: 'FATAL',
};
/** Fields every line has, shown in the line's head or not at all. */
const HEAD = new Set(['level', 'time', 'msg', 'service', 'pid', 'hostname']);

function shown(value: unknown): string {
  if (typeof value === 'string') return /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
  return JSON.stringify(value) ?? String(value);
}

/**
 * One JSON log line as a person reads it on a terminal: "12:03:04 INFO  message  key=value …".
 * A line that is not JSON is kept as it is.
 */
export function prettyLine(line: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  const time =
    typeof entry.time === 'number' ? new Date(entry.time).toISOString().slice(11, 19) : '';
  const level = LEVELS[entry.level as number] ?? String(entry.level);
  const rest = Object.entries(entry)
    .filter(([key]) => !HEAD.has(key))
    .map(([key, value]) => `${key}=${shown(value)}`);
  return [time, level, String(entry.msg ?? ''), ...(rest.length ? [` ${rest.join(' ')}`] : [])]
    .join(' ')
    .trimEnd();
}

/** A destination that writes each log line through prettyLine (for a terminal). */
export function prettyDestination(out: { write(text: string): unknown }): pino.DestinationStream {
  return {
    write(text: string) {
      for (const line of text.split('\n')) if (line) out.write(`${prettyLine(line)}\n`);
    },
  };
}

/**
 * Structured JSON logs (human-readable lines instead with `pretty`, for a terminal).
 * Authorization headers, keys, passwords, request bodies and whole request objects are never
 * written.
 */
export function createLogger(
  level: string,
  destination?: pino.DestinationStream,
  pretty = false,
): Logger {
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
  const out = destination ?? (pretty ? prettyDestination(process.stdout) : undefined);
  return out ? pino(options, out) : pino(options);
}
