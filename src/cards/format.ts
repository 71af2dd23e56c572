import type { Stamp } from '../playbook/engagement.js';
import { clipBytes } from '../playbook/text-size.js';
import { sayInstant } from '../playbook/time.js';
import { NAME_BYTES, typed } from './text.js';

/** "Ana Ruiz, Tue, 4 Mar 2025, 14:00 (UTC)": who did it and when (the name as text). */
export function byWhen(s: Stamp, zone: string): string {
  return `${typed(s.byName, NAME_BYTES)}, ${sayInstant(s.at, zone)}`;
}

/** "Ana, Ben and 3 more" — a list that stays short on a card. */
export function names(list: readonly string[], max = 6): string {
  if (list.length === 0) return '';
  const shown = list.slice(0, max);
  const rest = list.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  if (shown.length === 1) return shown[0] ?? '';
  return `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}

/** At most `max` bytes of card JSON of a text not read as Markdown (a choice title), with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  return clipBytes(text, max);
}

/** 2,400 — numbers as a person reads them. */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * The first items whose size fits the budget (UTF-8 bytes of card JSON, as Teams counts a card),
 * so a card with the longest names and texts the playbook allows still stays under Teams' 28 KB.
 */
export function fitting<T>(items: readonly T[], budget: number, overhead = 0): T[] {
  const out: T[] = [];
  let used = 0;
  for (const item of items) {
    used += Buffer.byteLength(JSON.stringify(item), 'utf8') + overhead;
    if (used > budget) break;
    out.push(item);
  }
  return out;
}
