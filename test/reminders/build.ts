import type { Action } from '../../src/playbook/actions.js';
import type { Engagement } from '../../src/playbook/engagement.js';
import { applied, FM, started } from '../support/playbook.js';

/** Small builders for reminder tests: engagements made by the real playbook, nothing hand-written. */

export const MINUTE = 60_000;

export function at(base: Date, minutes: number): Date {
  return new Date(base.getTime() + minutes * MINUTE);
}

export function act(e: Engagement, action: Action, now: Date): Engagement {
  return applied(e, FM, action, now).engagement;
}

export interface FollowUpSpec {
  /** Minutes from `now` to the meeting. */
  inMinutes: number;
  leadMinutes?: number;
}

/** An engagement in chat `chat`, kickoff confirmed, with one follow-up per spec scheduled at `now`. */
export function engagementWith(chat: string, now: Date, followUps: FollowUpSpec[]): Engagement {
  const begun = started(
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
    now,
  );
  let e = act(begun, { type: 'confirmKickoff' }, now);
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
