import { z } from 'zod';
import { FOLLOW_UP_KINDS } from '../../playbook/catalog.js';
import { LIMITS } from '../../playbook/limits.js';
import { isoDate, many, oneOf, text, timeOfDay, zoneName } from '../fields.js';
import { ids, verb, when } from '../entry.js';

export const FOLLOW_UP_ID = /^fu-\d{1,6}$/;

/** Next steps: the FM's follow-up meetings. Times are typed in a zone (default: the person's). */
export const FOLLOW_UP_VERBS = {
  'followup.schedule': verb({
    action: 'scheduleFollowUp',
    card: 'followup',
    form: true,
    schema: z.object({
      fuKind: oneOf(ids(FOLLOW_UP_KINDS), 'kind of meeting', 'Choose the kind of meeting.'),
      fuDate: isoDate('date', 'Choose the date of the meeting.'),
      fuTime: timeOfDay('time', 'Choose the time of the meeting.'),
      fuZone: zoneName,
      fuAttendees: many(undefined, 'attendees', { max: LIMITS.attendees }),
      fuAgenda: text('agenda', LIMITS.longText),
    }),
    build: (v, ctx) => {
      const at = when(v.fuDate, v.fuTime, v.fuZone, ctx);
      if ('invalid' in at) return at;
      return {
        type: 'scheduleFollowUp',
        kind: v.fuKind,
        startsAt: at.iso,
        timeZone: at.zone,
        attendees: v.fuAttendees,
        agenda: v.fuAgenda,
        leadMinutes: ctx.leadMinutes,
      };
    },
  }),

  'followup.reschedule': verb({
    action: 'rescheduleFollowUp',
    card: 'followup',
    form: true,
    item: { key: 'followUpId', label: 'follow-up', valid: FOLLOW_UP_ID },
    schema: z.object({
      followUpId: text('follow-up', 20, 'Choose the follow-up.'),
      date: isoDate('date', 'Choose the new date.'),
      time: timeOfDay('time', 'Choose the new time.'),
      zone: zoneName,
    }),
    build: (v, ctx) => {
      const at = when(v.date, v.time, v.zone, ctx);
      if ('invalid' in at) return at;
      return {
        type: 'rescheduleFollowUp',
        followUpId: v.followUpId,
        startsAt: at.iso,
        timeZone: at.zone,
        leadMinutes: ctx.leadMinutes,
      };
    },
  }),

  'followup.cancel': verb({
    action: 'cancelFollowUp',
    card: 'followup',
    form: false,
    item: { key: 'followUpId', label: 'follow-up', valid: FOLLOW_UP_ID },
    schema: z.object({ followUpId: text('follow-up', 20, 'Choose the follow-up.') }),
    build: (v) => ({ type: 'cancelFollowUp', followUpId: v.followUpId }),
  }),
};
