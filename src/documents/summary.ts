import {
  AGENDA_TOPICS,
  FOLLOW_UP_KINDS,
  NEXT_PHASES,
  ROLE_LABELS,
  titleOf,
} from '../playbook/catalog.js';
import type { Engagement } from '../playbook/engagement.js';
import { keyOutputs, taskStatus, type FeatureOutput } from '../playbook/outputs.js';
import { sayDate, sayInstant } from '../playbook/time.js';
import type { FiledDocument, Section } from './document.js';

const utc = (iso: string) => sayInstant(iso, 'UTC');
const by = (f: FeatureOutput) => (f.decidedBy ? ` (${f.decidedBy})` : '');

/** The engagement's key outputs and follow-ups, as the FastTrack manager files them. */
export function summaryDocument(e: Engagement, now: Date): FiledDocument {
  const out = keyOutputs(e);
  const state = e.movedOn
    ? `Moved on to ${NEXT_PHASES.join(', ')} on ${utc(e.movedOn.at)} by ${e.movedOn.byName}.`
    : out.complete
      ? 'Key outputs complete: ready to move on to the next phase.'
      : `Not ready to move on. Missing: ${out.missing.join('; ')}.`;
  const features: Section = {
    heading: 'Security features',
    blocks: [
      {
        kind: 'list',
        items: [
          ...out.enabled.map((f) => `${f.title}: enable now${by(f)}`),
          ...out.planned.map(
            (f) => `${f.title}: planned for ${sayDate(f.targetDate ?? '')}${by(f)}`,
          ),
          ...out.notPlanned.map(
            (f) => `${f.title}: NOT PLANNED. Reason: ${f.reason ?? ''}${by(f)}`,
          ),
          ...out.undecided.map((f) => `${f.title}: not decided yet`),
        ],
      },
    ],
  };
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
      features,
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
                ? `; acknowledged: ${ack.topics.map((t) => titleOf(AGENDA_TOPICS, t).toLowerCase()).join(', ')}`
                : '';
              return `${p.name}, ${ROLE_LABELS[p.role]}${p.title ? ` (${p.title})` : ''}${topics}`;
            }),
          },
        ],
      },
      {
        heading: 'FTOP tasks',
        blocks: [
          {
            kind: 'list',
            items: taskStatus(e).map(
              (t) =>
                `${t.id} ${t.name} (${t.mandatory ? 'mandatory' : 'optional'}): ${t.done ? `done ${utc(t.done.at)} by ${t.done.byName}` : 'open'}`,
            ),
          },
        ],
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
