import { refuse, type Refusal } from '../refusal.js';

/** A refusal when a text is longer than its limit, naming the field and the limit. */
export function tooLong(field: string, text: string, limit: number): Refusal | undefined {
  if (text.length <= limit) return undefined;
  return refuse('invalid', `The ${field} is ${text.length} characters long; at most ${limit} fit.`);
}

/** A refusal when a required text is empty. */
export function required(field: string, text: string | undefined): Refusal | undefined {
  if (text && text.trim()) return undefined;
  return refuse('invalid', `The ${field} is required.`);
}

/** An IANA time zone name the runtime knows, like Europe/Paris. */
export function isTimeZone(zone: string): boolean {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(text);
}

/** The calendar date (yyyy-mm-dd) of `now` in an IANA zone; in UTC when the zone is unknown. */
export function dateIn(now: Date, zone: string | undefined): string {
  try {
    if (zone) return new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(now);
  } catch {
    // An unknown zone: UTC below.
  }
  return now.toISOString().slice(0, 10);
}

/** "Mon, 1 Jun 2026, 14:00 (Europe/Paris)": an instant as the person who typed it reads it. */
export function localTime(iso: string, zone: string | undefined): string {
  try {
    if (zone) {
      const text = new Intl.DateTimeFormat('en-GB', {
        timeZone: zone,
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(new Date(iso));
      return `${text} (${zone})`;
    }
  } catch {
    // An unknown zone: the instant as stored.
  }
  return iso;
}

export function isIsoInstant(text: string): boolean {
  return !Number.isNaN(Date.parse(text)) && /^\d{4}-\d{2}-\d{2}T/.test(text);
}
