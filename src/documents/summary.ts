import {
  AGENDA_TOPICS,
  FOLLOW_UP_KINDS,
  NEXT_STEPS,
  ROLE_LABELS,
  titleOf,
} from '../playbook/catalog.js';
import { answeredBy, type Engagement } from '../playbook/engagement.js';
import { keyOutputs, pathText, taskStatus, type FeatureOutput } from '../playbook/outputs.js';
import { sayDate, sayInstant } from '../playbook/time.js';
import type { FiledDocument, Section } from './document.js';
import { customerSections, licenceFacts, reopenedSection } from './summary-parts.js';

const utc = (iso: string) => sayInstant(iso, 'UTC');
const by = (f: FeatureOutput) => (f.decidedBy ? ` (${f.decidedBy})` : '');
/** Whether the customer's licences include the feature, after what was decided on it. */
const licence = (f: FeatureOutput) => `. ${f.availability.text}.`;

/** The features: what was decided on each, and what the customer's licences say of it. */
function featuresSection(out: ReturnType<typeof keyOutputs>): Section[] {
  const features: Section = {
    heading: 'Security features',
    blocks: [
      {
        kind: 'list',
        items: [
          ...out.enabled.map((f) => `${f.title}: enable now${by(f)}${licence(f)}`),
          ...out.planned.map(
            (f) => `${f.title}: planned for ${sayDate(f.targetDate ?? '')}${by(f)}${licence(f)}`,
          ),
          ...out.notPlanned.map(
            (f) => `${f.title}: NOT PLANNED. Reason: ${f.reason ?? ''}${by(f)}${licence(f)}`,
          ),
          ...out.undecided.map((f) => `${f.title}: not decided yet${licence(f)}`),
        ],
      },
    ],
  };
  if (out.contradictions.length === 0) return [features];
  return [
    features,
    {
      heading: 'Records that contradict each other',
      blocks: [{ kind: 'list', items: out.contradictions }],
    },
  ];
}

/** The engagement's key outputs and follow-ups, as the FastTrack manager files them. */
export function summaryDocument(e: Engagement, now: Date): FiledDocument {
  const out = keyOutputs(e, now);
  const state = e.movedOn
    ? `Moved on to ${e.movedOn.phases.join(', ')} on ${utc(e.movedOn.at)} by ${e.movedOn.byName}.`
    : out.complete
      ? 'Key outputs complete: ready to move on to the next phase.'
      : `Not ready to move on. Missing: ${out.missing.join('; ')}.`;
  const followUps = e.followUps
    .filter((f) => !f.cancelled)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    .map((f) => {
      const who = f.attendees.map((id) => e.people[id]?.name ?? 'a former member').join(', ');
      return `${titleOf(FOLLOW_UP_KINDS, f.kind)}: ${sayInstant(f.startsAt, f.timeZone)}${who ? `, with ${who}` : ''}${f.agenda ? `. Agenda: ${f.agenda}` : ''}`;
    });
  return {
    title: `Deploy Securely: ${e.customer}`,
    subtitle: `Summary of the Deploy Securely phase, as recorded on ${utc(now.toISOString())}. Started ${utc(e.started.at)} by ${e.started.byName}. ${state}`,
    sections: [
      {
        heading: 'Licences',
        blocks: [
          { kind: 'paragraph', text: pathText(e) },
          ...(e.licensing ? [{ kind: 'facts' as const, facts: licenceFacts(e.licensing) }] : []),
        ],
      },
      {
        heading: 'Authentication method',
        blocks: out.authMethod
          ? [
              {
                kind: 'facts',
                facts: [
                  { label: 'Method', value: out.authMethod.title },
                  { label: 'Rationale', value: out.authMethod.rationale },
                  { label: 'Decided by', value: out.authMethod.decidedBy },
                  {
                    label: 'Recorded',
                    value: `${out.authMethod.recordedBy}, ${utc(out.authMethod.at)}`,
                  },
                ],
              },
            ]
          : [{ kind: 'paragraph', text: 'Not chosen yet (task 3736).' }],
      },
      ...featuresSection(out),
      {
        heading: 'People',
        blocks: [
          {
            kind: 'paragraph',
            text: `${out.stakeholdersAcknowledged} of ${out.stakeholders} stakeholder(s) acknowledged the M365 Security Conversation agenda.`,
          },
          {
            kind: 'list',
            items: Object.values(e.people).map((p) => {
              const ack = e.conversation.acknowledgements[p.id];
              const topics = ack
                ? `; acknowledged: ${ack.topics.map((t) => titleOf(AGENDA_TOPICS, t).toLowerCase()).join(', ')}${ack.onBehalfOf ? ` (${answeredBy(ack)})` : ''}`
                : '';
              return `${p.name}, ${ROLE_LABELS[p.role]}${p.title ? ` (${p.title})` : ''}${topics}`;
            }),
          },
        ],
      },
      ...customerSections(e, out),
      {
        heading: 'FTOP tasks',
        blocks: [
          {
            kind: 'list',
            items: taskStatus(e).map(
              (t) =>
                `${t.id} ${t.name} (${t.mandatory ? 'mandatory' : 'optional'}): ${t.done ? `done ${utc(t.done.at)} by ${t.done.byName}` : t.notApplicable ? `not applicable: ${t.notApplicable}` : 'open'}`,
            ),
          },
        ],
      },
      ...reopenedSection(e),
      {
        heading: 'Next steps',
        blocks: [{ kind: 'list', items: NEXT_STEPS.map((s) => s.title) }],
      },
      {
        heading: 'Follow-up meetings',
        blocks: [
          followUps.length
            ? { kind: 'list', items: followUps }
            : { kind: 'paragraph', text: 'None scheduled.' },
        ],
      },
    ],
  };
}
