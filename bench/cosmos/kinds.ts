/** What a request to the Cosmos DB server did, as the bench counts it. */
export const REQUEST_KINDS = [
  'read',
  'replaceIfMatch',
  'replace',
  'create',
  'upsert',
  'patch',
  'delete',
  'batch',
  'query',
  'readFeed',
  'meta',
] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
export type RequestCounts = Record<RequestKind, number>;

export function countsBetween(before: RequestCounts, after: RequestCounts): RequestCounts {
  return Object.fromEntries(REQUEST_KINDS.map((k) => [k, after[k] - before[k]])) as RequestCounts;
}

/** "1 GET + 1 PUT(If-Match)" per answer, naming only the kinds that occurred. */
export function describeCounts(counts: RequestCounts, answers: number): string {
  const label: Record<RequestKind, string> = {
    read: 'GET',
    replaceIfMatch: 'PUT(If-Match)',
    replace: 'PUT',
    create: 'POST(create)',
    upsert: 'POST(upsert)',
    patch: 'PATCH',
    delete: 'DELETE',
    batch: 'POST(batch)',
    query: 'POST(query)',
    readFeed: 'GET(feed)',
    meta: 'meta',
  };
  const parts = REQUEST_KINDS.filter((k) => counts[k] > 0).map((k) => {
    const per = counts[k] / answers;
    return `${Number.isInteger(per) ? per : per.toFixed(2)} ${label[k]}`;
  });
  return parts.length ? parts.join(' + ') : 'none';
}
