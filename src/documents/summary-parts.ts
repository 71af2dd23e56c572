import { SUPPORT_AREAS, titleOf } from '../playbook/catalog.js';
import type { Engagement, Licensing } from '../playbook/engagement.js';
import { ADD_ONS, LICENCES } from '../playbook/licences.js';
import type { KeyOutputs } from '../playbook/outputs.js';
import { sayInstant } from '../playbook/time.js';
import type { Fact, Section } from './document.js';

const utc = (iso: string) => sayInstant(iso, 'UTC');

/** The licences and add-ons the FastTrack manager recorded, and an EMS re-engagement. */
export function licenceFacts(l: Licensing): Fact[] {
  return [
    { label: 'Licences', value: l.licences.map((id) => titleOf(LICENCES, id)).join(', ') },
    { label: 'Add-ons', value: l.addOns.map((id) => titleOf(ADD_ONS, id)).join(', ') || 'None' },
    ...(l.emsNotDeployed
      ? [
          {
            label: 'EMS',
            value:
              'Owned but not deployed: an EMS re-engagement (the EMS Business Value Deck for a high-level discussion)',
          },
        ]
      : []),
    ...(l.notes ? [{ label: 'Notes', value: l.notes }] : []),
    { label: 'Recorded', value: `${l.byName}, ${utc(l.at)}` },
  ];
}

/** The customer's requirements, what FastTrack covers, and the stakeholders' self-assessments. */
export function customerSections(e: Engagement, out: KeyOutputs): Section[] {
  const p = e.preparation;
  return [
    {
      heading: "The customer's requirements",
      blocks: p
        ? [
            {
              kind: 'facts',
              facts: [
                { label: 'Business requirements', value: p.businessRequirements || '—' },
                { label: 'Deployment requirements', value: p.deploymentRequirements || '—' },
                {
                  label: 'What FastTrack covers',
                  value: p.supportAreas.map((a) => titleOf(SUPPORT_AREAS, a)).join('; ') || '—',
                },
                ...(p.supportNote ? [{ label: 'Note', value: p.supportNote }] : []),
                { label: 'Recorded', value: `${p.byName}, ${utc(p.at)}` },
              ],
            },
          ]
        : [{ kind: 'paragraph', text: 'Not recorded yet.' }],
    },
    {
      heading: 'Self-assessments (identity, device, information security)',
      blocks: out.selfAssessments.length
        ? [
            {
              kind: 'list',
              items: out.selfAssessments.map(
                (a) => `${a.name}: ${a.levels.map((l) => `${l.area} ${l.level}`).join('; ')}`,
              ),
            },
          ]
        : [{ kind: 'paragraph', text: 'None yet.' }],
    },
  ];
}

/** Work that later changes reopened, with who had done it and when; nothing while there is none. */
export function reopenedSection(e: Engagement): Section[] {
  if (e.superseded.length === 0) return [];
  return [
    {
      heading: 'Work reopened by later changes',
      blocks: [
        {
          kind: 'list',
          items: e.superseded.map(
            (r) =>
              `${utc(r.at)}, ${r.byName}: ${r.reason}. Reopened: ${r.items.map((i) => `${i.what} (done by ${i.was.byName} ${utc(i.was.at)})`).join('; ')}`,
          ),
        },
      ],
    },
  ];
}
