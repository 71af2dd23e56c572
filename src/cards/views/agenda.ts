import {
  AGENDA_TOPICS,
  ASSESSMENT_LEVELS,
  SELF_ASSESSMENT_AREAS,
  STEPS,
} from '../../playbook/catalog.js';
import { gate } from '../../playbook/gates.js';
import { LIMITS } from '../../playbook/limits.js';
import { localDateAndTime, sayInstant } from '../../playbook/time.js';
import { answered, byWhen, names } from '../format.js';
import { NAME_BYTES, typed } from '../text.js';
import type { View } from '../types.js';
import { baseView, nav, peopleChoices, personName, type ViewContext } from './common.js';
import { linkButtons } from './guidance.js';
import { zoneChoices } from './zones.js';

const MAX_QUESTIONS_SHOWN = 8;
const MAX_ASSESSMENTS_SHOWN = 12;

export function agendaView(ctx: ViewContext): View {
  const { e, zone, role, shared } = ctx;
  const conversation = e?.conversation;
  const acks = conversation ? Object.entries(conversation.acknowledgements) : [];
  const topics = AGENDA_TOPICS.map((t) => {
    const who = acks.filter(([, a]) => a.topics.includes(t.id)).map(([, a]) => answered(a));
    return {
      title: t.title,
      value: who.length ? `Acknowledged by ${names(who)}` : 'Not acknowledged yet',
    };
  });
  const assessments = conversation ? Object.entries(conversation.selfAssessments) : [];
  const questions = conversation?.questions ?? [];
  const scheduledFor = conversation?.scheduledFor;
  const when = scheduledFor ? localDateAndTime(scheduledFor, zone) : { date: '', time: '' };
  const viewerId = ctx.req.viewer?.id;
  const mine =
    viewerId && !shared && role === 'stakeholder'
      ? conversation?.acknowledgements[viewerId]
      : undefined;
  const myLevels =
    viewerId && !shared ? conversation?.selfAssessments[viewerId]?.levels : undefined;
  const invited = (conversation?.invited ?? []).map((id) => personName(e!, id));
  const attended = (conversation?.attended ?? []).map((id) => personName(e!, id));
  const waiting = e && !conversation?.delivered ? gate('task4017').missing(e, ctx.req.now) : [];
  return {
    ...baseView(ctx, 'agenda', nav('licensing', 'identity', 'status')),
    scheduledText: scheduledFor
      ? `Scheduled for ${sayInstant(scheduledFor, zone)} (by ${typed(conversation?.scheduled?.byName ?? 'the FastTrack Manager', NAME_BYTES)}). Invited: ${names(invited, 8) || 'nobody yet'}.`
      : 'Not scheduled yet.',
    delivered: !!conversation?.delivered,
    deliveredText: conversation?.delivered
      ? `Delivered: ${byWhen(conversation.delivered, zone)}.${attended.length ? ` Attended: ${names(attended, 8)}.` : ''}`
      : '',
    invitedValue: conversation?.invited.join(',') ?? '',
    stakeholderChoices: peopleChoices(e, 'stakeholder'),
    peopleChoices: peopleChoices(e),
    showSchedule: ctx.can['conversation.schedule'] && !conversation?.delivered,
    scheduleTitle: scheduledFor ? 'Reschedule' : 'Schedule',
    dateValue: when.date,
    timeValue: when.time,
    zoneValue: zone,
    zoneChoices: zoneChoices([zone]),
    topics,
    topicChoices: AGENDA_TOPICS.map((t) => ({ title: t.title, value: t.id })),
    topicsValue: mine?.topics.join(',') ?? '',
    questionMax: LIMITS.longText,
    assessments: assessments.slice(0, MAX_ASSESSMENTS_SHOWN).map(([id, a]) => ({
      title: personName(e!, id),
      value: SELF_ASSESSMENT_AREAS.map(
        (area) => `${area.title.replace(' security', '')}: ${a.levels[area.id]}`,
      ).join(' · '),
    })),
    hasAssessments: assessments.length > 0,
    moreAssessments:
      assessments.length > MAX_ASSESSMENTS_SHOWN
        ? `and ${assessments.length - MAX_ASSESSMENTS_SHOWN} more`
        : '',
    areas: SELF_ASSESSMENT_AREAS.map((area) => ({
      id: `level_${area.id}`,
      label: area.title,
      value: myLevels?.[area.id] ?? '',
    })),
    levelChoices: ASSESSMENT_LEVELS.map((l) => ({ title: l, value: l })),
    questions: questions
      .slice(-MAX_QUESTIONS_SHOWN)
      .reverse()
      .map((q) => ({ title: typed(q.byName, NAME_BYTES), value: typed(q.text, 400) })),
    hasQuestions: questions.length > 0,
    moreQuestions:
      questions.length > MAX_QUESTIONS_SHOWN
        ? `The ${MAX_QUESTIONS_SHOWN} latest of ${questions.length} questions.`
        : '',
    showDeliver: ctx.can['conversation.deliver'] && !conversation?.delivered,
    deliverNote: waiting.length ? `Needs: ${waiting.join('; ')}.` : '',
    showAcknowledgeFor: ctx.can['agenda.acknowledgeFor'],
    links: linkButtons(STEPS.find((s) => s.id === 'conversation')?.links ?? []),
  };
}
