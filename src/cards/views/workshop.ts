import { availability, featureLinks } from '../../playbook/availability.js';
import {
  CA_POLICIES,
  CA_POLICY_STATES,
  FEATURE_CHOICE_LABELS,
  FEATURE_CHOICES,
  FEATURES,
  STEPS,
  WORKSHOP_TOPICS,
} from '../../playbook/catalog.js';
import { contradictions } from '../../playbook/contradictions.js';
import type { Engagement, FeatureDecision } from '../../playbook/engagement.js';
import { pathOf } from '../../playbook/facts.js';
import { gate } from '../../playbook/gates.js';
import { CA_NEEDS_P1 } from '../../playbook/licences.js';
import { LIMITS } from '../../playbook/limits.js';
import { pathText } from '../../playbook/outputs.js';
import { sayDate, sayInstant } from '../../playbook/time.js';
import { answered, byWhen, count } from '../format.js';
import { typed } from '../text.js';
import type { View } from '../types.js';
import { tenantView } from './tenant.js';
import { baseView, nav, peopleChoices, type ViewContext } from './common.js';
import { gateView, linkButtons } from './guidance.js';

const CA_STATE_LABELS = { none: 'None', planned: 'Planned', created: 'Created' } as const;
const AVAILABILITY_COLOR = { included: 'good', missing: 'attention', unknown: 'default' } as const;

/**
 * Bytes of card JSON the decision line of a feature gives the reason and each name: the six lines
 * sit beside each feature's form (which holds the whole reason) in a card under 28 KB.
 */
const REASON_BYTES = 120;
const LINE_NAME_BYTES = 48;
/** Bytes of card JSON the stakeholders to record a decision for may take, beside the six forms. */
const STAKEHOLDER_CHOICES_BYTES = 800;

function decisionText(d: FeatureDecision | undefined, zone: string): string {
  if (!d) return 'Not decided yet';
  const what =
    d.choice === 'planned'
      ? `Planned for ${sayDate(d.targetDate ?? '')}`
      : d.choice === 'notPlanned'
        ? `Not planned: ${typed(d.reason ?? '', REASON_BYTES)}`
        : FEATURE_CHOICE_LABELS[d.choice];
  return `${what} (${answered(d, LINE_NAME_BYTES)}, ${sayInstant(d.at, zone)})`;
}

/** The CA policies as the workshop shows them: 4.6 is the policy for administrators on the CA path. */
function policiesOf(e: Engagement | undefined, zone: string) {
  if (!e || pathOf(e) !== 'ca') return [];
  return CA_POLICIES.map((p) => {
    if (p.id === 'admins') {
      const step = e.identity.steps.mfaAdmins;
      return {
        id: p.id,
        title: p.title,
        state: step
          ? `Created (Prepare Identity 4.6, ${byWhen(step, zone)})`
          : 'Prepare Identity 4.6, not yet',
        stateValue: step ? 'created' : 'none',
        editable: false,
      };
    }
    const record = e.workshop.caPolicies[p.id];
    return {
      id: p.id,
      title: p.title,
      state: record
        ? `${CA_STATE_LABELS[record.state]} (${byWhen(record, zone)})`
        : CA_STATE_LABELS.none,
      stateValue: record?.state ?? 'none',
      editable: true,
    };
  });
}

export function workshopView(ctx: ViewContext): View {
  const { e, zone } = ctx;
  const now = ctx.req.now;
  const workshop = e?.workshop;
  const path = e ? pathOf(e) : undefined;
  const features = FEATURES.map((f) => {
    const d = workshop?.decisions[f.id];
    const has = e ? availability(e, f.id) : undefined;
    return {
      id: f.id,
      title: f.title,
      why: f.why,
      decided: !!d,
      color: !d ? 'warning' : d.choice === 'notPlanned' ? 'attention' : 'good',
      decision: decisionText(d, zone),
      licence: has?.text ?? '',
      licenceColor: has ? AVAILABILITY_COLOR[has.state] : 'default',
      links: e ? featureLinks(e, f.id).slice(0, 1) : [],
      choiceValue: d?.choice ?? '',
      dateValue: d?.targetDate ?? '',
      reasonValue: d?.reason ?? '',
    };
  });
  const policies = policiesOf(e, zone);
  const mfa = workshop?.mfaRegistration;
  const blockAllRecorded = path === 'ca' && !!e?.identity.steps.blockAllCa;
  const removed = workshop?.blockAllRemoved;
  const wrong = e ? contradictions(e, now) : [];
  const waiting = e && !workshop?.delivered ? gate('task3720').missing(e, now) : [];
  const ems = !!e?.licensing?.emsNotDeployed;
  return {
    tenant: tenantView(ctx, 'workshop'),
    ...baseView(ctx, 'workshop', nav('handoff', 'summary', 'status')),
    delivered: !!workshop?.delivered,
    deliveredText: workshop?.delivered
      ? `Workshop delivered: ${byWhen(workshop.delivered, zone)}.`
      : 'Workshop not delivered yet.',
    topics: WORKSHOP_TOPICS.map((t) => ({ text: `• ${t.title}` })),
    recommendation: e ? pathText(e) : '',
    emsNote: ems
      ? 'An EMS re-engagement: the customer owns Enterprise Mobility + Security but has not deployed it. Consider the EMS Business Value Deck for a high-level discussion.'
      : '',
    emsLinks: ems ? linkButtons(['emsBusinessValueDeck']) : [],
    contradictions: wrong.map((text) => ({ text: `• ${text}` })),
    hasContradictions: wrong.length > 0,
    features,
    choiceChoices: FEATURE_CHOICES.map((c) => ({ title: FEATURE_CHOICE_LABELS[c], value: c })),
    featureChoices: FEATURES.map((f) => ({ title: f.title, value: f.id })),
    stakeholderChoices: peopleChoices(e, 'stakeholder', STAKEHOLDER_CHOICES_BYTES),
    showDecideFor: ctx.can['workshop.decideFor'],
    reasonMax: LIMITS.shortText,
    caAvailable: path === 'ca',
    caNote:
      path === 'securityDefaults'
        ? `${CA_NEEDS_P1} Security defaults cover MFA and block legacy authentication.`
        : path
          ? ''
          : 'Conditional Access policies need Microsoft Entra ID P1: the licences come first.',
    policies,
    editablePolicies: policies.filter((p) => p.editable),
    caStateChoices: CA_POLICY_STATES.map((s) => ({ title: CA_STATE_LABELS[s], value: s })),
    mfaText: mfa
      ? `${count(mfa.registered)} of ${count(mfa.total)} users registered for MFA (${byWhen(mfa, zone)}).`
      : 'MFA registration not recorded yet.',
    mfaNote:
      'The numbers leave out the two break-glass accounts. Lowering the number of users needs a reason, kept in the record.',
    mfaRegisteredValue: mfa?.registered ?? 0,
    mfaTotalValue: mfa?.total ?? 0,
    blockAllText:
      path === 'securityDefaults'
        ? 'Security-defaults path: there is no block-all policy; security defaults stay on.'
        : removed
          ? `Block-all policy removed: ${byWhen(removed, zone)}.`
          : blockAllRecorded
            ? 'The block-all policy (Prepare Identity 4.5) is in place.'
            : 'No block-all policy recorded (Prepare Identity 4.5).',
    g4: gateView('G4', e, now),
    showG4: blockAllRecorded && !removed,
    showRemove: ctx.can['workshop.removeBlockAll'] && blockAllRecorded && !removed,
    showDeliver: ctx.can['workshop.deliver'] && !workshop?.delivered,
    deliverNote: waiting.length ? `Needs: ${waiting.join('; ')}.` : '',
    links: linkButtons(STEPS.find((s) => s.id === 'workshop')?.links ?? []),
  };
}
