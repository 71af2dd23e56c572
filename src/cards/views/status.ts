import { FEATURES, IDENTITY_STEPS, ROLE_LABELS, STEPS } from '../../playbook/catalog.js';
import type { Engagement } from '../../playbook/engagement.js';
import { identityStepApplies, identityStepDone } from '../../playbook/facts.js';
import { gate } from '../../playbook/gates.js';
import { blockers, keyOutputs, taskStatus } from '../../playbook/outputs.js';
import { byWhen } from '../format.js';
import type { View } from '../types.js';
import { baseView, nav, type ViewContext } from './common.js';
import { followUpItem, reminderState } from './followup.js';
import { linkButtons } from './guidance.js';

const MAX_FAILED_SHOWN = 5;

type StepState = 'done' | 'open';

export function stepStates(
  e: Engagement,
  now: Date,
): Record<(typeof STEPS)[number]['id'], { state: StepState; detail: string }> {
  const outputs = keyOutputs(e, now);
  const applicable = IDENTITY_STEPS.filter((s) => identityStepApplies(e, s.id));
  const identityDone = applicable.filter((s) => identityStepDone(e, s.id)).length;
  const decided = FEATURES.length - outputs.undecided.length;
  const liveFollowUps = e.followUps.filter((f) => !f.cancelled).length;
  const s = (done: boolean, detail: string) => ({
    state: done ? ('done' as const) : ('open' as const),
    detail,
  });
  return {
    kickoff: s(!!e.kickoff, e.kickoff ? 'confirmed' : 'waiting for the FastTrack Manager'),
    licensing: s(
      !!e.licensing,
      e.licensing ? `${e.licensing.licences.length} licence(s) recorded` : 'licences not recorded',
    ),
    conversation: s(
      !!e.conversation.delivered,
      e.conversation.delivered
        ? 'delivered'
        : e.conversation.scheduledFor
          ? 'scheduled'
          : 'not scheduled',
    ),
    identity: s(
      identityDone === applicable.length,
      `${identityDone} of ${applicable.length} done${e.identity.syncReady ? ', sync ready' : ''}`,
    ),
    workshop: s(
      !!e.workshop.delivered,
      e.workshop.delivered ? 'delivered' : `${decided} of ${FEATURES.length} features decided`,
    ),
    outputs: s(
      outputs.complete,
      outputs.complete ? 'complete' : `${outputs.missing.length} item(s) missing`,
    ),
    nextSteps: s(!!e.movedOn, `${liveFollowUps} follow-up(s)${e.movedOn ? ', moved on' : ''}`),
  };
}

export function statusView(ctx: ViewContext): View {
  const { e, zone } = ctx;
  const now = ctx.req.now;
  const states = e ? stepStates(e, now) : undefined;
  const steps = STEPS.map((step) => {
    const st = states?.[step.id];
    return {
      title: `${st?.state === 'done' ? 'Done ·' : 'To do ·'} ${step.title}`,
      value: `${st?.detail ?? ''} · ${ROLE_LABELS[step.owner]}`,
    };
  });
  const tasks = e
    ? taskStatus(e).map((t) => ({
        title: `${t.done ? 'Done ·' : t.notApplicable ? 'Not applicable ·' : 'To do ·'} ${t.id} (${t.mandatory ? 'M' : 'O'})`,
        value: `${t.name}. ${ROLE_LABELS[t.owner]}${t.phase === 'Enable' ? ', Enable phase: readiness only' : ''}. ${t.done ? `Done: ${byWhen(t.done, zone)}` : t.notApplicable ? `Not applicable: ${t.notApplicable}` : 'Open'}`,
      }))
    : [];
  const blocks = e
    ? blockers(e, now).map((b) => ({
        step: b.step,
        who: `Who can unblock: ${b.who}`,
        missing: b.missing.map((m) => ({ text: `• ${m}` })),
        links: linkButtons(gate(b.rule).links.slice(0, 1)),
      }))
    : [];
  const failed = e ? e.followUps.filter((f) => !f.cancelled && reminderState(f, zone).failed) : [];
  return {
    ...baseView(ctx, 'status', nav('summary', 'followup', 'help')),
    hasEngagement: !!e,
    started: e ? `Started by ${byWhen(e.started, zone)}.` : '',
    steps,
    tasks,
    blockers: blocks,
    hasBlockers: blocks.length > 0,
    noBlockers: e ? (e.movedOn ? 'Moved on to the next phase.' : 'Nothing is blocked.') : '',
    failed: e ? failed.slice(0, MAX_FAILED_SHOWN).map((f) => followUpItem(e, f, zone)) : [],
    hasFailed: failed.length > 0,
    moreFailed:
      failed.length > MAX_FAILED_SHOWN
        ? `and ${failed.length - MAX_FAILED_SHOWN} more failed reminders`
        : '',
  };
}
