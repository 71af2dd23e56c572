import { NEXT_PHASES } from './catalog.js';
import type { Engagement } from './engagement.js';

/** The schema version this playbook writes. */
export const SCHEMA_VERSION = 2;

type Doc = Record<string, unknown>;
const isDoc = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);
const part = (doc: Doc, key: string): Doc => (isDoc(doc[key]) ? doc[key] : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * A stored engagement as this playbook reads it. A version-1 document gets what version 2 added,
 * with what version 1 meant: no stakeholders recorded as invited (a conversation scheduled but not
 * delivered needs its invitees before delivery), no earlier decisions kept, a block-all removal
 * that counts as after synchronization only if sync was marked ready before it, moving on to all
 * three next phases, and hand-off revisions that keep the MFA approach and count typed then.
 * People recorded before the bot kept each person's tenant are of the tenant hosting the chat
 * (the only one that could act then); what Teams' member list said of anyone later (their
 * tenant, account kind, address, leaving the chat, former roles) is kept as it was.
 * A version-2 document is returned as it is. The given document is never changed.
 */
export function upgrade(stored: unknown): Engagement {
  if (!isDoc(stored) || stored.schemaVersion === SCHEMA_VERSION) return stored as Engagement;
  const doc = structuredClone(stored);
  const conversation = part(doc, 'conversation');
  const identity = part(doc, 'identity');
  const workshop = part(doc, 'workshop');
  conversation.invited = list(conversation.invited);
  identity.authMethodHistory = list(identity.authMethodHistory);
  workshop.totalLowered = list(workshop.totalLowered);
  const removed = workshop.blockAllRemoved;
  if (isDoc(removed)) {
    const sync = identity.syncReady;
    removed.syncWasReady =
      isDoc(sync) && typeof sync.at === 'string' && typeof removed.at === 'string'
        ? sync.at <= removed.at
        : false;
  }
  const people = part(doc, 'people');
  const host = doc.tenantId;
  for (const person of Object.values(people)) {
    if (isDoc(person) && typeof person.homeTenantId !== 'string' && typeof host === 'string')
      person.homeTenantId = host;
  }
  const movedOn = doc.movedOn;
  if (isDoc(movedOn) && !Array.isArray(movedOn.phases)) movedOn.phases = [...NEXT_PHASES];
  return {
    ...doc,
    people,
    conversation,
    identity,
    workshop,
    superseded: list(doc.superseded),
    schemaVersion: SCHEMA_VERSION,
  } as unknown as Engagement;
}
