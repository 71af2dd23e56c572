import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import { sleep } from '../backoff.js';
import type { Engagement, FollowUp } from '../playbook/engagement.js';
import { claimDue, settle, type ClaimResult, type SettleOutcome } from '../playbook/reminders.js';
import { mutateEngagement, type Change, type Mutate } from '../store/mutate.js';
import { StoreUnavailableError, type EngagementStore, type Versioned } from '../store/store.js';
import {
  DEFAULT_REMINDER_RETRY,
  outcomeOfFailure,
  retryOrGiveUp,
  type ReminderRetryPolicy,
} from './outcome.js';
import type { Attendee, ReminderSender } from './sender.js';

/** The reminder card for one follow-up of the engagement. */
export type RenderReminder = (
  engagement: Engagement,
  followUpId: string,
  now: Date,
) => Record<string, unknown> | Promise<Record<string, unknown>>;

export interface ReminderSchedulerDeps {
  store: EngagementStore;
  sender: ReminderSender;
  render: RenderReminder;
  clock: () => Date;
  /** Unique per process (see newInstanceId): whose claim a reminder is under. */
  instanceId: string;
  /** How long a claim holds before another instance may take the reminder over (default 5 min). */
  claimMs?: number;
  logger?: Logger;
  /** Share the process's EngagementWriter queue; default: mutateEngagement on `store`. */
  mutate?: Mutate;
  /** Engagements taken per tick (default 50); the rest wait for the next tick. */
  batchSize?: number;
  /** Engagements worked on side by side (default 4); one engagement's reminders go one by one. */
  concurrency?: number;
  retry?: Partial<ReminderRetryPolicy>;
  /** Waits between tries to record a sent reminder when the store fails (default setTimeout). */
  sleep?: (ms: number) => Promise<void>;
}

export interface TickResult {
  /** Reminders delivered. */
  sent: number;
  /** Reminders marked missed: their meeting had started before they could be sent. */
  missed: number;
  /** Reminders claimed but not delivered: to retry later, or undeliverable. */
  failed: number;
}

export const DEFAULT_CLAIM_MS = 5 * 60_000;
const RECORD_TRIES = 3;

/** The follow-up's attendees whose Teams id the engagement knows (those a reminder can @mention). */
export function attendeesOf(e: Engagement, followUp: FollowUp): Attendee[] {
  return followUp.attendees.flatMap((id) => {
    const person = e.people[id];
    return person?.teamsId ? [{ id, teamsId: person.teamsId, name: person.name }] : [];
  });
}

/** A fresh, unique instance id: host, process and a random part (a restarted process is new). */
export function newInstanceId(): string {
  return `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
}

/**
 * Finds due follow-up reminders and sends each once across instances: a reminder is claimed with
 * a conditional write (the loser of a race re-reads, sees the claim and skips), sent, then
 * settled by its claimer. A claim left by a dead instance expires and is taken over.
 */
export class ReminderScheduler {
  private readonly claimMs: number;
  private readonly retry: ReminderRetryPolicy;
  private readonly mutate: Mutate;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly logger: Logger | undefined;
  private inFlight: Promise<TickResult> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(private readonly deps: ReminderSchedulerDeps) {
    this.claimMs = deps.claimMs ?? DEFAULT_CLAIM_MS;
    this.retry = { ...DEFAULT_REMINDER_RETRY, ...deps.retry };
    this.mutate = deps.mutate ?? ((id, decide) => mutateEngagement(deps.store, id, decide));
    this.sleep = deps.sleep ?? sleep;
    this.logger = deps.logger?.child({ component: 'reminders', instanceId: deps.instanceId });
  }

  /** One pass over the due reminders. A tick asked for while one runs joins it. */
  tick(): Promise<TickResult> {
    this.inFlight ??= this.runTick().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  /** Ticks now, then `intervalMs` after each tick ends. */
  start(intervalMs: number): void {
    if (this.running) return;
    this.running = true;
    const loop = async (): Promise<void> => {
      this.timer = undefined;
      try {
        const result = await this.tick();
        if (result.sent + result.missed + result.failed > 0)
          this.logger?.info(result, 'reminder tick');
      } catch (err) {
        this.logger?.error(
          { errorName: (err as Error).name },
          'reminder tick failed; trying again next tick',
        );
      }
      if (!this.running) return;
      this.timer = setTimeout(() => void loop(), intervalMs);
      this.timer.unref();
    };
    void loop();
  }

  /** Stops ticking; resolves once the tick in flight (its sends and writes) has finished. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.inFlight?.catch(() => undefined);
  }

  private async runTick(): Promise<TickResult> {
    const now = this.deps.clock();
    const due = await this.deps.store.dueReminders(now.toISOString(), this.deps.batchSize ?? 50);
    const counts: TickResult = { sent: 0, missed: 0, failed: 0 };
    const queue = [...due];
    const workers = Math.max(1, Math.min(this.deps.concurrency ?? 4, queue.length));
    await Promise.all(
      Array.from({ length: workers }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          await this.work(next.engagement.engagementId, now, counts);
        }
      }),
    );
    return counts;
  }

  /** Claims what is due on one engagement, then sends and settles each claimed reminder in turn. */
  private async work(engagementId: string, now: Date, counts: TickResult): Promise<void> {
    const log = this.logger?.child({ engagementId });
    let claim: ClaimResult | undefined;
    try {
      claim = await this.mutate(engagementId, (current) => this.decideClaim(current, now));
    } catch (err) {
      log?.warn(
        { errorName: (err as Error).name },
        'could not claim due reminders; next tick will',
      );
      return;
    }
    if (!claim) return;
    counts.missed += claim.missed.length;
    for (const f of claim.missed)
      log?.info({ followUpId: f.id }, 'reminder missed: the meeting had started');
    for (const followUp of claim.claimed) {
      const outcome = await this.deliver(claim.engagement, followUp, log);
      if (!outcome) continue;
      if (outcome.kind === 'sent') counts.sent++;
      else counts.failed++;
      await this.record(engagementId, followUp.id, outcome, log);
    }
  }

  private decideClaim(current: Versioned | undefined, now: Date): Change<ClaimResult | undefined> {
    if (!current) return { result: undefined };
    const result = claimDue(current.engagement, this.deps.instanceId, now, this.claimMs);
    return result.engagement === current.engagement
      ? { result }
      : { write: result.engagement, result };
  }

  /** Sends one claimed reminder; undefined when the claim ran too short to send it safely. */
  private async deliver(
    e: Engagement,
    followUp: FollowUp,
    log: Logger | undefined,
  ): Promise<SettleOutcome | undefined> {
    const start = this.deps.clock();
    const left = Date.parse(followUp.reminder.claimExpiresAt ?? '') - start.getTime();
    if (!(left >= this.claimMs / 2)) {
      log?.warn(
        { followUpId: followUp.id },
        'claim too close to expiry; leaving the reminder to the next claim',
      );
      return undefined;
    }
    if (!e.conversationReference) {
      return {
        kind: 'undeliverable',
        error: 'No chat is stored for this engagement to send the reminder to.',
      };
    }
    let card: Record<string, unknown>;
    try {
      card = await this.deps.render(e, followUp.id, start);
    } catch (err) {
      log?.error(
        { followUpId: followUp.id, errorName: (err as Error).name },
        'reminder card could not be rendered',
      );
      return retryOrGiveUp(
        this.retry,
        followUp,
        'The reminder card could not be made.',
        this.deps.clock(),
      );
    }
    try {
      await this.deps.sender.send(e.conversationReference, card, attendeesOf(e, followUp));
      return { kind: 'sent' };
    } catch (err) {
      const outcome = outcomeOfFailure(this.retry, followUp, err, this.deps.clock());
      log?.warn(
        { followUpId: followUp.id, errorName: (err as Error).name, outcome: outcome.kind },
        'reminder not delivered',
      );
      return outcome;
    }
  }

  /**
   * Settles the reminder under this instance's claim. A store failure is tried again: a sent
   * reminder left unrecorded would be sent again once its claim expires.
   */
  private async record(
    engagementId: string,
    followUpId: string,
    outcome: SettleOutcome,
    log: Logger | undefined,
  ): Promise<void> {
    const at = this.deps.clock();
    for (let attempt = 1; ; attempt++) {
      try {
        const recorded = await this.mutate(engagementId, (current) => {
          if (!current) return { result: false };
          const next = settle(current.engagement, followUpId, this.deps.instanceId, outcome, at);
          return next === current.engagement ? { result: false } : { write: next, result: true };
        });
        if (!recorded)
          log?.warn(
            { followUpId, outcome: outcome.kind },
            'reminder no longer under our claim; outcome not recorded',
          );
        return;
      } catch (err) {
        if (!(err instanceof StoreUnavailableError) || attempt >= RECORD_TRIES) {
          log?.error(
            { followUpId, outcome: outcome.kind, errorName: (err as Error).name },
            'reminder outcome not recorded',
          );
          return;
        }
        await this.sleep(250 * attempt);
      }
    }
  }
}
