import {
  AGENDA_TOPICS,
  FOLLOW_UP_KINDS,
  NEXT_STEPS,
  ROLE_LABELS,
  SUPPORT_AREAS,
  titleOf,
} from '../playbook/catalog.js';
import { answeredBy, type Engagement } from '../playbook/engagement.js';
import { keyOutputs, pathText, taskStatus } from '../playbook/outputs.js';
import { sayDate, sayInstant } from '../playbook/time.js';

/** Markdown special characters in what people typed, so their text stays text. */
function md(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1').replace(/\r?\n/g, ' ');
}

const when = (iso: string) => sayInstant(iso, 'UTC');

/** The customer's requirements and self-assessments, as the export lists them. */
function customerLines(e: Engagement, out: ReturnType<typeof keyOutputs>): string[] {
  const lines = ['', "## The customer's requirements"];
  const p = e.preparation;
  if (!p) lines.push('- Not recorded yet.');
  else {
    lines.push(`- Business requirements: ${md(p.businessRequirements) || '—'}`);
    lines.push(`- Deployment requirements: ${md(p.deploymentRequirements) || '—'}`);
    const areas = p.supportAreas.map((a) => titleOf(SUPPORT_AREAS, a));
    lines.push(`- What FastTrack covers: ${areas.map(md).join('; ') || '—'}`);
    if (p.supportNote) lines.push(`- Note: ${md(p.supportNote)}`);
  }
  lines.push('', '## Self-assessments (identity, device, information security)');
  if (out.selfAssessments.length === 0) lines.push('- None yet.');
  for (const a of out.selfAssessments)
    lines.push(`- ${md(a.name)}: ${a.levels.map((l) => `${l.area} ${l.level}`).join('; ')}`);
  return lines;
}

/** The key outputs and the follow-ups as Markdown a person can keep (a chat message or a file). */
export function summaryMarkdown(e: Engagement, now: Date): string {
  const out = keyOutputs(e, now);
  const lines: string[] = [`# Deploy Securely: ${md(e.customer)}`, ''];
  lines.push(`Started ${when(e.started.at)} by ${md(e.started.byName)}.`);
  lines.push(pathText(e));
  if (e.movedOn)
    lines.push(
      `Moved on to ${e.movedOn.phases.join(', ')} on ${when(e.movedOn.at)} by ${md(e.movedOn.byName)}.`,
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
  const licence = (f: (typeof out.enabled)[number]) => ` ${md(f.availability.text)}.`;
  for (const f of out.enabled)
    lines.push(`- ${md(f.title)}: enable now (${md(f.decidedBy ?? '')}).${licence(f)}`);
  for (const f of out.planned)
    lines.push(
      `- ${md(f.title)}: planned for ${sayDate(f.targetDate ?? '')} (${md(f.decidedBy ?? '')}).${licence(f)}`,
    );
  for (const f of out.undecided) lines.push(`- ${md(f.title)}: not decided yet.${licence(f)}`);
  if (out.contradictions.length > 0) {
    lines.push('', '## Records that contradict each other');
    for (const c of out.contradictions) lines.push(`- ${md(c)}`);
  }
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
      ? `: ${ack.topics.map((t) => titleOf(AGENDA_TOPICS, t).toLowerCase()).join('; ')}${ack.onBehalfOf ? ` (${md(answeredBy(ack))})` : ''}`
      : '';
    lines.push(
      `- ${md(p.name)}, ${ROLE_LABELS[p.role]}${p.title ? ` (${md(p.title)})` : ''}${topics}`,
    );
  }

  lines.push(...customerLines(e, out));

  lines.push('', '## FTOP tasks');
  for (const t of taskStatus(e)) {
    lines.push(
      `- ${t.id} ${t.name} (${t.mandatory ? 'M' : 'O'}): ${t.done ? `done ${when(t.done.at)} by ${md(t.done.byName)}` : t.notApplicable ? `not applicable: ${t.notApplicable}` : 'open'}`,
    );
  }

  if (e.superseded.length > 0) {
    lines.push('', '## Work reopened by later changes');
    for (const r of e.superseded)
      lines.push(
        `- ${when(r.at)}, ${md(r.byName)}: ${md(r.reason)}. Reopened: ${r.items.map((i) => `${md(i.what)} (done by ${md(i.was.byName)} ${when(i.was.at)})`).join('; ')}`,
      );
  }

  lines.push('', '## Next steps');
  NEXT_STEPS.forEach((s, i) => lines.push(`${i + 1}. ${s.title}`));

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
