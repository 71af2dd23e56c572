import {
  CardFactory,
  MessageFactory,
  type ConversationReference,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from 'pino';
import { backoffMs, sleep, type Backoff } from '../backoff.js';
import {
  DeliveryError,
  UndeliverableError,
  type Attendee,
  type ReminderSender,
} from '../reminders/sender.js';
import { withMentions } from './mentions.js';
import { readMembers } from './roster.js';

export { DeliveryError, UndeliverableError, type ReminderSender };

/** The part of botbuilder's CloudAdapter a proactive send needs. */
export interface ProactiveAdapter {
  continueConversationAsync(
    botAppId: string,
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void>;
}

export interface BotReminderSenderOptions {
  adapter: ProactiveAdapter;
  /** The bot's Microsoft App ID. */
  appId: string;
  /** Tries per send, the first included (default 5). */
  maxAttempts?: number;
  /** Backoff before the 2nd try; doubles each time, with jitter (default 1000 ms). */
  baseDelayMs?: number;
  /** The longest wait between two tries (default 15000 ms); a longer Retry-After ends the send. */
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Uniform in [0, 1), for the jitter. */
  random?: () => number;
  /** Epoch milliseconds, to read a Retry-After given as an HTTP date. */
  now?: () => number;
  logger?: Logger;
}

/** Teams throttling and transient gateway failures, worth another try. */
export const RETRYABLE_STATUSES: readonly number[] = [412, 429, 502, 504];
/** The bot was removed from the chat (403) or the chat is gone (404). */
export const UNDELIVERABLE_STATUSES: readonly number[] = [403, 404];

/**
 * After the tries of one send are spent, may a later send work? Yes for throttling, timeouts,
 * server and network failures, and a 401 (the bot's credentials, which operators can fix); no for
 * a request Teams rejects as it is (400, 413, …).
 */
function laterMayWork(status: number | undefined): boolean {
  return (
    status === undefined ||
    status === 401 ||
    status === 408 ||
    status >= 500 ||
    RETRYABLE_STATUSES.includes(status)
  );
}

function statusOf(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const { statusCode, response } = err as { statusCode?: unknown; response?: { status?: unknown } };
  if (typeof statusCode === 'number') return statusCode;
  if (typeof response?.status === 'number' && response.status > 0) return response.status;
  return undefined;
}

function retryAfterHeader(err: unknown): string | undefined {
  const headers = (err as { response?: { headers?: unknown } } | null)?.response?.headers;
  if (!headers || typeof headers !== 'object') return undefined;
  const getter = (headers as { get?: unknown }).get;
  const value =
    typeof getter === 'function'
      ? (getter as (name: string) => unknown).call(headers, 'retry-after')
      : ((headers as Record<string, unknown>)['retry-after'] ??
        (headers as Record<string, unknown>)['Retry-After']);
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** Retry-After in milliseconds (delta seconds or an HTTP date), or undefined. */
export function retryAfterMs(err: unknown, nowMs: number): number | undefined {
  const value = retryAfterHeader(err)?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** Sends cards proactively through botbuilder, retrying what Teams asks to retry. */
export class BotReminderSender implements ReminderSender {
  private readonly maxAttempts: number;
  private readonly backoff: Backoff;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;

  constructor(private readonly options: BotReminderSenderOptions) {
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 5);
    this.backoff = {
      baseDelayMs: options.baseDelayMs ?? 1000,
      maxDelayMs: options.maxDelayMs ?? 15_000,
      random: options.random ?? Math.random,
    };
    this.sleep = options.sleep ?? sleep;
    this.now = options.now ?? Date.now;
  }

  async send(
    reference: Record<string, unknown>,
    card: Record<string, unknown>,
    mention: readonly Attendee[] = [],
  ): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      let err: unknown;
      try {
        await this.sendOnce(reference, card, mention);
        return;
      } catch (caught) {
        err = caught;
      }
      const status = statusOf(err);
      if (status !== undefined && UNDELIVERABLE_STATUSES.includes(status)) {
        throw new UndeliverableError(status, { cause: err });
      }
      const retryable = status !== undefined && RETRYABLE_STATUSES.includes(status);
      const askedMs = retryable ? retryAfterMs(err, this.now()) : undefined;
      const waitMs = Math.max(askedMs ?? 0, backoffMs(this.backoff, attempt));
      if (!retryable || attempt >= this.maxAttempts || waitMs > this.backoff.maxDelayMs) {
        const what =
          status === undefined
            ? 'the request failed before Teams answered'
            : `Teams answered ${status}`;
        throw new DeliveryError(
          `Not delivered: ${what} (attempt ${attempt} of ${this.maxAttempts}).`,
          status,
          laterMayWork(status),
          attempt,
          askedMs,
          { cause: err },
        );
      }
      this.options.logger?.warn(
        { status, attempt, waitMs },
        'proactive send throttled or failed; retrying',
      );
      await this.sleep(waitMs);
    }
  }

  /**
   * Those of `people` who are members of the chat now (someone who left is not mentioned). When
   * Teams cannot list the members, everyone: a mention too many beats a reminder nobody sees.
   */
  private async inChat(context: TurnContext, people: readonly Attendee[]): Promise<Attendee[]> {
    if (people.length === 0) return [];
    try {
      const members = await readMembers(context);
      const here = new Set(members.flatMap((m) => [m.id, m.teamsId]));
      return people.filter((p) => here.has(p.id) || here.has(p.teamsId));
    } catch (err) {
      this.options.logger?.warn(
        { err: (err as Error).message },
        'could not read the chat roster; mentioning every attendee',
      );
      return [...people];
    }
  }

  /**
   * One try. The error is caught inside the turn: the adapter's onTurnError would otherwise
   * swallow it, and a failed send would look delivered.
   */
  private async sendOnce(
    reference: Record<string, unknown>,
    card: Record<string, unknown>,
    mention: readonly Attendee[],
  ): Promise<void> {
    let failure: { error: unknown } | undefined;
    let delivered = false;
    await this.options.adapter.continueConversationAsync(
      this.options.appId,
      reference as Partial<ConversationReference>,
      async (context) => {
        try {
          const present = await this.inChat(context, mention);
          const activity = MessageFactory.attachment(
            CardFactory.adaptiveCard(card),
            present.length ? 'this meeting is coming up.' : undefined,
          );
          await context.sendActivity(withMentions(activity, present));
          delivered = true;
        } catch (error) {
          failure = { error };
        }
      },
    );
    if (failure) throw failure.error;
    if (!delivered) throw new Error('The adapter did not run the proactive turn.');
  }
}
