import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { AppConfig } from '../config.js';

/** What the adapter answers one POST to /api/messages with. */
export interface Reply {
  status: number;
  body?: unknown;
}

export type Logic = (context: TurnContext) => Promise<void>;

/**
 * Test seam, never read from settings: the OpenID metadata document whose keys sign the tokens
 * the bot accepts, in place of Microsoft's (login.botframework.com). Token issuer, audience,
 * algorithms and the serviceUrl claim are checked exactly as in production.
 */
export interface AuthenticationOverrides {
  openIdMetadataUrl: string;
}

const id = z.string().min(1).max(1024);
const account = z.looseObject({ id, name: z.string().max(1024).optional() });
const httpUrl = z
  .string()
  .max(2048)
  .refine((v) => {
    try {
      const { protocol } = new URL(v);
      return protocol === 'https:' || protocol === 'http:';
    } catch {
      return false;
    }
  });

/**
 * The envelope every Teams activity has. The bot reads nothing else before authentication, and
 * refuses (400) a body without it rather than failing somewhere inside the SDK.
 */
const envelope = z.looseObject({
  type: z.string().min(1).max(64),
  id: z.string().max(1024).optional(),
  channelId: z.string().min(1).max(64),
  serviceUrl: httpUrl,
  from: account,
  recipient: account,
  conversation: z.looseObject({ id }),
  name: z.string().max(256).optional(),
  text: z.string().optional(),
  replyToId: z.string().max(1024).optional(),
  locale: z.string().max(64).optional(),
  localTimezone: z.string().max(64).optional(),
  timestamp: z.string().max(64).optional(),
  localTimestamp: z.string().max(64).optional(),
  deliveryMode: z.string().max(64).optional(),
  channelData: z.record(z.string(), z.unknown()).optional(),
  entities: z.array(z.looseObject({ type: z.string() })).optional(),
  membersAdded: z.array(account).optional(),
  membersRemoved: z.array(account).optional(),
});

/** An Action.Execute invoke carries its action as an object (botbuilder reads `value.action.type`). */
const cardActionValue = z.looseObject({ action: z.looseObject({}) });

/** The activity as botbuilder expects it (timestamps as dates), or undefined when malformed. */
function readActivity(body: Record<string, unknown>): Activity | undefined {
  const parsed = envelope.safeParse(body);
  if (!parsed.success) return undefined;
  if (
    parsed.data.type === 'invoke' &&
    parsed.data.name === 'adaptiveCard/action' &&
    !cardActionValue.safeParse(parsed.data.value).success
  )
    return undefined;
  const activity = { ...parsed.data } as Record<string, unknown>;
  for (const key of ['timestamp', 'localTimestamp'] as const) {
    const value = parsed.data[key];
    if (value === undefined) continue;
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) return undefined;
    activity[key] = date;
    activity[`raw${key[0].toUpperCase()}${key.slice(1)}`] = value;
  }
  return activity as unknown as Activity;
}

/** The token could not be checked at all (the signing keys could not be fetched): not the sender's fault. */
function keysUnavailable(err: unknown): boolean {
  const e = err as { statusCode?: unknown; name?: unknown } | undefined;
  return (typeof e?.statusCode === 'number' && e.statusCode >= 500) || e?.name === 'FetchError';
}

/** botframework-connector's public-cloud values, used with a test's own metadata document. */
const PUBLIC_CLOUD = {
  ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
  ToChannelFromBotOAuthScope: 'https://api.botframework.com',
  ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
  OAuthUrl: 'https://api.botframework.com',
  CallerId: 'urn:botframework:azure',
} as const;

/**
 * The Bot Framework adapter behind /api/messages: checks the activity's envelope, authenticates
 * the request (with MicrosoftAppId set, a valid Bot Framework JWT is required), runs the turn and
 * says what to answer. Refusals carry no error text from the SDK.
 */
export class TeamsAdapter extends CloudAdapter {
  constructor(
    auth: ConfigurationBotFrameworkAuthentication,
    private readonly logger: Logger,
  ) {
    super(auth);
  }

  async handle(body: Record<string, unknown>, authorization: string, logic: Logic): Promise<Reply> {
    const activity = readActivity(body);
    if (!activity) {
      this.logger.info('request refused: not a Bot Framework activity');
      return { status: 400, body: { error: 'This is not a Bot Framework activity.' } };
    }
    let authenticated;
    try {
      authenticated = await this.botFrameworkAuthentication.authenticateRequest(
        activity,
        authorization,
      );
    } catch (err) {
      if (keysUnavailable(err)) {
        this.logger.error({ err }, 'cannot check tokens: the signing keys are unavailable');
        return { status: 503, body: { error: 'Try again later.' } };
      }
      // The SDK's reason, shortened: it names what failed, never the token.
      const reason = String((err as Error)?.message ?? err).slice(0, 120);
      this.logger.warn({ reason }, 'request refused: not authenticated');
      return { status: 401, body: { error: 'Unauthorized.' } };
    }
    const response = await this.processActivity(authenticated, activity, logic);
    return { status: response?.status ?? 200, ...(response?.body ? { body: response.body } : {}) };
  }
}

export function createAdapter(
  config: AppConfig,
  logger: Logger,
  overrides?: AuthenticationOverrides,
): TeamsAdapter {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: config.bot.appId ?? '',
    MicrosoftAppPassword: config.bot.appPassword ?? '',
    MicrosoftAppType: config.bot.appType,
    MicrosoftAppTenantId: config.bot.tenantId ?? '',
    ...(overrides
      ? {
          ...PUBLIC_CLOUD,
          ValidateAuthority: true,
          ToBotFromChannelOpenIdMetadataUrl: overrides.openIdMetadataUrl,
          ToBotFromEmulatorOpenIdMetadataUrl: overrides.openIdMetadataUrl,
        }
      : {}),
  };
  const adapter = new TeamsAdapter(new ConfigurationBotFrameworkAuthentication(options), logger);
  adapter.onTurnError = async (context, error) => {
    logger.error(
      { err: error.message, stack: error.stack, activityId: context.activity.id },
      'turn failed',
    );
    if (context.activity.type === 'invoke') return;
    await context
      .sendActivity(
        'Sorry, something went wrong on my side. Open the card again to see what was recorded, then try again.',
      )
      .catch(() => undefined);
  };
  return adapter;
}
