/**
 * Path 11: moving on follows the hand-off. The FM chooses among the next phases the latest
 * hand-off recommended (all three when there is no hand-off: task 3721 is optional), and the
 * record says which.
 */
import { recommendedPhases } from '../../../src/playbook/steps/phase.js';
import { exactly, expectRefused, FM, handoffForm, readyToMoveOn, SME, step } from '../builders.js';

const withHandoff = (recommendedWorkshops: string[]) =>
  step(readyToMoveOn(), SME, {
    type: 'submitHandoff',
    form: handoffForm({ recommendedWorkshops }),
  });

describe('path 11: moving on ignores the hand-off', () => {
  test('a phase the hand-off did not recommend is refused', () => {
    expectRefused(
      withHandoff(['Conduct Security Workshops']),
      FM,
      {
        type: 'moveToNextPhase',
        phases: [
          'Conduct Technical Assessment',
          'Conduct Security Workshops',
          'Conduct Services Workshops',
        ],
      },
      'invalid',
      exactly(
        'The hand-off recommends Conduct Security Workshops; "Conduct Technical Assessment" is not among them. Revise the hand-off form to recommend it first.',
      ),
    );
  });

  test('the record says which phases the FM chose among those recommended', () => {
    const e = step(withHandoff(['Conduct Security Workshops', 'Conduct Services Workshops']), FM, {
      type: 'moveToNextPhase',
      phases: ['Conduct Services Workshops'],
    });
    expect(e.movedOn?.phases).toEqual(['Conduct Services Workshops']);
    expect(e.history.at(-1)?.summary).toBe('moved the engagement on to Conduct Services Workshops');
  });

  test('the latest revision counts', () => {
    const e = step(withHandoff(['Conduct Security Workshops']), SME, {
      type: 'submitHandoff',
      form: handoffForm({ recommendedWorkshops: ['Conduct Technical Assessment'] }),
    });
    expect(recommendedPhases(e)).toEqual(['Conduct Technical Assessment']);
  });

  test('without a hand-off, all three are open; choosing none is refused', () => {
    expect(recommendedPhases(readyToMoveOn())).toEqual([
      'Conduct Technical Assessment',
      'Conduct Security Workshops',
      'Conduct Services Workshops',
    ]);
    expectRefused(
      readyToMoveOn(),
      FM,
      { type: 'moveToNextPhase', phases: [] },
      'invalid',
      exactly('Choose the next phase(s) to move on to.'),
    );
  });
});
