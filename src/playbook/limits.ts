/** How much a person may type, so one engagement stays far below Cosmos DB's 2 MB per document. */
export const LIMITS = {
  name: 120,
  customer: 120,
  shortText: 500,
  longText: 2000,
  people: 200,
  saasApps: 50,
  attendees: 60,
  followUps: 100,
  questions: 300,
  handoffRevisions: 50,
  history: 2000,
  appliedActivityIds: 500,
} as const;
