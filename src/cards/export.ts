import {
  AGENDA_TOPICS,
  FOLLOW_UP_KINDS,
  NEXT_PHASES,
  ROLE_LABELS,
  titleOf,
} from '../playbook/catalog.js';
import type { Engagement } from '../playbook/engagement.js';
import { keyOutputs, taskStatus } from '../playbook/outputs.js';
import { sayDate, sayInstant } from '../playbook/time.js';

/** Markdown special characters in what people typed, so their text stays text. */
function md(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1').replace(/\r?\n/g, ' ');
}

const when = (iso: string) => sayInstant(iso, 'UTC');

/** The key outputs and the follow-ups as Markdown a person can keep (a chat message or a file). */
export function summaryMarkdown(e: Engagement): string {
  const out = keyOutputs(e);
  const lines: string[] = [`# Deploy Securely: ${md(e.customer)}`, ''];
  lines.push(`Started ${when(e.started.at)} by ${md(e.started.byName)}.`);
  if (e.movedOn)
    lines.push(
      `Moved on to ${NEXT_PHASES.join(', ')} on ${when(e.movedOn.at)} by ${md(e.movedOn.byName)}.`,
    );
  else
    lines.push(
      out.complete
        ? 'Key outputs complete: ready to move on.'
        : `Not ready to move on. Missing: ${out.missing.map(md).join('; ')}.`,
    );

  lines.push('', '## Authentication method');
  if (out.authMethod) {
    lines.push(
      `- **${md(out.authMethod.title)}**, decided by ${md(out.authMethod.decidedBy)} (recorded by ${md(out.authMethod.recordedBy)}, ${when(out.authMethod.at)})`,
    );
    lines.push(`- Rationale: ${md(out.authMethod.rationale)}`);
  } else lines.push('- Not chosen yet (task 3736).');

  lines.push('', '## Security features');
  for (const f of out.enabled)
    lines.push(`- ${md(f.title)}: enable now (${md(f.decidedBy ?? '')})`);
  for (const f of out.planned)
    lines.push(
      `- ${md(f.title)}: planned for ${sayDate(f.targetDate ?? '')} (${md(f.decidedBy ?? '')})`,
    );
  for (const f of out.undecided) lines.push(`- ${md(f.title)}: not decided yet`);
  lines.push('', '## Areas the customer does not plan to enable, and why');
  if (out.notPlanned.length === 0) lines.push('- None.');
  for (const f of out.notPlanned)
    lines.push(`- **${md(f.title)}**: ${md(f.reason ?? '')} (${md(f.decidedBy ?? '')})`);

  lines.push('', '## Stakeholders');
  lines.push(
    `${out.stakeholdersAcknowledged} of ${out.stakeholders} stakeholder(s) acknowledged the M365 Security Conversation agenda.`,
  );
  for (const p of Object.values(e.people)) {
    const ack = e.conversation.acknowledgements[p.id];
    const topics = ack
      ? `: ${ack.topics.map((t) => titleOf(AGENDA_TOPICS, t).toLowerCase()).join('; ')}`
      : '';
    lines.push(
      `- ${md(p.name)}, ${ROLE_LABELS[p.role]}${p.title ? ` (${md(p.title)})` : ''}${topics}`,
    );
  }

  lines.push('', '## FTOP tasks');
  for (const t of taskStatus(e)) {
    lines.push(
      `- ${t.id} ${t.name} (${t.mandatory ? 'M' : 'O'}): ${t.done ? `done ${when(t.done.at)} by ${md(t.done.byName)}` : 'open'}`,
    );
  }

  lines.push('', '## Follow-up meetings');
  const live = e.followUps
    .filter((f) => !f.cancelled)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  if (live.length === 0) lines.push('- None scheduled.');
  for (const f of live) {
    const who = f.attendees
      .map((id) => e.people[id]?.name ?? 'a former member')
      .map(md)
      .join(', ');
    lines.push(
      `- ${titleOf(FOLLOW_UP_KINDS, f.kind)}: ${sayInstant(f.startsAt, f.timeZone)}${who ? `, with ${who}` : ''}${f.agenda ? `. Agenda: ${md(f.agenda)}` : ''}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
