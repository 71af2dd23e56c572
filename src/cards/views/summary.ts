import { NEXT_PHASES, NEXT_STEPS } from '../../playbook/catalog.js';
import { gate } from '../../playbook/gates.js';
import { keyOutputs, type FeatureOutput } from '../../playbook/outputs.js';
import { recommendedPhases } from '../../playbook/steps/phase.js';
import { sayDate } from '../../playbook/time.js';
import { byWhen, clip } from '../format.js';
import type { View } from '../types.js';
import { baseView, nav, preparationFacts, type ViewContext } from './common.js';
import { followUpItem, MAX_FOLLOW_UPS_SHOWN } from './followup.js';
import { linkButtons } from './guidance.js';

/** How many self-assessments the summary lists (the export has them all). */
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
  return {
    ...baseView(ctx, 'summary', nav('status', 'followup')),
    hasEngagement: !!e,
    authDecided: !!outputs?.authMethod,
    auth: outputs?.authMethod
      ? [
          { title: 'Method', value: outputs.authMethod.title },
          { title: 'Rationale', value: clip(outputs.authMethod.rationale, 600) },
          { title: 'Decided by', value: outputs.authMethod.decidedBy },
        ]
      : [],
    enabled: outputs?.enabled.map((f) => fact(f, `enable now (${f.decidedBy ?? ''})`)) ?? [],
    planned:
      outputs?.planned.map((f) =>
        fact(f, `planned for ${sayDate(f.targetDate ?? '')} (${f.decidedBy ?? ''})`),
      ) ?? [],
    notPlanned:
      outputs?.notPlanned.map((f) => ({
        title: f.title,
        value: `${clip(f.reason ?? '', 400)} (${f.decidedBy ?? ''})`,
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
      title: a.name,
      value: a.levels.map((l) => `${l.area.replace(' security', '')}: ${l.level}`).join(' · '),
    })),
    hasAssessments: assessments.length > 0,
    preparation: preparation ? preparationFacts(preparation, 300) : [],
    hasPreparation: !!preparation,
    followUps: e
      ? upcoming.slice(0, MAX_FOLLOW_UPS_SHOWN).map((f) => followUpItem(e, f, zone))
      : [],
    hasFollowUps: upcoming.length > 0,
    nextSteps: NEXT_STEPS.map((s, i) => ({ text: `${i + 1}. ${s.title}` })),
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
  };
}
