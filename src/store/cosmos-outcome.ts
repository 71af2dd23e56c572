import type { Engagement } from '../playbook/engagement.js';
import { StoreConflictError, StoreOutcomeUnknownError, type Versioned } from './store.js';

/** Network errors raised before a request could reach the database. */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);

/**
 * Whether a failed write may still have been applied by the database. A status the database
 * answered with says it was not (429 throttled, 503 unavailable, 4xx refused), except a
 * timeout (408) or an internal error. A connection refused before sending says it was not. A
 * request given up while waiting for its answer (our deadline), or whose connection broke while
 * waiting, may have reached the database and be applied there.
 */
export function mayHaveApplied(err: unknown): boolean {
  const e = err as { code?: unknown; name?: unknown } | undefined;
  if (e?.name === 'AbortError') return true;
  if (typeof e?.code === 'number') return e.code === 408 || (e.code >= 500 && e.code !== 503);
  if (typeof e?.code === 'string') return !NEVER_SENT.has(e.code);
  return true;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = canonical(v);
  }
  return out;
}

/** The same document, whatever the order of its properties (the database may reorder them). */
export function sameDocument(a: Engagement, b: Engagement): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

export interface OutcomeProbe {
  /** Reads the engagement as stored now. */
  read(): Promise<Versioned | undefined>;
  /** Writes `engagement` unchanged, on condition that its version is still `etag`. */
  fence(engagement: Engagement, etag: string): Promise<void>;
  /** Whether an error from `fence` is a lost condition (412 or 404). */
  isConflict(err: unknown): boolean;
}

/**
 * After a conditional write whose outcome is unknown (`wrote` on version `etag`), finds out
 * whether it was applied, and makes sure it never will be if it was not:
 * - the stored version changed and holds what was written: it was applied; returns it;
 * - the stored version changed to something else: the write can no longer be applied (its
 *   condition is stale); StoreConflictError, so the change is decided again on the fresh version;
 * - the stored version is still `etag`: writes it back unchanged on that same condition (a fence).
 *   The database applies one of the two conditional writes and refuses the other; if the fence
 *   won, the lost write can never be applied and `undefined` says "not saved".
 * Throws StoreOutcomeUnknownError when the database does not answer these questions either.
 */
export async function settleWrite(
  probe: OutcomeProbe,
  wrote: Engagement,
  etag: string,
): Promise<Versioned | undefined> {
  try {
    let current = await probe.read();
    if (current?.etag === etag) {
      try {
        await probe.fence(current.engagement, etag);
        return undefined;
      } catch (err) {
        if (!probe.isConflict(err)) throw err;
        current = await probe.read();
      }
    }
    if (current && sameDocument(current.engagement, wrote)) return current;
    throw new StoreConflictError();
  } catch (err) {
    if (err instanceof StoreConflictError) throw err;
    throw new StoreOutcomeUnknownError({ cause: err });
  }
}

/**
 * After a create whose outcome is unknown: the stored engagement if it is the one written;
 * StoreConflictError if another one is there. With none there yet, a create still on its way
 * cannot be fenced off, so the outcome stays unknown.
 */
export async function settleCreate(
  probe: Pick<OutcomeProbe, 'read'>,
  wrote: Engagement,
): Promise<Versioned> {
  let current: Versioned | undefined;
  try {
    current = await probe.read();
  } catch (err) {
    throw new StoreOutcomeUnknownError({ cause: err });
  }
  if (!current) throw new StoreOutcomeUnknownError();
  if (sameDocument(current.engagement, wrote)) return current;
  throw new StoreConflictError('An engagement with this id already exists.');
}

/**
 * After a conditional delete whose outcome is unknown (on version `etag`): true when the
 * engagement is gone. Still there on `etag`, it is written back unchanged on that condition (a
 * fence), so the delete can never be applied later: false, "not deleted". Changed since, the
 * delete's condition is stale: StoreConflictError, to decide again. Unanswered: outcome unknown.
 */
export async function settleDelete(probe: OutcomeProbe, etag: string): Promise<boolean> {
  try {
    const current = await probe.read();
    if (!current) return true;
    if (current.etag !== etag) throw new StoreConflictError();
    try {
      await probe.fence(current.engagement, etag);
      return false;
    } catch (err) {
      if (!probe.isConflict(err)) throw err;
      if (!(await probe.read())) return true;
      throw new StoreConflictError();
    }
  } catch (err) {
    if (err instanceof StoreConflictError) throw err;
    throw new StoreOutcomeUnknownError({ cause: err });
  }
}
