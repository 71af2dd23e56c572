import {
  CardFactory,
  MessageFactory,
  TeamsActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from 'pino';
import { engagementIdFor } from '../playbook/start.js';
import { StoreUnavailableError } from '../store/store.js';
import {
  commandText,
  readIncoming,
  readInvokeAction,
  readSubmitAction,
  type Incoming,
} from './activity.js';
import type { Answer, CardAnswers, Message } from '../chat/answers.js';
import { parseCommand, type Command } from '../chat/commands.js';
import { chatRoster } from './roster.js';

type Card = Record<string, unknown>;

/** Why the help card is shown, when it was not asked for. */
function helpNote(command: Command): Message | undefined {
  if (command.kind === 'help') {
    return command.unknown
      ? { kind: 'info', text: 'I did not understand that. Here is what I can do.' }
      : undefined;
  }
  return {
    kind: 'info',
    text: 'There is no engagement in this chat yet: the FastTrack manager starts one with "start <customer>".',
  };
}

const cardActivity = (card: Card) => MessageFactory.attachment(CardFactory.adaptiveCard(card));

/** Teams in, cards out. Everything past this file is framework-free. */
export class DeploySecurelyBot extends TeamsActivityHandler {
  constructor(
    private readonly answers: CardAnswers,
    private readonly logger: Logger,
  ) {
    super();
    this.onMessage(async (context, next) => {
      await this.onText(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      await this.welcome(context);
      await next();
    });
  }

  private log(context: TurnContext, incoming: Incoming): Logger {
    return this.logger.child({
      activityId: incoming.activityId,
      type: context.activity.type,
      conversationKind: incoming.conversationKind,
      ...(incoming.conversationId
        ? { engagementId: engagementIdFor(incoming.conversationId) }
        : {}),
    });
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    value: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const incoming = readIncoming(context.activity);
    const logger = this.log(context, incoming);
    const action = readInvokeAction(value);
    const answer = action
      ? await this.answers.answer(incoming, action, () => chatRoster(context, logger), logger)
      : {
          card: this.answers.render('help', undefined, incoming.actor, {
            message: {
              kind: 'error',
              text: 'That card action was not understood. Nothing was changed.',
            },
          }),
        };
    // An automatic refresh only fetches this person's view: updating the shared card would loop.
    if (!action?.automatic) await this.deliver(context, incoming, answer, logger);
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: answer.card };
  }

  private async onText(context: TurnContext): Promise<void> {
    const incoming = readIncoming(context.activity);
    const logger = this.log(context, incoming);
    const submitted = readSubmitAction(context.activity.value);
    if (submitted) {
      // Action.Submit, the fallback of old clients: the same door, answered by messages.
      const answer = await this.answers.answer(
        incoming,
        submitted,
        () => chatRoster(context, logger),
        logger,
      );
      const failed = !answer.shared;
      await this.deliver(context, incoming, answer, logger);
      if (failed) await context.sendActivity(cardActivity(answer.card));
      return;
    }
    const command = parseCommand(commandText(context));
    logger.info({ command: command.kind }, 'command');
    try {
      if (command.kind === 'start') {
        const answer = await this.answers.answer(
          incoming,
          {
            verb: 'engagement.start',
            data: { card: 'help', customer: command.customer },
            automatic: false,
          },
          () => chatRoster(context, logger),
          logger,
        );
        if (!answer.duplicate)
          await context.sendActivity(cardActivity(answer.shared ?? answer.card));
        return;
      }
      const { engagement, message } = await this.answers.readable(incoming);
      if (command.kind === 'help' || !engagement) {
        const note = message ?? helpNote(command);
        await context.sendActivity(
          cardActivity(
            this.answers.render('help', engagement, incoming.actor, note ? { message: note } : {}),
          ),
        );
        return;
      }
      const members = command.card === 'roles' ? await chatRoster(context, logger) : [];
      const timeZone = incoming.timeZone ?? this.answers.defaultTimeZone;
      await context.sendActivity(
        cardActivity(this.answers.shared(command.card, engagement, { members, timeZone })),
      );
    } catch (err) {
      if (!(err instanceof StoreUnavailableError)) throw err;
      await context.sendActivity(err.message);
    }
  }

  /**
   * Puts the shared card in place and posts what the answer posts. What was decided is already
   * saved: a chat that will not take the message is logged, never turned into a failed answer.
   */
  private async deliver(
    context: TurnContext,
    incoming: Incoming,
    answer: Answer,
    logger: Logger,
  ): Promise<void> {
    try {
      await this.send(context, incoming, answer, logger);
    } catch (err) {
      logger.warn({ err: (err as Error).message }, 'could not post the answer to the chat');
    }
  }

  private async send(
    context: TurnContext,
    incoming: Incoming,
    answer: Answer,
    logger: Logger,
  ): Promise<void> {
    if (answer.shared && incoming.replyToId) {
      try {
        await context.updateActivity({ ...cardActivity(answer.shared), id: incoming.replyToId });
      } catch (err) {
        logger.warn({ err: (err as Error).message }, 'could not update the shared card in place');
        await context.sendActivity(cardActivity(answer.shared));
      }
    } else if (answer.shared && !answer.duplicate) {
      await context.sendActivity(cardActivity(answer.shared));
    }
    if (typeof answer.post === 'string')
      await context.sendActivity(MessageFactory.text(answer.post));
    else if (answer.post) await context.sendActivity(cardActivity(answer.post));
  }

  private async welcome(context: TurnContext): Promise<void> {
    const incoming = readIncoming(context.activity);
    const botId = context.activity.recipient?.id;
    const added = (context.activity.membersAdded ?? []).filter((m) => m.id !== botId);
    const botAdded = (context.activity.membersAdded ?? []).some((m) => m.id === botId);
    const { engagement } = await this.answers
      .readable(incoming)
      .catch(() => ({ engagement: undefined }));
    if (botAdded) {
      await context.sendActivity(cardActivity(this.answers.shared('help', engagement)));
      return;
    }
    const welcomeNames = added.flatMap((m) => (m.name ? [m.name] : [])).slice(0, 20);
    if (added.length > 0) {
      await context.sendActivity(
        cardActivity(this.answers.shared('welcome', engagement, { welcomeNames })),
      );
    }
  }
}
