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
  const movedOn = doc.movedOn;
  if (isDoc(movedOn) && !Array.isArray(movedOn.phases)) movedOn.phases = [...NEXT_PHASES];
  return {
    ...doc,
    conversation,
    identity,
    workshop,
    superseded: list(doc.superseded),
    schemaVersion: SCHEMA_VERSION,
  } as unknown as Engagement;
}
