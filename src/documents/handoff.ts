import {
  AUTH_METHODS,
  CA_POLICIES,
  FEATURE_CHOICE_LABELS,
  FEATURES,
  titleOf,
} from '../playbook/catalog.js';
import type { Engagement, HandoffRevision } from '../playbook/engagement.js';
import { sayDate, sayInstant } from '../playbook/time.js';
import type { Fact, FiledDocument } from './document.js';

const utc = (iso: string) => sayInstant(iso, 'UTC');
const orNone = (text: string) => text.trim() || 'None given.';

/** What the engagement knew when the revision was submitted (kept with it). */
function known(r: HandoffRevision): Fact[] {
  const k = r.known;
  const ready = k.identityReady;
  const done = (yes: boolean) => (yes ? 'done' : 'not done');
  return [
    { label: 'Customer', value: k.customer },
    { label: 'Microsoft Entra tenant', value: k.tenantId },
    {
      label: 'Authentication method',
      value: k.authMethod
        ? `${titleOf(AUTH_METHODS, k.authMethod.method)}, decided by ${k.authMethod.decidedBy}`
        : 'Not finalized',
    },
    {
      label: 'Identity readiness (gate G3)',
      value: `break-glass accounts ${done(ready.breakGlass)}; block-all CA policy ${done(ready.blockAllCa)}; MFA for admins ${done(ready.mfaAdmins)}; sync ${ready.syncReady ? 'ready' : 'not ready'}`,
    },
    {
      label: 'Conditional Access policies',
      value: CA_POLICIES.map((p) => `${p.title}: ${k.caPolicies[p.id] ?? 'none'}`).join('; '),
    },
    {
      label: 'Registered for MFA',
      value: k.mfaRegistration
        ? `${k.mfaRegistration.registered} of ${k.mfaRegistration.total}`
        : 'Not recorded',
    },
    ...FEATURES.map((f) => {
      const d = k.decisions[f.id];
      const value = !d
        ? 'Not decided'
        : d.choice === 'planned'
          ? `Planned for ${sayDate(d.targetDate ?? '')}`
          : d.choice === 'notPlanned'
            ? `Not planned. Reason: ${d.reason ?? ''}`
            : FEATURE_CHOICE_LABELS[d.choice];
      return { label: f.title, value };
    }),
  ];
}

/**
 * The latest hand-off form (task 3721) as the next engineer files it: what was submitted, and
 * what the engagement knew then. Undefined while no form was submitted.
 */
export function handoffDocument(e: Engagement, now: Date): FiledDocument | undefined {
  const r = e.handoff.at(-1);
  if (!r) return undefined;
  const apps = (inGallery: boolean) =>
    r.saasApps.filter((a) => a.inGallery === inGallery).map((a) => a.name);
  const gallery = apps(true);
  const other = apps(false);
  return {
    title: `Identity and Device Security hand-off: ${e.customer}`,
    subtitle: `Revision ${r.revision} of the hand-off form (task 3721), submitted ${utc(r.at)} by ${r.byName}. Filed ${utc(now.toISOString())}.`,
    sections: [
      {
        heading: 'Decisions',
        blocks: [
          {
            kind: 'facts',
            facts: [
              { label: 'Authentication rationale', value: orNone(r.authRationale) },
              {
                label: 'MFA approach',
                value:
                  r.mfaApproach === 'caPolicy' ? 'Conditional Access policy' : 'Security defaults',
              },
              { label: 'Users registered for MFA', value: String(r.mfaRegistered) },
            ],
          },
        ],
      },
      {
        heading: 'SaaS apps for single sign-on',
        blocks: [
          {
            kind: 'facts',
            facts: [
              { label: 'In the Entra gallery', value: gallery.join(', ') || 'None' },
              { label: 'Not in the gallery', value: other.join(', ') || 'None' },
            ],
          },
        ],
      },
      {
        heading: 'Plans',
        blocks: [
          {
            kind: 'facts',
            facts: [
              { label: 'Device management', value: orNone(r.devicePlan) },
              { label: 'Mobile app management', value: orNone(r.mobileAppPlan) },
              { label: 'Risks and blockers', value: orNone(r.risks) },
              {
                label: 'Recommended workshops',
                value: r.recommendedWorkshops.join(', ') || 'None',
              },
              { label: 'Notes for the next engineer', value: orNone(r.notes) },
            ],
          },
        ],
      },
      {
        heading: 'What the engagement knew at submission',
        blocks: [{ kind: 'facts', facts: known(r) }],
      },
    ],
  };
}
