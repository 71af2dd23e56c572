/**
 * The port through which the reminder scheduler reaches a chat. src/teams/proactive.ts implements
 * it with botbuilder; the errors are here so the scheduler can tell them apart without botbuilder.
 */
export interface ReminderSender {
  /**
   * Sends the card into the conversation the reference names (as Teams gave it, as stored),
   * @mentioning those of `mention` who are in the chat (Teams notifies them). Resolves once the
   * chat accepted it; throws UndeliverableError or DeliveryError.
   */
  send(
    reference: Record<string, unknown>,
    card: Record<string, unknown>,
    mention?: readonly Attendee[],
  ): Promise<void>;
}

/** Someone a reminder is for: their Azure AD object id, Teams user id (29:…) and name. */
export interface Attendee {
  id: string;
  teamsId: string;
  name: string;
}

/** The chat will not take the message, now or later (the bot was removed from it): do not retry. */
export class UndeliverableError extends Error {
  constructor(
    readonly statusCode: number,
    options?: { cause?: unknown },
  ) {
    super(
      statusCode === 403
        ? 'The bot is no longer a member of this chat (Teams answered 403).'
        : `The chat no longer exists (Teams answered ${statusCode}).`,
      options,
    );
    this.name = 'UndeliverableError';
  }
}

/** The message was not delivered. `retryable`: sending it again later may work. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly statusCode: number | undefined,
    readonly retryable: boolean,
    readonly attempts: number,
    /** How long the chat service asked us to wait before the next try, when it said so. */
    readonly retryAfterMs?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DeliveryError';
  }
}
