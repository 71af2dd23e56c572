import { DateTime } from 'luxon';
import type { Stamp } from '../playbook/engagement.js';

/** "Tue 4 Mar 2025, 15:00 GMT+1" in the given IANA zone; the raw text if it is not a date. */
export function formatInstant(iso: string, zone: string): string {
  const dt = DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone);
  if (!dt.isValid) return iso;
  return dt.toFormat('ccc d LLL yyyy, HH:mm ZZZZ', { locale: 'en-GB' });
}

/** "4 Mar 2025" for a calendar date (yyyy-mm-dd). */
export function formatDate(isoDate: string): string {
  const dt = DateTime.fromISO(isoDate, { zone: 'utc' });
  return dt.isValid ? dt.toFormat('d LLL yyyy', { locale: 'en-GB' }) : isoDate;
}

/** The date (yyyy-mm-dd) and time (HH:mm) of an instant in a zone, for Input.Date / Input.Time values. */
export function dateAndTime(iso: string, zone: string): { date: string; time: string } {
  const dt = DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone);
  if (!dt.isValid) return { date: '', time: '' };
  return { date: dt.toFormat('yyyy-LL-dd'), time: dt.toFormat('HH:mm') };
}

/** "Ana Ruiz, 4 Mar 2025, 14:00 UTC": who did it and when. */
export function byWhen(s: Stamp, zone: string): string {
  return `${s.byName}, ${formatInstant(s.at, zone).replace(/^\w{3} /, '')}`;
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

/** At most `max` characters of a text, with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** 2,400 — numbers as a person reads them. */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * The first items whose estimated size fits the budget (characters of card JSON), so a card with
 * the longest names and texts the playbook allows still stays under Teams' 28 KB.
 */
export function fitting<T>(items: readonly T[], budget: number, overhead = 0): T[] {
  const out: T[] = [];
  let used = 0;
  for (const item of items) {
    used += JSON.stringify(item).length + overhead;
    if (used > budget) break;
    out.push(item);
  }
  return out;
}
