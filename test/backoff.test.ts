import { backoffMs } from '../src/backoff.js';

const policy = (random: number) => ({ baseDelayMs: 1000, maxDelayMs: 6000, random: () => random });

describe('backoff with jitter', () => {
  test('doubles from the base delay and stops at the cap', () => {
    // random() = 0.5: three quarters of 1000, 2000, 4000, then of the 6000 cap.
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffMs(policy(0.5), n))).toEqual([
      750, 1500, 3000, 4500, 4500, 4500,
    ]);
  });

  test('waits between half and all of the ceiling, as the jitter draws', () => {
    expect(backoffMs(policy(0), 3)).toBe(2000);
    expect(backoffMs(policy(0.999), 3)).toBe(3998);
    expect(backoffMs(policy(0), 10)).toBe(3000);
  });

  test('an attempt of 0 or less waits as the first', () => {
    expect(backoffMs(policy(0.5), 0)).toBe(750);
  });
});
