import {
  CA_POLICIES,
  CA_POLICY_STATES,
  FEATURE_CHOICE_LABELS,
  FEATURE_CHOICES,
  FEATURES,
  WORKSHOP_TOPICS,
} from '../../playbook/catalog.js';
import type { FeatureDecision } from '../../playbook/engagement.js';
import { g4Missing } from '../../playbook/gates.js';
import { LIMITS } from '../../playbook/limits.js';
import { mfaRecommendation } from '../../playbook/outputs.js';
import { sayDate } from '../../playbook/time.js';
import { byWhen, count } from '../format.js';
import { typed } from '../text.js';
import type { View } from '../types.js';
import { baseView, nav, type ViewContext } from './common.js';
import { gateView } from './identity.js';

const CA_STATE_LABELS = { none: 'None', planned: 'Planned', created: 'Created' } as const;

function decisionText(d: FeatureDecision | undefined, zone: string): string {
  if (!d) return 'Not decided yet';
  const what =
    d.choice === 'planned'
      ? `Planned for ${sayDate(d.targetDate ?? '')}`
      : d.choice === 'notPlanned'
        ? `Not planned: ${typed(d.reason ?? '', 300)}`
        : FEATURE_CHOICE_LABELS[d.choice];
  return `${what} (${byWhen(d, zone)})`;
}

export function workshopView(ctx: ViewContext): View {
  const { e, zone } = ctx;
  const workshop = e?.workshop;
  const features = FEATURES.map((f) => {
    const d = workshop?.decisions[f.id];
    return {
      id: f.id,
      title: f.title,
      why: f.why,
      decided: !!d,
      color: !d ? 'warning' : d.choice === 'notPlanned' ? 'attention' : 'good',
      decision: decisionText(d, zone),
      choiceValue: d?.choice ?? '',
      dateValue: d?.targetDate ?? '',
      reasonValue: d?.reason ?? '',
    };
  });
  const policies = CA_POLICIES.map((p) => {
    const record = workshop?.caPolicies[p.id];
    return {
      id: p.id,
      title: p.title,
      state: record
        ? `${CA_STATE_LABELS[record.state]} (${byWhen(record, zone)})`
        : CA_STATE_LABELS.none,
      stateValue: record?.state ?? 'none',
    };
  });
  const mfa = workshop?.mfaRegistration;
  const blockAllRecorded = !!e?.identity.steps.blockAllCa;
  const removed = workshop?.blockAllRemoved;
  return {
    ...baseView(ctx, 'workshop', nav('handoff', 'summary', 'status')),
    delivered: !!workshop?.delivered,
    deliveredText: workshop?.delivered
      ? `Workshop delivered: ${byWhen(workshop.delivered, zone)}.`
      : 'Workshop not delivered yet.',
    topics: WORKSHOP_TOPICS.map((t) => ({ text: `• ${t.title}` })),
    recommendation: e ? mfaRecommendation(e) : '',
    features,
    choiceChoices: FEATURE_CHOICES.map((c) => ({ title: FEATURE_CHOICE_LABELS[c], value: c })),
    reasonMax: LIMITS.shortText,
    policies,
    caStateChoices: CA_POLICY_STATES.map((s) => ({ title: CA_STATE_LABELS[s], value: s })),
    mfaText: mfa
      ? `${count(mfa.registered)} of ${count(mfa.total)} users registered for MFA (${byWhen(mfa, zone)}).`
      : 'MFA registration not recorded yet.',
    mfaRegisteredValue: mfa?.registered ?? 0,
    mfaTotalValue: mfa?.total ?? 0,
    blockAllText: removed
      ? `Block-all policy removed: ${byWhen(removed, zone)}.`
      : blockAllRecorded
        ? 'The block-all policy (Prepare Identity 4.5) is in place.'
        : 'No block-all policy recorded (Prepare Identity 4.5).',
    g4: gateView(
      'Gate G4: remove the block-all policy',
      e ? g4Missing(e) : [],
      'Open: the required CA policies exist and all users registered for MFA.',
    ),
    showG4: blockAllRecorded && !removed,
    showRemove: ctx.can['workshop.removeBlockAll'] && blockAllRecorded && !removed,
    showDeliver: ctx.can['workshop.deliver'] && !workshop?.delivered,
  };
}
