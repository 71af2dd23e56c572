import { availability } from '../../playbook/availability.js';
import {
  AUTH_METHODS,
  CA_POLICIES,
  FEATURE_CHOICE_LABELS,
  FEATURES,
  IDENTITY_STEPS,
  NEXT_PHASES,
  TASKS,
  titleOf,
} from '../../playbook/catalog.js';
import type { Engagement } from '../../playbook/engagement.js';
import { pathOf } from '../../playbook/facts.js';
import { PATHS } from '../../playbook/licences.js';
import { LIMITS } from '../../playbook/limits.js';
import { snapshot } from '../../playbook/steps/handoff.js';
import { sayDate, sayInstant } from '../../playbook/time.js';
import { byWhen, count } from '../format.js';
import { NAME_BYTES, typed } from '../text.js';
import type { View } from '../types.js';
import { baseView, nav, type ViewContext } from './common.js';
import { linkButtons } from './guidance.js';

const MAX_REVISIONS_SHOWN = 10;

/** What the engagement already knows, as the form's read-only part. */
function knownFacts(e: Engagement, zone: string): { title: string; value: string }[] {
  const auth = e.identity.authMethod;
  const readiness = (['breakGlass', 'blockAllCa', 'mfaAdmins'] as const)
    .map(
      (id) =>
        `${IDENTITY_STEPS.find((s) => s.id === id)?.n ?? ''} ${e.identity.steps[id] ? 'done' : 'to do'}`,
    )
    .join(', ');
  const known = snapshot(e);
  const mfa = known.mfaRegistration;
  const source = known.readFromTenantAt
    ? `read from the tenant at ${sayInstant(known.readFromTenantAt, zone)}`
    : 'workshop card';
  const path = pathOf(e);
  const policies = Object.entries(known.caPolicies)
    .map(([id, state]) => `${titleOf(CA_POLICIES, id)}${id === 'admins' ? ' (4.6)' : ''}: ${state}`)
    .join('; ');
  const decisions = FEATURES.map((f) => {
    const d = e.workshop.decisions[f.id];
    const what = !d
      ? 'undecided'
      : d.choice === 'planned'
        ? `planned ${sayDate(d.targetDate ?? '')}`
        : FEATURE_CHOICE_LABELS[d.choice].toLowerCase();
    return `${f.title}: ${what} (${availability(e, f.id).text})`;
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
      title: 'MFA approach (from the licences)',
      value: !path
        ? 'licences not recorded'
        : `${path === 'ca' ? 'Conditional Access policies' : 'security defaults'} (${PATHS[path].title})`,
    },
    {
      title: 'Registered for MFA',
      value: mfa
        ? `${count(mfa.registered)} of ${count(mfa.total)} users, break-glass accounts left out (${source})`
        : 'not recorded (workshop card)',
    },
    {
      title: 'CA policies',
      value:
        path === 'ca'
          ? `${policies}${known.readFromTenantAt ? ` (${source})` : ''}`
          : 'none: no Conditional Access on this path',
    },
    { title: 'Feature decisions', value: decisions },
    { title: 'Not planned, with reasons', value: notPlanned || 'none' },
  ];
}

export function handoffView(ctx: ViewContext): View {
  const { e, zone } = ctx;
  const latest = e?.handoff.at(-1);
  const revisions = e ? e.handoff.slice(-MAX_REVISIONS_SHOWN).reverse() : [];
  const apps = latest?.saasApps ?? [];
  return {
    ...baseView(ctx, 'handoff', nav('workshop', 'summary', 'status')),
    facts: e ? knownFacts(e, ctx.zone) : [],
    hasFacts: !!e,
    workshopDelivered: !!e?.workshop.delivered,
    showForm: ctx.can['handoff.submit'] && !!e?.workshop.delivered,
    waitNote:
      e && !e.workshop.delivered
        ? 'The hand-off form follows the workshop: task 3720 is not delivered yet.'
        : '',
    submitTitle: latest ? `Submit revision ${latest.revision + 1}` : 'Submit the hand-off form',
    authRationale: latest?.authRationale ?? e?.identity.authMethod?.rationale ?? '',
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
    links: linkButtons(TASKS.find((t) => t.id === '3721')?.links ?? []),
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
