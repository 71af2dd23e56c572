import {
  CardFactory,
  MessageFactory,
  TeamsActivityHandler,
  type Activity,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from 'pino';
import type { Answer, CardAnswers } from '../chat/answers.js';
import type { CommandAnswers } from '../chat/commands.js';
import type { Incoming } from '../chat/incoming.js';
import { isPersonalReply, replyTo, type PersonalReply, type Post } from '../chat/replies.js';
import { engagementIdFor } from '../playbook/start.js';
import { commandText, readIncoming, readInvokeAction, readSubmitAction } from './activity.js';
import { withMentions } from './mentions.js';
import { chatRoster } from './roster.js';

/** A short reply to one person that @mentions them (Teams notifies them), or names them when it cannot. */
function mentionReply(reply: PersonalReply): Partial<Activity> {
  const { teamsId, name } = reply.to;
  if (!teamsId) return MessageFactory.text(`${name}: ${reply.text}`);
  return withMentions(MessageFactory.text(reply.text), [{ teamsId, name }]);
}

const asActivity = (post: Post): Partial<Activity> => {
  if (typeof post === 'string') return MessageFactory.text(post);
  if (isPersonalReply(post)) return mentionReply(post);
  return MessageFactory.attachment(CardFactory.adaptiveCard(post));
};

/** Teams in, cards out: reads each activity, asks src/chat what to answer, and sends it. */
export class DeploySecurelyBot extends TeamsActivityHandler {
  constructor(
    private readonly cards: CardAnswers,
    private readonly commands: CommandAnswers,
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
      ? await this.cards.answer(incoming, action, () => chatRoster(context, logger), logger)
      : this.cards.unreadable(incoming);
    // An automatic refresh only fetches this person's view: updating the shared card would loop.
    if (!action?.automatic) await this.deliver(context, incoming, answer, logger);
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: answer.card };
  }

  private async onText(context: TurnContext): Promise<void> {
    const incoming = readIncoming(context.activity);
    const logger = this.log(context, incoming);
    const members = () => chatRoster(context, logger);
    const submitted = readSubmitAction(context.activity.value);
    if (submitted) {
      // Action.Submit, the fallback of old clients: the same door, answered by messages.
      const answer = await this.cards.answer(incoming, submitted, members, logger);
      await this.deliver(context, incoming, answer, logger);
      if (answer.shared) return;
      // No client-side view to put a refusal in: the person who acted gets a short reply that
      // mentions them; a card they asked for (navigation) is posted as the chat's.
      const post =
        answer.personal === undefined ? answer.card : replyTo(incoming.actor, answer.personal);
      await context.sendActivity(asActivity(post));
      return;
    }
    const post = await this.commands.answer(incoming, commandText(context), members, logger);
    if (post !== undefined) await context.sendActivity(asActivity(post));
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
        await context.updateActivity({ ...asActivity(answer.shared), id: incoming.replyToId });
      } catch (err) {
        logger.warn({ err: (err as Error).message }, 'could not update the shared card in place');
        await context.sendActivity(asActivity(answer.shared));
      }
    } else if (answer.shared && !answer.duplicate) {
      await context.sendActivity(asActivity(answer.shared));
    }
    if (answer.post !== undefined) await context.sendActivity(asActivity(answer.post));
  }

  private async welcome(context: TurnContext): Promise<void> {
    const incoming = readIncoming(context.activity);
    const botId = context.activity.recipient?.id;
    const added = context.activity.membersAdded ?? [];
    const joined = added.filter((m) => m.id !== botId);
    const post = await this.commands.welcome(incoming, joined, joined.length < added.length);
    if (post !== undefined) await context.sendActivity(asActivity(post));
  }
}
