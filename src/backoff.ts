/** How long to wait between tries: doubling from `baseDelayMs`, capped, with jitter. */
export interface Backoff {
  baseDelayMs: number;
  maxDelayMs: number;
  /** Uniform in [0, 1), for the jitter. */
  random: () => number;
}

/**
 * The wait after the `attempt`-th failed try (1 = the first): exponential backoff with equal
 * jitter, between half and all of `baseDelayMs * 2^(attempt-1)`, capped at `maxDelayMs`. The
 * jitter keeps instances that failed together from trying again together.
 */
export function backoffMs(policy: Backoff, attempt: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + policy.random() * (ceiling / 2));
}

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));
