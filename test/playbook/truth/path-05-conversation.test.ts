/**
 * Path 5: task 4017 is a meeting. Delivery needs the licences, a schedule whose start has passed
 * and stakeholders invited by role; who attended is recorded; the schedule stays correctable until
 * delivery, and not after.
 */
import {
  at,
  BDM,
  CONVERSATION_START,
  conversationDue,
  conversationScheduled,
  expectRefused,
  FE,
  FM,
  kickedOff,
  licensed,
  SEC,
  step,
  T0,
} from '../builders.js';

const DELIVER =
  /^The M365 Security Conversation \(task 4017\) is delivered once it is prepared and its time has come\.$/;

describe('path 5: task 4017 without a meeting', () => {
  test('delivery with no schedule and no invitees is refused', () => {
    expect(
      expectRefused(licensed(), FM, { type: 'deliverConversation' }, 'gate', DELIVER).missing,
    ).toEqual(['the conversation scheduled, with the stakeholders invited']);
    expect(
      expectRefused(kickedOff(), FM, { type: 'deliverConversation' }, 'gate', DELIVER).missing,
    ).toEqual([
      "the customer's licences and security add-ons, recorded",
      'the conversation scheduled, with the stakeholders invited',
    ]);
  });

  test('a schedule needs stakeholders invited by role', () => {
    const schedule = (invited: string[]) => ({
      type: 'scheduleConversation' as const,
      startsAt: at(200).toISOString(),
      invited,
    });
    expectRefused(
      licensed(),
      FM,
      schedule([]),
      'invalid',
      /^Invite at least one stakeholder, by role\.$/,
    );
    expectRefused(
      licensed(),
      FM,
      schedule([BDM.id, FE.id]),
      'invalid',
      /^Invite the stakeholders of this engagement \(each with a title such as BDM or Security Architect\)\.$/,
    );
  });

  test('delivery before the scheduled time is refused', () => {
    const e = step(licensed(), FM, {
      type: 'scheduleConversation',
      startsAt: at(200).toISOString(),
      invited: [BDM.id],
    });
    expect(expectRefused(e, FM, { type: 'deliverConversation' }, 'gate', DELIVER).missing).toEqual([
      'the scheduled start of the conversation, passed',
    ]);
  });

  test('after its start it is delivered, recording who attended (the invited by default)', () => {
    const e = step(conversationScheduled(), FM, { type: 'deliverConversation' }, at(100));
    expect(e.conversation.delivered).toEqual({
      by: FM.id,
      byName: FM.name,
      at: at(100).toISOString(),
    });
    expect(e.conversation.attended).toEqual([BDM.id, SEC.id]);
    const chosen = step(
      conversationScheduled(),
      FM,
      { type: 'deliverConversation', attended: [FM.id, SEC.id] },
      at(100),
    );
    expect(chosen.conversation.attended).toEqual([FM.id, SEC.id]);
    expect(chosen.history.at(-1)?.summary).toBe(
      'delivered the M365 Security Conversation (task 4017) with Fiona Meyer, Sam Okafor; licences: Microsoft 365 E3',
    );
  });

  test('attendance needs a stakeholder of the customer, and only people of the engagement', () => {
    expectRefused(
      conversationDue(),
      FM,
      { type: 'deliverConversation', attended: [FM.id, FE.id] },
      'invalid',
      /^No stakeholder of the customer attended: reschedule the conversation instead\.$/,
    );
    expectRefused(
      conversationDue(),
      FM,
      { type: 'deliverConversation', attended: ['aad-nobody'] },
      'invalid',
      /^Attendees must be people of this engagement\.$/,
    );
  });

  test('the schedule stays correctable until delivery: time (even earlier than planned) and invitees', () => {
    const e = conversationScheduled();
    const earlier = step(
      e,
      FM,
      { type: 'scheduleConversation', startsAt: at(70).toISOString(), invited: [SEC.id] },
      at(80),
    );
    expect(earlier.conversation).toMatchObject({
      scheduledFor: at(70).toISOString(),
      invited: [SEC.id],
    });
    expect(earlier.history.at(-1)?.summary).toMatch(
      /^rescheduled the M365 Security Conversation for .*, inviting Sam Okafor \(Director of Security\)$/,
    );
    expectRefused(
      e,
      FM,
      {
        type: 'scheduleConversation',
        startsAt: new Date(T0.getTime() - 86_400_000).toISOString(),
        invited: [BDM.id],
      },
      'invalid',
      /^The meeting cannot be before the kickoff call was confirmed\.$/,
    );
    const delivered = step(e, FM, { type: 'deliverConversation' }, at(100));
    expectRefused(
      delivered,
      FM,
      {
        type: 'scheduleConversation',
        startsAt: CONVERSATION_START.toISOString(),
        invited: [BDM.id],
      },
      'invalid',
      /^The M365 Security Conversation is already delivered\.$/,
    );
  });

  test('a first schedule is ahead, within a year', () => {
    expectRefused(
      licensed(),
      FM,
      {
        type: 'scheduleConversation',
        startsAt: at(2 * 366 * 24 * 60).toISOString(),
        invited: [BDM.id],
      },
      'invalid',
      /^Schedule the meeting within a year\.$/,
    );
  });
});
