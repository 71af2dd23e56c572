import { availability } from '../playbook/availability.js';
import {
  AUTH_METHODS,
  CA_POLICIES,
  FEATURE_CHOICE_LABELS,
  FEATURES,
  identityStepOn,
  titleOf,
} from '../playbook/catalog.js';
import type { Engagement, HandoffRevision } from '../playbook/engagement.js';
import { PATHS } from '../playbook/licences.js';
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
    ...(k.path ? [{ label: 'Licences', value: PATHS[k.path].title }] : []),
    {
      label: 'Identity readiness (gate G3)',
      value: [
        `4.4 ${done(ready.breakGlass)}`,
        `4.5 ${identityStepOn('blockAllCa', k.path).title}: ${done(ready.blockAllCa)}`,
        `4.6 ${identityStepOn('mfaAdmins', k.path).title}: ${done(ready.mfaAdmins)}`,
        `sync ${ready.syncReady ? 'ready' : 'not ready'}`,
      ].join('; '),
    },
    {
      label: 'Conditional Access policies',
      value:
        k.path === 'securityDefaults'
          ? 'None: no Conditional Access on the security-defaults path'
          : CA_POLICIES.map((p) => `${p.title}: ${k.caPolicies[p.id] ?? 'none'}`).join('; '),
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

/** How MFA is enforced: the licences' path at submission (typed on forms of schema version 1). */
function mfaApproach(r: HandoffRevision): string {
  const approach = r.known.mfaApproach ?? r.mfaApproach;
  if (!approach) return 'Not known: the licences were not recorded';
  return approach === 'caPolicy' ? 'Conditional Access policy' : 'Security defaults';
}

/** The engagement's count at submission, break-glass accounts left out (typed on older forms). */
function registered(r: HandoffRevision): string {
  const m = r.known.mfaRegistration;
  if (m) return `${m.registered} of ${m.total}`;
  return r.mfaRegistered === undefined ? 'Not recorded' : String(r.mfaRegistered);
}

/** Whether the customer's licences include each feature, as they stand when the form is filed. */
function licenceFacts(e: Engagement): Fact[] {
  return FEATURES.map((f) => ({ label: f.title, value: availability(e, f.id).text }));
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
              { label: 'MFA approach', value: mfaApproach(r) },
              { label: 'Users registered for MFA', value: registered(r) },
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
        heading: "The features and the customer's licences",
        blocks: [{ kind: 'facts', facts: licenceFacts(e) }],
      },
      {
        heading: 'What the engagement knew at submission',
        blocks: [{ kind: 'facts', facts: known(r) }],
      },
    ],
  };
}
