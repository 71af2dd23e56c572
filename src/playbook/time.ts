import { DateTime, IANAZone } from 'luxon';

/**
 * Instants, calendar dates and IANA time zones: checked, converted and said one way, by the
 * playbook's summaries, the door's date inputs and the cards alike.
 */

/** The runtime's canonical zone names: most zones people send are found here without a formatter. */
const CANONICAL_ZONES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('timeZone'));

/** An IANA time zone name the runtime knows, like Europe/Paris (or an alias, like Asia/Calcutta). */
export function isTimeZone(zone: string): boolean {
  if (!zone) return false;
  if (CANONICAL_ZONES.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date yyyy-mm-dd that exists. */
export function isIsoDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(text);
}

/** An instant written as ISO 8601 with a date and a time. */
export function isIsoInstant(text: string): boolean {
  return !Number.isNaN(Date.parse(text)) && /^\d{4}-\d{2}-\d{2}T/.test(text);
}

/**
 * An instant in an IANA zone; in UTC when the zone is missing or unknown. Luxon keeps each zone it
 * was asked for, with its formatter, so a zone is looked up once, not at every instant said.
 * Zones reach here checked: a person's when their activity is read, stored ones when entered.
 */
function inZone(instant: DateTime, zone: string | undefined): DateTime {
  if (!zone || !instant.isValid) return instant;
  const local = instant.setZone(IANAZone.create(zone));
  return local.isValid ? local : instant;
}

/** The calendar date (yyyy-mm-dd) of `now` in an IANA zone; in UTC when the zone is unknown. */
export function dateIn(now: Date, zone: string | undefined): string {
  return inZone(DateTime.fromJSDate(now, { zone: 'utc' }), zone).toISODate() ?? '';
}

/** An instant as the bot stores them (Date#toISOString); read without luxon's general parser. */
const STORED_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

function fromIso(iso: string): DateTime {
  if (STORED_INSTANT.test(iso)) {
    const ms = Date.parse(iso);
    // A date that does not exist (30 February) is not read as the one after it.
    if (!Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 19) === iso.slice(0, 19))
      return DateTime.fromMillis(ms, { zone: 'utc' });
  }
  return DateTime.fromISO(iso, { zone: 'utc' });
}

/**
 * "Mon, 1 Jun 2026, 14:00 (Europe/Paris)": an instant as a person in that zone reads it (UTC when
 * the zone is missing or unknown); the text as given when it is not an instant.
 */
export function sayInstant(iso: string, zone: string | undefined): string {
  const dt = inZone(fromIso(iso), zone);
  if (!dt.isValid) return iso;
  return `${dt.toFormat('ccc, d LLL yyyy, HH:mm', { locale: 'en-GB' })} (${dt.zoneName ?? 'UTC'})`;
}

/**
 * An instant in the zone it was set in and, when another, in the reader's own zone:
 * "Mon, 1 Jun 2026, 10:00 (Europe/Paris); 09:00 your time (Europe/London)". The reader's date
 * is named when it is not the same day.
 */
export function sayInstantFor(iso: string, zone: string | undefined, readerZone?: string): string {
  const said = sayInstant(iso, zone);
  const set = inZone(fromIso(iso), zone);
  if (!readerZone || !isTimeZone(readerZone) || !set.isValid || readerZone === set.zoneName)
    return said;
  const theirs = inZone(fromIso(iso), readerZone);
  if (!theirs.isValid) return said;
  const sameDay = theirs.toFormat('yyyy-LL-dd') === set.toFormat('yyyy-LL-dd');
  const format = sameDay ? 'HH:mm' : 'ccc, d LLL, HH:mm';
  return `${said}; ${theirs.toFormat(format, { locale: 'en-GB' })} your time (${readerZone})`;
}

/** "4 Mar 2025" for a calendar date (yyyy-mm-dd); the text as given when it is not one. */
export function sayDate(isoDate: string): string {
  const dt = DateTime.fromISO(isoDate, { zone: 'utc' });
  return dt.isValid ? dt.toFormat('d LLL yyyy', { locale: 'en-GB' }) : isoDate;
}

/** The local date (yyyy-mm-dd) and time (HH:mm) of an instant in a zone, as date and time inputs hold them. */
export function localDateAndTime(iso: string, zone: string): { date: string; time: string } {
  const dt = inZone(fromIso(iso), zone);
  if (!dt.isValid) return { date: '', time: '' };
  const two = (n: number) => String(n).padStart(2, '0');
  return { date: dt.toISODate() ?? '', time: `${two(dt.hour)}:${two(dt.minute)}` };
}

/**
 * The instant (ISO 8601, UTC) of a local date and time in a zone, or what is wrong with them.
 * A time that does not exist in the zone (the hour skipped when clocks go forward) is refused.
 */
export function instantIn(
  date: string,
  time: string,
  zone: string,
): { iso: string } | { invalid: string } {
  if (!isTimeZone(zone))
    return {
      invalid: `"${zone.slice(0, 64)}" is not a time zone I know: use an IANA name like Europe/Paris.`,
    };
  const local = DateTime.fromISO(`${date}T${time}`, { zone });
  if (!local.isValid || local.toFormat('yyyy-LL-dd HH:mm') !== `${date} ${time}`) {
    return {
      invalid: `${date} ${time} does not exist in ${zone} (the clocks change then): choose another time.`,
    };
  }
  return { iso: local.toUTC().toISO() ?? '' };
}
