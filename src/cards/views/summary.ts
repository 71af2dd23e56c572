import { NEXT_PHASES, NEXT_STEPS } from '../../playbook/catalog.js';
import { gate } from '../../playbook/gates.js';
import { keyOutputs, type FeatureOutput } from '../../playbook/outputs.js';
import { LIMITS } from '../../playbook/limits.js';
import { recommendedPhases } from '../../playbook/steps/phase.js';
import { sayDate } from '../../playbook/time.js';
import { answered, byWhen } from '../format.js';
import { NAME_BYTES, typed } from '../text.js';
import type { View } from '../types.js';
import { baseView, nav, preparationFacts, type ViewContext } from './common.js';
import { followUpItem, MAX_FOLLOW_UPS_SHOWN } from './followup.js';
import { linkButtons } from './guidance.js';

/** How many self-assessments the summary lists (the summary document has them all). */
const MAX_ASSESSMENTS_SHOWN = 8;

const fact = (f: FeatureOutput, value: string) => ({
  title: f.title,
  value: `${value}. ${f.availability.text}`,
});

export function summaryView(ctx: ViewContext): View {
  const { e, zone, req } = ctx;
  const outputs = e ? keyOutputs(e, req.now) : undefined;
  const t = req.now.toISOString();
  const upcoming = e
    ? e.followUps
        .filter((f) => !f.cancelled && f.startsAt >= t)
        .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    : [];
  const missing = e ? gate('G5').missing(e, req.now) : [];
  const recommended = e ? recommendedPhases(e) : [...NEXT_PHASES];
  const preparation = e?.preparation;
  const assessments = outputs?.selfAssessments ?? [];
  /** Who decided a feature, names as text (and who recorded it for them in the meeting). */
  const by = (f: FeatureOutput) => {
    const d = e?.workshop.decisions[f.id];
    return d ? answered(d) : '';
  };
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
    enabled: outputs?.enabled.map((f) => fact(f, `enable now (${by(f)})`)) ?? [],
    planned:
      outputs?.planned.map((f) =>
        fact(f, `planned for ${sayDate(f.targetDate ?? '')} (${by(f)})`),
      ) ?? [],
    notPlanned:
      outputs?.notPlanned.map((f) => ({
        title: f.title,
        value: `${typed(f.reason ?? '', 400)} (${by(f)})`,
      })) ?? [],
    undecided: outputs?.undecided.map((f) => fact(f, 'no decision yet')) ?? [],
    hasEnabled: !!outputs?.enabled.length,
    hasPlanned: !!outputs?.planned.length,
    hasNotPlanned: !!outputs?.notPlanned.length,
    hasUndecided: !!outputs?.undecided.length,
    acknowledged: outputs
      ? `${outputs.stakeholdersAcknowledged} of ${outputs.stakeholders} stakeholder(s) acknowledged the agenda.`
      : '',
    assessments: assessments.slice(0, MAX_ASSESSMENTS_SHOWN).map((a) => ({
      title: typed(a.name, NAME_BYTES),
      value: a.levels.map((l) => `${l.area.replace(' security', '')}: ${l.level}`).join(' · '),
    })),
    hasAssessments: assessments.length > 0,
    preparation: preparation ? preparationFacts(preparation, 300) : [],
    hasPreparation: !!preparation,
    followUps: e
      ? upcoming.slice(0, MAX_FOLLOW_UPS_SHOWN).map((f) => followUpItem(e, f, zone))
      : [],
    hasFollowUps: upcoming.length > 0,
    nextSteps: NEXT_STEPS.map((s) => ({ text: `• ${s.title}` })),
    nextStepLinks: linkButtons(
      NEXT_STEPS.flatMap((s) => s.links).filter((l) => l !== 'securityConversationDeck'),
    ),
    complete: missing.length === 0,
    missing: missing.map((text) => ({ text: `• ${text}` })),
    movedOnText: e?.movedOn
      ? `Moved on to ${e.movedOn.phases.join(', ')}: ${byWhen(e.movedOn, zone)}.`
      : '',
    phaseChoices: recommended.map((p) => ({ title: p, value: p })),
    phasesValue: recommended.join(','),
    phasesNote: e?.handoff.length
      ? `The latest hand-off (revision ${e.handoff.length}) recommends ${recommended.join(', ')}.`
      : 'No hand-off form yet (task 3721 is optional): all three next phases are open.',
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
