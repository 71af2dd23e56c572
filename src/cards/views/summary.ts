import { NEXT_PHASES } from '../../playbook/catalog.js';
import { g5Missing } from '../../playbook/gates.js';
import { keyOutputs, type FeatureOutput } from '../../playbook/outputs.js';
import { LIMITS } from '../../playbook/limits.js';
import { sayDate } from '../../playbook/time.js';
import { byWhen } from '../format.js';
import { NAME_BYTES, typed } from '../text.js';
import type { View } from '../types.js';
import { baseView, nav, type ViewContext } from './common.js';
import { followUpItem, MAX_FOLLOW_UPS_SHOWN } from './followup.js';

const fact = (f: FeatureOutput, value: string) => ({ title: f.title, value });

export function summaryView(ctx: ViewContext): View {
  const { e, zone, req } = ctx;
  const outputs = e ? keyOutputs(e) : undefined;
  const t = req.now.toISOString();
  const upcoming = e
    ? e.followUps
        .filter((f) => !f.cancelled && f.startsAt >= t)
        .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    : [];
  const missing = e ? g5Missing(e) : [];
  return {
    ...baseView(ctx, 'summary', nav('status', 'followup')),
    hasEngagement: !!e,
    authDecided: !!outputs?.authMethod,
    auth: outputs?.authMethod
      ? [
          { title: 'Method', value: outputs.authMethod.title },
          { title: 'Rationale', value: typed(outputs.authMethod.rationale, 600) },
          { title: 'Decided by', value: typed(outputs.authMethod.decidedBy, NAME_BYTES) },
        ]
      : [],
    enabled:
      outputs?.enabled.map((f) =>
        fact(f, `enable now (${typed(f.decidedBy ?? '', NAME_BYTES)})`),
      ) ?? [],
    planned:
      outputs?.planned.map((f) =>
        fact(
          f,
          `planned for ${sayDate(f.targetDate ?? '')} (${typed(f.decidedBy ?? '', NAME_BYTES)})`,
        ),
      ) ?? [],
    notPlanned:
      outputs?.notPlanned.map((f) =>
        fact(f, `${typed(f.reason ?? '', 400)} (${typed(f.decidedBy ?? '', NAME_BYTES)})`),
      ) ?? [],
    undecided: outputs?.undecided.map((f) => fact(f, 'no decision yet')) ?? [],
    hasEnabled: !!outputs?.enabled.length,
    hasPlanned: !!outputs?.planned.length,
    hasNotPlanned: !!outputs?.notPlanned.length,
    hasUndecided: !!outputs?.undecided.length,
    acknowledged: outputs
      ? `${outputs.stakeholdersAcknowledged} of ${outputs.stakeholders} stakeholder(s) acknowledged the agenda.`
      : '',
    followUps: e
      ? upcoming.slice(0, MAX_FOLLOW_UPS_SHOWN).map((f) => followUpItem(e, f, zone))
      : [],
    hasFollowUps: upcoming.length > 0,
    complete: missing.length === 0,
    missing: missing.map((text) => ({ text: `• ${text}` })),
    movedOnText: e?.movedOn
      ? `Moved on to ${NEXT_PHASES.join(', ')}: ${byWhen(e.movedOn, zone)}.`
      : '',
    showMoveOn: ctx.can['phase.moveOn'],
    showExport: ctx.can['summary.export'],
    downloads: req.downloads ?? [],
    hasDownloads: !!req.downloads?.length,
    downloadsNote: req.downloadsNote ?? '',
    showDelete: ctx.can['engagement.delete'],
    deleteWarning: e
      ? `Deletes everything recorded for ${typed(e.customer, NAME_BYTES)} (people, answers, decisions, the hand-off, follow-ups and their reminders), for good. Export first to keep the summary and the hand-off.`
      : '',
    customerMax: LIMITS.customer,
  };
}
