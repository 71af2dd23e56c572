import type { Engagement, ReopenedItem, Stamp } from './engagement.js';
import { LIMITS } from './limits.js';
import { clipBytes } from './text-size.js';

/** Something done that a change takes back: how it reads, who had done it, and how to undo it. */
export interface ToReopen extends ReopenedItem {
  undo: (draft: Engagement) => void;
}

/**
 * Reopens done work a change no longer supports: each item is undone on the draft and kept in
 * `superseded` with who had done it, under the change's stamp and reason. Returns what reads in
 * the answer ("reopened: …"), empty when nothing was reopened.
 */
export function reopen(draft: Engagement, by: Stamp, reason: string, items: ToReopen[]): string {
  if (items.length === 0) return '';
  for (const item of items) item.undo(draft);
  draft.superseded.push({
    ...by,
    reason,
    items: items.map(({ what, was, detail }) => ({
      what,
      was: { by: was.by, byName: was.byName, at: was.at },
      ...(detail ? { detail: clipBytes(detail, 200) } : {}),
    })),
  });
  if (draft.superseded.length > LIMITS.superseded)
    draft.superseded.splice(0, draft.superseded.length - LIMITS.superseded);
  return `; reopened: ${items.map((i) => i.what).join('; ')}`;
}
