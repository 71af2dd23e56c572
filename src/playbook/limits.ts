/**
 * How much one engagement may hold. With every list and text at its cap (plain text), a document
 * stays under the store's 2,000,000-byte guard, below Cosmos DB's 2 MB; see docs/data-model.md.
 */
export const LIMITS = {
  name: 120,
  customer: 120,
  shortText: 500,
  longText: 2000,
  people: 200,
  saasApps: 50,
  attendees: 60,
  /** Follow-ups not cancelled. */
  followUps: 60,
  /** Follow-ups kept in the list, cancelled ones included: the oldest cancelled make room. */
  followUpRecords: 70,
  questions: 100,
  handoffRevisions: 20,
  history: 400,
  /** Bytes of one history line. */
  historyLine: 400,
  /** Bytes of why a reminder could not be delivered. */
  errorText: 200,
  appliedActivityIds: 500,
  /** Bytes of the link that opens the chat (Teams' chat and channel links take 100 to 300). */
  chatUrl: 1000,
} as const;
