/** The Cosmos DB adapter's index documents: point reads and conditional writes beside the engagements. */
import type { Container, ItemDefinition } from '@azure/cosmos';
import type { IndexDocument } from '../playbook/people-index.js';
import { isConflict, statusOf, toVersioned } from './cosmos-documents.js';
import { StoreConflictError, type VersionedIndex } from './store.js';

function versioned(doc: ItemDefinition, etag: string | undefined): VersionedIndex {
  const { engagement, etag: tag } = toVersioned(doc, etag);
  return { doc: engagement as unknown as IndexDocument, etag: tag };
}

/** A point read by key (id = partition key value); undefined when there is none. */
export async function readIndex(
  container: Container,
  key: string,
  abortSignal: AbortSignal,
): Promise<VersionedIndex | undefined> {
  try {
    const response = await container.item(key, key).read({ abortSignal });
    const type: unknown = response.resource?.type;
    if (response.statusCode === 404 || (type !== 'personIndex' && type !== 'mailIndex'))
      return undefined;
    return versioned(response.resource, response.etag);
  } catch (err) {
    if (statusOf(err) === 404) return undefined;
    throw err;
  }
}

/** Creates (no `etag`) or replaces on `etag`; StoreConflictError when someone wrote first. */
export async function writeIndex(
  container: Container,
  doc: IndexDocument,
  etag: string | undefined,
  abortSignal: AbortSignal,
): Promise<VersionedIndex> {
  if (!doc.id || doc.id !== doc.engagementId)
    throw new TypeError('An index document needs id equal to engagementId (its partition key).');
  try {
    const response =
      etag === undefined
        ? await container.items.create(doc, { disableAutomaticIdGeneration: true, abortSignal })
        : await container.item(doc.id, doc.engagementId).replace(doc, {
            accessCondition: { type: 'IfMatch', condition: etag },
            abortSignal,
          });
    return versioned(response.resource ?? doc, response.etag);
  } catch (err) {
    if (statusOf(err) === 409 || isConflict(err))
      throw new StoreConflictError('The index changed while saving.');
    throw err;
  }
}
