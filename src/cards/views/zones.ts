import { isTimeZone } from '../../playbook/time.js';

/**
 * The time zones a picker offers: one or more per region where engagements run, by IANA name
 * (a filtered choice list, so people type a few letters of their city). Every card stays under
 * Teams' size limit with this list, which all of Intl's 400-odd names would not.
 */
export const COMMON_TIME_ZONES = [
  'UTC',
  'Europe/London',
  'Europe/Dublin',
  'Europe/Lisbon',
  'Europe/Paris',
  'Europe/Brussels',
  'Europe/Amsterdam',
  'Europe/Berlin',
  'Europe/Zurich',
  'Europe/Vienna',
  'Europe/Madrid',
  'Europe/Rome',
  'Europe/Copenhagen',
  'Europe/Oslo',
  'Europe/Stockholm',
  'Europe/Helsinki',
  'Europe/Warsaw',
  'Europe/Prague',
  'Europe/Budapest',
  'Europe/Bucharest',
  'Europe/Athens',
  'Europe/Istanbul',
  'Europe/Kyiv',
  'Europe/Moscow',
  'Africa/Casablanca',
  'Africa/Lagos',
  'Africa/Cairo',
  'Africa/Johannesburg',
  'Africa/Nairobi',
  'Asia/Jerusalem',
  'Asia/Riyadh',
  'Asia/Dubai',
  'Asia/Tehran',
  'Asia/Karachi',
  'Asia/Kolkata',
  'Asia/Dhaka',
  'Asia/Bangkok',
  'Asia/Jakarta',
  'Asia/Singapore',
  'Asia/Kuala_Lumpur',
  'Asia/Manila',
  'Asia/Hong_Kong',
  'Asia/Shanghai',
  'Asia/Taipei',
  'Asia/Seoul',
  'Asia/Tokyo',
  'Australia/Perth',
  'Australia/Adelaide',
  'Australia/Brisbane',
  'Australia/Sydney',
  'Australia/Melbourne',
  'Pacific/Auckland',
  'Pacific/Honolulu',
  'America/Anchorage',
  'America/Los_Angeles',
  'America/Vancouver',
  'America/Phoenix',
  'America/Denver',
  'America/Chicago',
  'America/Mexico_City',
  'America/Toronto',
  'America/New_York',
  'America/Halifax',
  'America/Bogota',
  'America/Lima',
  'America/Santiago',
  'America/Buenos_Aires',
  'America/Sao_Paulo',
  'Atlantic/Reykjavik',
] as const;

/**
 * Choices of a time-zone picker: `first` (the zone already chosen, the viewer's), then the common
 * zones, each once; names the runtime does not know are left out. `only` keeps just `first`.
 */
export function zoneChoices(
  first: readonly (string | undefined)[],
  only = false,
): { title: string; value: string }[] {
  const zones = new Set<string>();
  for (const zone of [...first, ...(only ? [] : COMMON_TIME_ZONES)])
    if (zone && isTimeZone(zone)) zones.add(zone);
  return [...zones].map((zone) => ({ title: zone.replace(/_/g, ' '), value: zone }));
}
