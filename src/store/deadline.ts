import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * How long the store may take, measured so that a person's answer reaches Teams before Teams
 * gives up on the bot (about 15 s; the HTTP edge answers by 13 s at the latest):
 * - STORE_BUDGET_MS: all the store work of one request ends within 9 s of its arrival, which
 *   leaves 4 s to render the card and update the shared card in the chat.
 * - OPERATION_TIMEOUT_MS: one database request (a point read or write takes ~10 ms; throttling
 *   waits are short) is given up after 3 s, so a stalled database fails an answer in ~3 s.
 * - RESOLVE_RESERVE_MS: a write whose outcome is unknown (sent, then no answer) keeps 2 s to find
 *   out whether it was applied, and to make sure it never is if it was not (see cosmos-outcome.ts).
 */
export const STORE_BUDGET_MS = 9_000;
export const OPERATION_TIMEOUT_MS = 3_000;
export const RESOLVE_RESERVE_MS = 2_000;

/** One request's store budget: when it runs out, and whether the store already failed it. */
export interface Budget {
  readonly deadline: number;
  /** Set after a store failure: the request's later store calls fail at once instead of waiting again. */
  failed: boolean;
}

/**
 * The store budget of the request being handled, found by the store without passing it through
 * every layer in between. One per app (no module-level state); outside a request (the reminder
 * scheduler) there is no budget and only the per-operation timeout applies.
 */
export class RequestBudgets {
  private readonly storage = new AsyncLocalStorage<Budget>();

  constructor(
    private readonly budgetMs = STORE_BUDGET_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Runs `work` with a fresh budget that ends `budgetMs` from now. */
  run<T>(work: () => Promise<T>): Promise<T> {
    return this.storage.run({ deadline: this.now() + this.budgetMs, failed: false }, work);
  }

  current(): Budget | undefined {
    return this.storage.getStore();
  }
}

/**
 * How long the next database request may take: the operation timeout, cut to what is left of
 * the request's budget less `reserve`. Zero or less means there is no time left to try.
 */
export function timeLeft(
  budget: Budget | undefined,
  reserve: number,
  now = Date.now(),
  operationTimeout = OPERATION_TIMEOUT_MS,
): number {
  if (!budget) return operationTimeout;
  return Math.min(operationTimeout, budget.deadline - now - reserve);
}
