/** What the Cosmos DB adapter reads off stored documents and off the SDK's errors. */
import type { ItemDefinition } from '@azure/cosmos';
import { fromStored } from './document.js';
import { StoreUnavailableError, type Versioned } from './store.js';

const SYSTEM_PROPERTIES = ['_rid', '_self', '_etag', '_attachments', '_ts'] as const;

/** A stored document without Cosmos's own fields, and its version tag. */
export function withoutSystemFields(
  doc: ItemDefinition,
  etag: string | undefined,
): { doc: Record<string, unknown>; etag: string } {
  const own: Record<string, unknown> = { ...doc };
  const tag = etag ?? (typeof doc._etag === 'string' ? doc._etag : undefined);
  for (const p of SYSTEM_PROPERTIES) delete own[p];
  if (!tag)
    throw new StoreUnavailableError(
      'Not saved: the database answered without a version tag. Please try again.',
    );
  return { doc: own, etag: tag };
}

/** The engagement as the application knows it: read as the current schema version. */
export function toVersioned(doc: ItemDefinition, etag: string | undefined): Versioned {
  const stored = withoutSystemFields(doc, etag);
  return { engagement: fromStored(stored.doc), etag: stored.etag };
}

export function field(err: unknown, name: string): unknown {
  return typeof err === 'object' && err !== null
    ? (err as Record<string, unknown>)[name]
    : undefined;
}

/** The HTTP status of an SDK error (a number), or its network code (e.g. "ECONNREFUSED"). */
export function statusOf(err: unknown): unknown {
  return field(err, 'code');
}

/** 412: written by someone else since it was read; 404: deleted meanwhile. */
export const isConflict = (err: unknown) => statusOf(err) === 412 || statusOf(err) === 404;
