import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import type { Logger } from 'pino';
import type { AppConfig } from '../config.js';

/**
 * The Bot Framework adapter. With MicrosoftAppId set, every request to /api/messages must carry
 * a valid Bot Framework JWT; without it (local development only) the bot runs unauthenticated.
 */
export function createAdapter(config: AppConfig, logger: Logger): CloudAdapter {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: config.bot.appId ?? '',
    MicrosoftAppPassword: config.bot.appPassword ?? '',
    MicrosoftAppType: config.bot.appType,
    MicrosoftAppTenantId: config.bot.tenantId ?? '',
  };
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(options));
  adapter.onTurnError = async (context, error) => {
    logger.error(
      { err: error.message, stack: error.stack, activityId: context.activity.id },
      'turn failed',
    );
    if (context.activity.type === 'invoke') return;
    await context
      .sendActivity(
        'Sorry, something went wrong on my side and nothing was saved. Please try again.',
      )
      .catch(() => undefined);
  };
  return adapter;
}
