/**
 * Path 10: "the customer understands the features" is checked: G5 needs every agenda topic
 * acknowledged by at least one stakeholder (their own answer, or recorded for them in the
 * meeting), and the workshop delivered.
 */
import type { Engagement } from '../../../src/playbook/engagement.js';
import { BDM, edited, exactly, expectRefused, FE, FM, readyToMoveOn, step } from '../builders.js';

const MOVE_ON = { type: 'moveToNextPhase' as const, phases: ['Conduct Security Workshops'] };
const G5 = exactly('Gate G5: the engagement cannot move on to the next phase yet.');
const noAcknowledgement = () =>
  edited(readyToMoveOn(), (d: Engagement) => {
    d.conversation.acknowledgements = {};
  });

describe('path 10: "the customer understands the features" is not checked', () => {
  test('G5 is refused with 0 of 1 agenda acknowledgements, naming each topic', () => {
    expect(expectRefused(noAcknowledgement(), FM, MOVE_ON, 'gate', G5).missing).toEqual([
      'the agenda topic "The importance of security" acknowledged by a stakeholder',
      'the agenda topic "Why a security baseline should be established" acknowledged by a stakeholder',
      'the agenda topic "Why productivity and collaboration workloads should deploy securely" acknowledged by a stakeholder',
    ]);
  });

  test('one topic left out is named alone', () => {
    const e = step(noAcknowledgement(), BDM, {
      type: 'acknowledgeAgenda',
      topics: ['importance', 'baseline'],
      question: '',
    });
    expect(expectRefused(e, FM, MOVE_ON, 'gate', G5).missing).toEqual([
      'the agenda topic "Why productivity and collaboration workloads should deploy securely" acknowledged by a stakeholder',
    ]);
  });

  test('an acknowledgement the FE recorded for a stakeholder in the meeting counts', () => {
    const e = step(noAcknowledgement(), FE, {
      type: 'acknowledgeAgenda',
      topics: ['importance', 'baseline', 'deploySecurely'],
      question: '',
      onBehalfOf: BDM.id,
    });
    expect(step(e, FM, MOVE_ON).movedOn?.by).toBe(FM.id);
  });

  test('the workshop delivered is part of it', () => {
    const e = edited(readyToMoveOn(), (d: Engagement) => {
      delete d.workshop.delivered;
    });
    expect(expectRefused(e, FM, MOVE_ON, 'gate', G5).missing).toEqual([
      'task 3720: the Identity and Device Security workshop delivered',
    ]);
  });
});
