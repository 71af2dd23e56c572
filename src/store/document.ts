import type { Engagement } from '../playbook/engagement.js';
import { EngagementTooLargeError } from './store.js';

/**
 * The most one engagement document may weigh, as UTF-8 JSON. Cosmos DB refuses items over 2 MB
 * (2,097,152 bytes, system properties included); 2,000,000 leaves 97 KB for those (a few hundred
 * bytes) and a margin, and both adapters refuse at the same size so the embedded store cannot
 * accept what Cosmos would not.
 */
export const MAX_DOCUMENT_BYTES = 2_000_000;

/** The JSON size of an engagement in bytes. */
export function documentBytes(engagement: Engagement): number {
  return Buffer.byteLength(JSON.stringify(engagement), 'utf8');
}

/**
 * Checks what every write must hold before it leaves the process: id and partition key agree, and
 * the document fits. Throws EngagementTooLargeError (a StoreUnavailableError) when it does not fit.
 */
export function checkDocument(engagement: Engagement, limit = MAX_DOCUMENT_BYTES): void {
  if (!engagement.id || engagement.id !== engagement.engagementId) {
    throw new TypeError(
      'An engagement document needs id equal to engagementId (its partition key).',
    );
  }
  const bytes = documentBytes(engagement);
  if (bytes > limit) throw new EngagementTooLargeError(bytes, limit, engagement.id);
}
