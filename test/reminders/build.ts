import type { Action } from '../../src/playbook/actions.js';
import { apply } from '../../src/playbook/apply.js';
import type { Actor, Engagement } from '../../src/playbook/engagement.js';
import { isRefusal } from '../../src/playbook/refusal.js';
import { startEngagement } from '../../src/playbook/start.js';

/** Small builders for reminder tests: engagements made by the real playbook, nothing hand-written. */

export const FM: Actor = { id: 'aad-fm-1', name: 'Fiona Manager', tenantId: 'tenant-1' };

export const MINUTE = 60_000;

export function at(base: Date, minutes: number): Date {
  return new Date(base.getTime() + minutes * MINUTE);
}

export function act(e: Engagement, action: Action, now: Date): Engagement {
  const outcome = apply(e, action, FM, now);
  if (!outcome.ok) throw new Error(`refused ${action.type}: ${outcome.refusal.message}`);
  return outcome.engagement;
}

export interface FollowUpSpec {
  /** Minutes from `now` to the meeting. */
  inMinutes: number;
  leadMinutes?: number;
}

/** An engagement in chat `chat`, kickoff confirmed, with one follow-up per spec scheduled at `now`. */
export function engagementWith(chat: string, now: Date, followUps: FollowUpSpec[]): Engagement {
  const started = startEngagement(
    {
      customer: `Contoso ${chat}`,
      tenantId: FM.tenantId,
      conversationId: `19:${chat}@thread.v2`,
      conversationType: 'groupChat',
      conversationReference: {
        channelId: 'msteams',
        serviceUrl: 'https://smba.trafficmanager.net/emea/',
        conversation: {
          id: `19:${chat}@thread.v2`,
          conversationType: 'groupChat',
          tenantId: FM.tenantId,
        },
        bot: { id: '28:bot-app-id', name: 'Deploy Securely' },
      },
    },
    FM,
    now,
  );
  if (isRefusal(started)) throw new Error(started.message);
  let e = act(started, { type: 'confirmKickoff' }, now);
  for (const spec of followUps) {
    e = act(
      e,
      {
        type: 'scheduleFollowUp',
        kind: 'bvd',
        startsAt: at(now, spec.inMinutes).toISOString(),
        timeZone: 'Europe/Paris',
        attendees: [FM.id],
        agenda: 'Business value discovery',
        leadMinutes: spec.leadMinutes ?? 15,
      },
      now,
    );
  }
  return e;
}
