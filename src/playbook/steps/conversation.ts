import type { ActionOf } from '../actions.js';
import { AGENDA_TOPICS, LICENCES, titleOf } from '../catalog.js';
import { LIMITS } from '../limits.js';
import { refuse } from '../refusal.js';
import type { StepContext, StepResult } from './context.js';
import { isIsoInstant, sayInstant } from '../time.js';
import { tooLong } from './text.js';

export function scheduleConversation(
  ctx: StepContext,
  a: ActionOf<'scheduleConversation'>,
): StepResult {
  if (!isIsoInstant(a.startsAt)) return refuse('invalid', 'Give the date and time of the meeting.');
  if (ctx.draft.conversation.delivered) {
    return refuse('invalid', 'The M365 Security Conversation is already delivered.');
  }
  if (Date.parse(a.startsAt) <= ctx.now.getTime()) {
    return refuse('invalid', 'The meeting is in the past: choose a time ahead.');
  }
  ctx.draft.conversation.scheduledFor = new Date(a.startsAt).toISOString();
  ctx.draft.conversation.scheduled = ctx.stamp;
  const when = sayInstant(ctx.draft.conversation.scheduledFor, a.timeZone);
  return { summary: `scheduled the M365 Security Conversation for ${when}` };
}

export function acknowledgeAgenda(ctx: StepContext, a: ActionOf<'acknowledgeAgenda'>): StepResult {
  const question = a.question.trim();
  if (a.topics.length === 0 && !question) {
    return refuse('invalid', 'Tick the agenda topics you acknowledge, or ask a question.');
  }
  const long = tooLong('question', question, LIMITS.longText);
  if (long) return long;
  const { conversation } = ctx.draft;
  if (question && conversation.questions.length >= LIMITS.questions) {
    return refuse(
      'invalid',
      `The agenda holds at most ${LIMITS.questions} questions; ask in the chat.`,
    );
  }
  const parts: string[] = [];
  if (a.topics.length > 0) {
    const topics = AGENDA_TOPICS.map((t) => t.id).filter((id) => a.topics.includes(id));
    conversation.acknowledgements[ctx.actor.id] = { ...ctx.stamp, topics };
    parts.push(
      `acknowledged ${topics.map((t) => titleOf(AGENDA_TOPICS, t).toLowerCase()).join('; ')}`,
    );
  }
  if (question) {
    conversation.questions.push({ ...ctx.stamp, text: question });
    parts.push('asked a question');
  }
  return { summary: parts.join(' and ') };
}

export function selfAssess(ctx: StepContext, a: ActionOf<'selfAssess'>): StepResult {
  ctx.draft.conversation.selfAssessments[ctx.actor.id] = { ...ctx.stamp, levels: { ...a.levels } };
  const { identity, device, information } = a.levels;
  return {
    summary: `assessed identity security as ${identity}, device security as ${device}, information security as ${information}`,
  };
}

export function deliverConversation(ctx: StepContext): StepResult {
  const { draft } = ctx;
  if (draft.conversation.delivered) {
    return refuse('invalid', 'The M365 Security Conversation (task 4017) is already delivered.');
  }
  if (!draft.licensing) {
    return refuse('gate', 'Prepare for the M365 Security Conversation first.', [
      "the customer's licences and security add-ons, recorded",
    ]);
  }
  draft.conversation.delivered = ctx.stamp;
  const licences = draft.licensing.licences.map((l) => titleOf(LICENCES, l)).join(', ');
  return { summary: `delivered the M365 Security Conversation (task 4017); licences: ${licences}` };
}
