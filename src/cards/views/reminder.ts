import type { View } from '../types.js';
import { baseView, nav, type ViewContext } from './common.js';
import { followUpItem, readerZone } from './followup.js';

export function reminderView(ctx: ViewContext): View {
  const { e, req, zone } = ctx;
  const followUp =
    e && req.followUpId ? e.followUps.find((f) => f.id === req.followUpId) : undefined;
  const item = e && followUp ? followUpItem(e, followUp, zone, readerZone(ctx)) : undefined;
  return {
    ...baseView(ctx, 'reminder', nav('followup')),
    found: !!item,
    kind: item?.kind ?? '',
    when: item?.when ?? '',
    attendees: item?.attendees ?? '',
    agenda: item?.agenda ?? '',
    hasAgenda: !!item?.hasAgenda,
    cancelled: !!followUp?.cancelled,
    missingText: 'This follow-up is no longer in the engagement.',
  };
}
