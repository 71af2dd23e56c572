/**
 * Path 6: the workshop (task 3720) follows the M365 Security Conversation (task 4017, and so the
 * licences); the hand-off (task 3721) follows the workshop.
 */
import {
  conversationDelivered,
  expectRefused,
  FE,
  handoffForm,
  kickedOff,
  licensed,
  SME,
  step,
} from '../builders.js';

const FOLLOWS_4017 =
  /^The Identity and Device Security workshop \(task 3720\) follows the M365 Security Conversation\.$/;

describe('path 6: task 3720 without prerequisites', () => {
  test('the workshop is refused before licensing and before task 4017, naming 4017', () => {
    for (const state of [kickedOff(), licensed()])
      expect(
        expectRefused(state, FE, { type: 'deliverWorkshop' }, 'gate', FOLLOWS_4017).missing,
      ).toEqual(['task 4017: the M365 Security Conversation delivered']);
  });

  test('the hand-off cannot be submitted at once: it follows the workshop', () => {
    const refusal = expectRefused(
      conversationDelivered(),
      SME,
      { type: 'submitHandoff', form: handoffForm() },
      'gate',
      /^The hand-off form \(task 3721\) follows the workshop\.$/,
    );
    expect(refusal.missing).toEqual([
      'task 3720: the Identity and Device Security workshop delivered',
    ]);
  });

  test('in order, each is recorded', () => {
    const e = step(conversationDelivered(), FE, { type: 'deliverWorkshop' });
    const handed = step(e, SME, { type: 'submitHandoff', form: handoffForm() });
    expect(handed.handoff).toHaveLength(1);
    expect(handed.workshop.delivered?.by).toBe(FE.id);
  });
});
