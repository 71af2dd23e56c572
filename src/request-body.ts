import type { IncomingMessage } from 'node:http';

/**
 * The largest body /api/messages reads. A Teams activity is a few KB; the largest card answer the
 * door accepts is 64,000 characters, which is at most 192 KB of JSON for text in any script
 * (3 UTF-8 bytes per character). Anything larger is refused before it is read.
 */
export const MAX_BODY_BYTES = 256 * 1024;

/** Activities nest a few levels deep; deeper JSON is not an activity and would only cost stack. */
export const MAX_JSON_DEPTH = 64;

export type BodyRefusal = {
  status: 400 | 413 | 415;
  error: string;
  headers?: Record<string, string>;
};
export type BodyResult =
  { ok: true; body: Record<string, unknown> } | ({ ok: false } & BodyRefusal);

const refuse = (
  status: BodyRefusal['status'],
  error: string,
  headers?: Record<string, string>,
): BodyResult => ({ ok: false, status, error, ...(headers ? { headers } : {}) });

/** `application/json`, optionally with `charset=utf-8`: what the Bot Framework sends. */
function isJson(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const [type, ...params] = contentType.split(';').map((p) => p.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((p) => !p.startsWith('charset=') || /^charset="?utf-8"?$/.test(p));
}

/**
 * Only the identity encoding is read. Compressed bodies are refused rather than decoded: the
 * Bot Framework does not compress what it sends, and decoding before authentication would let
 * anyone spend the bot's memory and CPU (a few KB of gzip inflate to gigabytes).
 */
function isIdentity(contentEncoding: string | undefined): boolean {
  const encoding = (contentEncoding ?? '').trim().toLowerCase();
  return encoding === '' || encoding === 'identity';
}

/** Deeper than `max` levels of arrays/objects, counted outside strings, in one linear pass. */
function tooDeep(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** Collects at most `maxBytes` of the body; `undefined` when there is more (or it broke off). */
function collect(
  req: IncomingMessage,
  maxBytes: number,
): Promise<Buffer | 'too large' | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (result: Buffer | 'too large' | undefined) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onFail);
      req.off('aborted', onFail);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.pause();
        done('too large');
      } else chunks.push(chunk);
    };
    const onEnd = () => done(Buffer.concat(chunks, size));
    const onFail = () => done(undefined);
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onFail);
    req.on('aborted', onFail);
  });
}

/**
 * Reads a JSON object from the request, deciding from the headers what is read at all: JSON only,
 * no compression, no more than `maxBytes` as received. Nothing is written to disk and nothing is
 * decoded but UTF-8 JSON. Never throws.
 */
export async function readJsonBody(
  req: IncomingMessage,
  maxBytes = MAX_BODY_BYTES,
): Promise<BodyResult> {
  if (!isJson(req.headers['content-type']))
    return refuse(415, 'Send the activity as application/json.');
  if (!isIdentity(req.headers['content-encoding']))
    return refuse(415, 'Compressed bodies are not accepted.', { 'accept-encoding': 'identity' });
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes)
    return refuse(413, `The body is larger than ${maxBytes} bytes.`);
  const raw = await collect(req, maxBytes);
  if (raw === 'too large') return refuse(413, `The body is larger than ${maxBytes} bytes.`);
  if (!raw || raw.length === 0) return refuse(400, 'The body is empty or was cut off.');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return refuse(400, 'The body is not UTF-8.');
  }
  if (tooDeep(text, MAX_JSON_DEPTH)) return refuse(400, 'The JSON is nested too deeply.');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return refuse(400, 'The body is not valid JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return refuse(400, 'The body must be a JSON object.');
  return { ok: true, body: body as Record<string, unknown> };
}
