import { CardRenderer } from '../../src/cards/renderer.js';
import { gate } from '../../src/playbook/gates.js';
import { pathText } from '../../src/playbook/outputs.js';
import {
  BDM,
  complete,
  EngagementBuilder,
  FE,
  FM,
  LATER,
  MEMBERS,
  midway,
  movedOn,
  NOW,
  OUTSIDER,
  withReminders,
} from '../support/engagements.js';
import { inputs, objects, visibleText } from './adaptive.js';

const renderer = new CardRenderer();
const text = (...args: Parameters<CardRenderer['render']>) => visibleText(renderer.render(...args));

describe('the message slot and what the person typed', () => {
  test('a refusal shows at the top in bold (colour is no signal of its own), and typed values come back into the inputs', () => {
    const json = renderer.render({
      card: 'workshop',
      engagement: midway(),
      now: NOW,
      viewer: { id: BDM.id, role: 'stakeholder' },
      message: { kind: 'error', text: 'The reason is 2,400 characters long; at most 500 fit.' },
      form: {
        choice_saasSso: 'notPlanned',
        reason_saasSso: 'We use another IdP',
        date_saasSso: 'not a date',
      },
    });
    const message = objects(json).find(
      (o) =>
        o.type === 'TextBlock' &&
        o.text === 'The reason is 2,400 characters long; at most 500 fit.',
    );
    expect(message).toMatchObject({ weight: 'Bolder' });
    expect(message?.color).toBeUndefined();
    const body = json.body as { text?: string; items?: { text: string }[] }[];
    expect(JSON.stringify(body.slice(0, 3))).toContain('2,400 characters');
    const fields = inputs(json);
    expect(fields.get('choice_saasSso')?.value).toBe('notPlanned');
    expect(fields.get('reason_saasSso')?.value).toBe('We use another IdP');
    expect(fields.get('date_saasSso')?.value).toBe('');
  });

  test('success and info messages: green text becomes bold default text, accent reads well and stays', () => {
    for (const [kind, color] of [
      ['success', undefined],
      ['info', 'accent'],
    ] as const) {
      const json = renderer.render({
        card: 'status',
        engagement: midway(),
        now: NOW,
        message: { kind, text: 'Saved.' },
      });
      expect(objects(json).find((o) => o.text === 'Saved.')?.color).toBe(color);
    }
  });

  test('multi-select and number values are kept as Teams submits them', () => {
    const json = renderer.render({
      card: 'followup',
      engagement: complete(),
      now: NOW,
      form: {
        fuAttendees: [BDM.id, FE.id],
        fuAgenda: 'x'.repeat(3000),
        fuTime: '25:99',
        fuKind: 'bvd',
      },
    });
    const fields = inputs(json);
    expect(fields.get('fuAttendees')?.value).toBe(`${BDM.id},${FE.id}`);
    expect(fields.get('fuKind')?.value).toBe('bvd');
    expect(String(fields.get('fuAgenda')?.value)).toHaveLength(2000);
    expect(fields.get('fuTime')?.value).toBeUndefined();
  });
});

describe('what each card shows', () => {
  test('help: the start form only while the chat has no engagement', () => {
    const none = renderer.render({ card: 'help', now: NOW, form: { customer: 'Fabrikam' } });
    expect(inputs(none).get('customer')).toMatchObject({ isRequired: true, value: 'Fabrikam' });
    expect(visibleText(none)).toContain('start <customer name>');
    expect(
      inputs(renderer.render({ card: 'help', engagement: midway(), now: NOW })).has('customer'),
    ).toBe(false);
  });

  test('roles: people with roles and titles; the roster as the person choice', () => {
    const json = renderer.render({
      card: 'roles',
      engagement: midway(),
      now: NOW,
      members: MEMBERS,
    });
    expect(visibleText(json)).toContain('Ana Ruiz: Customer stakeholder: BDM');
    const person = inputs(json).get('personId') as { choices: { value: string }[] };
    expect(person.choices.map((c) => c.value)).toEqual(MEMBERS.map((m) => m.id));
    expect(visibleText(json)).toMatch(/Kickoff call confirmed by Fiona Meyer/);
  });

  test('licensing: the path follows the licences, the form is pre-filled', () => {
    const e = midway();
    const json = renderer.render({ card: 'licensing', engagement: e, now: NOW });
    expect(visibleText(json)).toContain(pathText(e));
    expect(visibleText(json)).toContain('Microsoft Entra ID P2: Missing (in Microsoft 365 E5,');
    expect(inputs(json).get('licences')).toMatchObject({
      isMultiSelect: true,
      value: 'm365e3',
      errorMessage: 'Choose a licence.',
    });
    const noCa = new EngagementBuilder(e, new Date('2025-03-10T09:00:00Z'))
      .licensing(['o365e3'])
      .build();
    expect(text({ card: 'licensing', engagement: noCa, now: NOW })).toContain(
      'Security defaults path. The licences do not include Microsoft Entra ID P1',
    );
  });

  test('agenda: the topics with who acknowledged them, the questions and the self-assessment', () => {
    const t = text({ card: 'agenda', engagement: midway(), now: NOW });
    expect(t).toContain('The importance of security\nAcknowledged by Ana Ruiz and Sam Okafor');
    expect(t).toContain(
      'Why productivity and collaboration workloads should deploy securely\nAcknowledged by Sam Okafor',
    );
    expect(t).toContain('Ana Ruiz: Does the baseline cover our contractors?');
    expect(t).toContain('Ana Ruiz: Identity: basic · Device: new · Information: working');
    expect(t).toMatch(/Delivered: Fiona Meyer/);
  });

  test('identity: the checklist in order, only the next step open, and what gate G3 misses', () => {
    const e = midway();
    const json = renderer.render({
      card: 'identity',
      engagement: e,
      now: NOW,
      viewer: { id: FE.id, role: 'FE' },
    });
    const t = visibleText(json);
    expect(t.indexOf('4.1')).toBeLessThan(t.indexOf('4.6'));
    expect([...inputs(json).keys()]).toEqual(['note_breakGlass']);
    for (const missing of gate('G3').missing(e, NOW)) expect(t).toContain(missing);
    expect(t).toContain('Gate G2: Authentication method (task 3736)');
    expect(t).toContain('Comes after 4.4.');
  });

  test('auth: the five methods, preferences with who, the decision and its rationale', () => {
    const t = text({ card: 'auth', engagement: midway(), now: NOW });
    expect(t).toContain(
      'Password hash synchronization\nPreferred by Ana Ruiz ("Simplest to run.")',
    );
    expect(t).toContain('Pass-through authentication\nPreferred by Sam Okafor');
    expect(t).toContain('Cloud-only identities\nNo preference stated');
    expect(t).toContain('Rationale: No on-premises sign-in requirement');
    expect(t).toContain('Decided by: Sam Okafor');
  });

  test('workshop: each decision with who; gate G4 lists what is missing', () => {
    const e = new EngagementBuilder(midway(), new Date('2025-03-10T09:00:00Z'))
      .act(FE, { type: 'completeIdentityStep', step: 'breakGlass', note: '' })
      .act(FE, { type: 'completeIdentityStep', step: 'blockAllCa', note: '' })
      .build();
    const t = text({ card: 'workshop', engagement: e, now: NOW });
    expect(t).toMatch(/Not planned: Managed by the parent company\. \(Ana Ruiz,/);
    expect(t).toContain(
      'Gate G4: Remove the block-all policy: Missing (FastTrack Engineer can unblock it):',
    );
    expect(t).toContain('all users registered for MFA (900 of 1200 not yet)');
    expect(t).toContain('300 of 1,200 users registered for MFA');
  });

  test('handoff: pre-filled from the engagement, then from the latest revision; revisions with who', () => {
    const before = renderer.render({
      card: 'handoff',
      engagement: new EngagementBuilder(complete()).build(),
      now: NOW,
    });
    expect(visibleText(before)).toContain('Tenant: tenant-contoso-0001');
    expect(visibleText(before)).toMatch(
      /Identity readiness \(G3\): 4\.4 done, 4\.5 done, 4\.6 done/,
    );
    expect(visibleText(before)).toContain(
      'Not planned, with reasons: Device management: Devices are managed by the parent company.',
    );
    const fields = inputs(before);
    expect(fields.get('saasGallery')?.value).toBe('Salesforce');
    expect(fields.get('saasOther')?.value).toBe('In-house expenses app');
    expect(fields.get('recommendedWorkshops')?.value).toBe('Conduct Security Workshops');
    expect(visibleText(before)).toMatch(/Revision 1: Sofia Rossi/);
  });

  test('follow-ups: times in each meeting’s own zone, failed reminders stand out', () => {
    const json = renderer.render({ card: 'followup', engagement: withReminders(), now: LATER });
    const t = visibleText(json);
    expect(t).toContain('When: Tue, 15 Apr 2025, 09:00 (America/New_York)');
    expect(t).toContain('When: Tue, 29 Apr 2025, 16:00 (Asia/Tokyo)');
    const failed = objects(json).find((o) => String(o.text).startsWith('Reminder NOT DELIVERED'));
    expect(failed).toMatchObject({ weight: 'Bolder' });
    expect(String(failed?.text)).toContain('the bot was removed from the conversation');
    expect(t).toContain('Reminder MISSED');
    expect(t).toMatch(/Reminder sent Tue, 8 Apr 2025, 09:30/);
    expect(t).toMatch(/Cancelled \(Fiona Meyer/);
    expect(inputs(json).get('date_fu-5')?.value).toBe('2025-04-29');
    expect(inputs(json).get('zone_fu-5')?.value).toBe('Asia/Tokyo');
  });

  test('status: tasks with M/O, owner and who did them; blockers with who can unblock; failed reminders', () => {
    const t = text({ card: 'status', engagement: midway(), now: NOW });
    expect(t).toMatch(
      /Done · 3736 \(M\): Guidance for Choosing an Authentication Method\. FastTrack Engineer\. Done: Erik Lund/,
    );
    expect(t).toContain('To do · 3721 (O)');
    expect(t).toContain('Who can unblock: FastTrack Engineer');
    const late = text({ card: 'status', engagement: withReminders(), now: LATER });
    expect(late).toContain('Reminders that failed');
    expect(late).toContain('Reminder NOT DELIVERED');
  });

  test('summary: not planned with reasons, G5 missing, moved-on state', () => {
    const mid = text({
      card: 'summary',
      engagement: midway(),
      now: NOW,
      viewer: { id: FM.id, role: 'FM' },
    });
    expect(mid).toContain('Gate G5');
    expect(mid).toContain('task 3720: the Identity and Device Security workshop delivered');
    const done = text({ card: 'summary', engagement: complete(), now: NOW });
    expect(done).toContain("NOT PLANNED, with the customer's reasons");
    expect(done).toMatch(/Mobile app management: No corporate data on phones yet\. \(Ana Ruiz\)/);
    expect(done).toMatch(/Block legacy authentication: planned for 15 May 2025/);
    expect(done).toContain('2 of 2 stakeholder(s) acknowledged the agenda.');
    expect(done).not.toContain('Gate G5');
    expect(text({ card: 'summary', engagement: movedOn(), now: NOW })).toMatch(
      /Moved on to Conduct Security Workshops/,
    );
  });

  test('reminder: the meeting in its own zone, attendees and agenda', () => {
    const t = text({ card: 'reminder', engagement: complete(), now: NOW, followUpId: 'fu-2' });
    expect(t).toContain('Security workshop');
    expect(t).toContain('When: Tue, 15 Apr 2025, 09:00 (America/New_York)');
    expect(t).toContain('Attendees: Ana Ruiz, Sam Okafor and Erik Lund');
    expect(t).toContain('Close the gaps found in the workshop.');
    expect(
      text({ card: 'reminder', engagement: complete(), now: NOW, followUpId: 'fu-99' }),
    ).toContain('no longer in the engagement');
  });

  test('a person outside the engagement is told how to get in', () => {
    const t = text({
      card: 'workshop',
      engagement: midway(),
      now: NOW,
      viewer: { id: OUTSIDER.id },
    });
    expect(t).toContain('You are not part of the engagement with Contoso Ltd');
  });

  test('the shared card says who may use each form', () => {
    const t = text({ card: 'auth', engagement: midway(), now: NOW });
    expect(t).toContain('For the FastTrack Engineer');
    expect(
      text({ card: 'auth', engagement: midway(), now: NOW, viewer: { id: FE.id, role: 'FE' } }),
    ).not.toContain('For the FastTrack Engineer');
  });
});
