import {
  AUTH_METHODS,
  CA_POLICIES,
  FEATURE_CHOICE_LABELS,
  FEATURES,
  IDENTITY_STEPS,
  NEXT_PHASES,
  titleOf,
} from '../../playbook/catalog.js';
import type { Engagement } from '../../playbook/engagement.js';
import { LIMITS } from '../../playbook/limits.js';
import { caLicensed } from '../../playbook/outputs.js';
import { sayDate } from '../../playbook/time.js';
import { byWhen, count } from '../format.js';
import { NAME_BYTES, typed } from '../text.js';
import type { View } from '../types.js';
import { baseView, nav, type ViewContext } from './common.js';

const MAX_REVISIONS_SHOWN = 10;

/** What the engagement already knows, as the form's read-only part. */
function knownFacts(e: Engagement): { title: string; value: string }[] {
  const auth = e.identity.authMethod;
  const readiness = (['breakGlass', 'blockAllCa', 'mfaAdmins'] as const)
    .map(
      (id) =>
        `${e.identity.steps[id] ? '✅' : '⬜'} ${IDENTITY_STEPS.find((s) => s.id === id)?.n ?? ''}`,
    )
    .join('  ');
  const mfa = e.workshop.mfaRegistration;
  const policies = CA_POLICIES.map(
    (p) => `${p.title}: ${e.workshop.caPolicies[p.id]?.state ?? 'none'}`,
  ).join('; ');
  const decisions = FEATURES.map((f) => {
    const d = e.workshop.decisions[f.id];
    const what = !d
      ? 'undecided'
      : d.choice === 'planned'
        ? `planned ${sayDate(d.targetDate ?? '')}`
        : FEATURE_CHOICE_LABELS[d.choice].toLowerCase();
    return `${f.title}: ${what}`;
  }).join('; ');
  const notPlanned = FEATURES.filter((f) => e.workshop.decisions[f.id]?.choice === 'notPlanned')
    .map((f) => `${f.title}: ${typed(e.workshop.decisions[f.id]?.reason ?? '', 200)}`)
    .join('; ');
  return [
    { title: 'Customer', value: typed(e.customer, NAME_BYTES) },
    { title: 'Tenant', value: typed(e.tenantId, NAME_BYTES) },
    {
      title: 'Authentication',
      value: auth
        ? `${titleOf(AUTH_METHODS, auth.method)} (decided by ${typed(auth.decidedBy, NAME_BYTES)})`
        : 'not finalized',
    },
    {
      title: 'Identity readiness (G3)',
      value: `${readiness}${e.identity.syncReady ? ' · sync ready' : ''}`,
    },
    {
      title: 'MFA approach (licensing)',
      value: !e.licensing
        ? 'licences not recorded'
        : caLicensed(e)
          ? 'CA policy (licensed)'
          : 'security defaults (no CA licence)',
    },
    {
      title: 'Registered for MFA',
      value: mfa ? `${count(mfa.registered)} of ${count(mfa.total)}` : 'not recorded',
    },
    { title: 'CA policies', value: policies },
    { title: 'Feature decisions', value: decisions },
    { title: 'Not planned, with reasons', value: notPlanned || 'none' },
  ];
}

export function handoffView(ctx: ViewContext): View {
  const { e, zone } = ctx;
  const latest = e?.handoff.at(-1);
  const revisions = e ? e.handoff.slice(-MAX_REVISIONS_SHOWN).reverse() : [];
  const apps = latest?.saasApps ?? [];
  const approach =
    latest?.mfaApproach ?? (e && e.licensing && !caLicensed(e) ? 'securityDefaults' : 'caPolicy');
  return {
    ...baseView(ctx, 'handoff', nav('workshop', 'summary', 'status')),
    facts: e ? knownFacts(e) : [],
    hasFacts: !!e,
    workshopDelivered: !!e?.workshop.delivered,
    showForm: ctx.can['handoff.submit'] && !!e?.workshop.delivered,
    waitNote:
      e && !e.workshop.delivered
        ? 'The hand-off form follows the workshop: task 3720 is not delivered yet.'
        : '',
    submitTitle: latest ? `Submit revision ${latest.revision + 1}` : 'Submit the hand-off form',
    authRationale: latest?.authRationale ?? e?.identity.authMethod?.rationale ?? '',
    mfaApproach: approach,
    mfaRegistered: latest?.mfaRegistered ?? e?.workshop.mfaRegistration?.registered ?? 0,
    saasGallery: apps
      .filter((a) => a.inGallery)
      .map((a) => a.name)
      .join('\n'),
    saasOther: apps
      .filter((a) => !a.inGallery)
      .map((a) => a.name)
      .join('\n'),
    devicePlan: latest?.devicePlan ?? '',
    mobileAppPlan: latest?.mobileAppPlan ?? '',
    risks: latest?.risks ?? '',
    recommendedWorkshops: (latest?.recommendedWorkshops ?? [...NEXT_PHASES]).join(','),
    notes: latest?.notes ?? '',
    workshopChoices: NEXT_PHASES.map((p) => ({ title: p, value: p })),
    approachChoices: [
      { title: 'Conditional Access policy', value: 'caPolicy' },
      { title: 'Security defaults', value: 'securityDefaults' },
    ],
    textMax: LIMITS.longText,
    appsMax: LIMITS.saasApps,
    revisions: revisions.map((r) => ({ title: `Revision ${r.revision}`, value: byWhen(r, zone) })),
    hasRevisions: revisions.length > 0,
    moreRevisions:
      e && e.handoff.length > MAX_REVISIONS_SHOWN
        ? `The ${MAX_REVISIONS_SHOWN} latest of ${e.handoff.length} revisions.`
        : '',
  };
}
