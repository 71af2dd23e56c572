import { FOLLOW_UP_KINDS, titleOf } from '../../playbook/catalog.js';
import type { Engagement, FollowUp } from '../../playbook/engagement.js';
import { LIMITS } from '../../playbook/limits.js';
import { localDateAndTime, sayInstant, sayInstantFor } from '../../playbook/time.js';
import { byWhen, clip, fitting, names } from '../format.js';
import type { View } from '../types.js';
import { baseView, choices, nav, personName, type ViewContext } from './common.js';
import { typed } from '../text.js';
import { zoneChoices } from './zones.js';

/** How many follow-ups a card lists in full (the rest are counted): Teams cards stay under 28 KB. */
export const MAX_FOLLOW_UPS_SHOWN = 8;
/** Characters of card JSON for the listed follow-ups and for the attendee choices. */
const FOLLOW_UPS_BUDGET = 16000;
const ATTENDEES_BUDGET = 4000;
/** What the template adds around one follow-up with its forms (fallbacks included). */
const FOLLOW_UP_OVERHEAD = 1800;

/** The reminder's state in words, and a colour that makes failures stand out. */
export function reminderState(
  f: FollowUp,
  zone: string,
): { text: string; color: string; failed: boolean } {
  const r = f.reminder;
  const at = (iso: string | undefined) => sayInstant(iso ?? r.dueAt, f.timeZone || zone);
  switch (r.state) {
    case 'pending':
      return { text: `Reminder due ${at(r.dueAt)}`, color: 'default', failed: false };
    case 'sending':
      return { text: 'Reminder being sent now', color: 'default', failed: false };
    case 'sent':
      return { text: `Reminder sent ${at(r.settledAt)}`, color: 'good', failed: false };
    case 'missed':
      return {
        text: `Reminder MISSED: not sent by ${at(r.dueAt)}`,
        color: 'attention',
        failed: true,
      };
    case 'undeliverable':
      return {
        text: `Reminder NOT DELIVERED after ${r.attempts} attempt(s)${r.lastError ? `: ${typed(r.lastError, 200)}` : ''}`,
        color: 'attention',
        failed: true,
      };
  }
}

/** One follow-up as cards list it. */
export function followUpItem(e: Engagement, f: FollowUp, zone: string, readerZone?: string) {
  const state = reminderState(f, zone);
  const when = localDateAndTime(f.startsAt, f.timeZone);
  return {
    id: f.id,
    kind: titleOf(FOLLOW_UP_KINDS, f.kind),
    when: sayInstantFor(f.startsAt, f.timeZone, readerZone),
    attendees: f.attendees.length
      ? names(
          f.attendees.map((id) => personName(e, id)),
          8,
        )
      : 'No attendees named',
    agenda: typed(f.agenda, 500),
    hasAgenda: f.agenda !== '',
    reminder: f.cancelled ? `Cancelled (${byWhen(f.cancelled, zone)})` : state.text,
    reminderColor: f.cancelled ? 'default' : state.color,
    cancelled: !!f.cancelled,
    dateValue: when.date,
    timeValue: when.time,
    zoneValue: f.timeZone,
    // Rescheduling keeps the zone it was set in, or takes the reader's own.
    zoneChoices: zoneChoices([f.timeZone, readerZone, 'UTC'], true),
  };
}

/** The zone of the person viewing, as their client named it (none on the shared card). */
export function readerZone(ctx: ViewContext): string | undefined {
  return ctx.shared ? undefined : ctx.req.viewerZone;
}

/** Live follow-ups, soonest first, then failed reminders of past ones, then the cancelled. */
export function orderedFollowUps(e: Engagement, now: Date): FollowUp[] {
  const t = now.toISOString();
  const live = e.followUps
    .filter((f) => !f.cancelled && f.startsAt >= t)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const failedPast = e.followUps.filter(
    (f) => !f.cancelled && f.startsAt < t && ['missed', 'undeliverable'].includes(f.reminder.state),
  );
  const past = e.followUps
    .filter((f) => !f.cancelled && f.startsAt < t && !failedPast.includes(f))
    .reverse();
  const cancelled = e.followUps.filter((f) => f.cancelled).reverse();
  return [...live, ...failedPast, ...past, ...cancelled];
}

export function followupView(ctx: ViewContext): View {
  const { e, zone, req } = ctx;
  const ordered = e ? orderedFollowUps(e, req.now) : [];
  const t = req.now.toISOString();
  const listed = e
    ? ordered.slice(0, MAX_FOLLOW_UPS_SHOWN).map((f) => ({
        ...followUpItem(e, f, zone, readerZone(ctx)),
        canChange:
          !f.cancelled &&
          f.startsAt >= t &&
          (ctx.can['followup.reschedule'] || ctx.can['followup.cancel']),
      }))
    : [];
  const shown = fitting(listed, FOLLOW_UPS_BUDGET, FOLLOW_UP_OVERHEAD);
  const people = e ? Object.values(e.people) : [];
  const hidden = ordered.length - shown.length;
  return {
    ...baseView(ctx, 'followup', nav('summary', 'status')),
    followUps: shown,
    hasFollowUps: shown.length > 0,
    more: hidden > 0 ? `${hidden} more follow-up(s) not listed (older or cancelled).` : '',
    kindChoices: choices(FOLLOW_UP_KINDS),
    attendeeChoices: fitting(
      people.slice(0, LIMITS.attendees).map((p) => ({ title: clip(p.name, 60), value: p.id })),
      ATTENDEES_BUDGET,
    ),
    hasAttendeeChoices: people.length > 0,
    zoneValue: zone,
    zoneChoices: zoneChoices([zone, readerZone(ctx)]),
    agendaMax: LIMITS.longText,
    showSchedule: ctx.can['followup.schedule'],
  };
}
