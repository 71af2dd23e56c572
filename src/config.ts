import { z } from 'zod';
import { graphSettings, type GraphConfig } from './config-graph.js';
import { isTimeZone } from './playbook/time.js';

/** NODE_ENV values that mean production, however they are spelled. */
const PRODUCTION = /^\s*prod/i;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalText = z.preprocess(blankToUndefined, z.string().trim().optional());
const wholeNumber = (name: string, min: number, max: number, fallback: number) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: `${name} must be a number` })
      .int(`${name} must be a whole number`)
      .min(min, `${name} must be at least ${min}`)
      .max(max, `${name} must be at most ${max}`)
      .default(fallback),
  );

const schema = z
  .object({
    MicrosoftAppId: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .regex(GUID, "MicrosoftAppId must be the bot's Microsoft App ID (a GUID)")
        .optional(),
    ),
    MicrosoftAppPassword: optionalText,
    MicrosoftAppType: z.preprocess(
      blankToUndefined,
      z
        .enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'], {
          error: 'MicrosoftAppType must be MultiTenant, SingleTenant or UserAssignedMSI',
        })
        .default('MultiTenant'),
    ),
    MicrosoftAppTenantId: z.preprocess(
      blankToUndefined,
      z.string().trim().regex(GUID, 'MicrosoftAppTenantId must be a tenant id (a GUID)').optional(),
    ),
    PORT: wholeNumber('PORT', 0, 65535, 3978),
    COSMOS_ENDPOINT: z.preprocess(
      blankToUndefined,
      z
        .url({
          error: 'COSMOS_ENDPOINT must be a URL such as https://<account>.documents.azure.com:443/',
        })
        .optional(),
    ),
    COSMOS_KEY: optionalText,
    COSMOS_DATABASE: z.preprocess(blankToUndefined, z.string().default('deploy-securely')),
    COSMOS_CONTAINER: z.preprocess(blankToUndefined, z.string().default('engagements')),
    DATA_DIR: z.preprocess(blankToUndefined, z.string().default('./data')),
    REMINDER_LEAD_MINUTES: wholeNumber('REMINDER_LEAD_MINUTES', 0, 7 * 24 * 60, 15),
    REMINDER_INTERVAL_SECONDS: wholeNumber('REMINDER_INTERVAL_SECONDS', 1, 3600, 30),
    DEFAULT_TIME_ZONE: z.preprocess(
      blankToUndefined,
      z
        .string()
        .refine(isTimeZone, 'DEFAULT_TIME_ZONE must be an IANA time zone such as Europe/London')
        .default('UTC'),
    ),
    INSECURE_LOCAL_UNAUTHENTICATED: z.preprocess(
      blankToUndefined,
      z
        .enum(['true', 'false'], {
          error: 'INSECURE_LOCAL_UNAUTHENTICATED must be true or false',
        })
        .default('false'),
    ),
    NODE_ENV: optionalText,
    PUBLIC_URL: z.preprocess(
      blankToUndefined,
      z
        .url({
          protocol: /^https?$/,
          error:
            'PUBLIC_URL must be the address people reach the bot at, such as https://bot.contoso.com',
        })
        .optional(),
    ),
    DOWNLOAD_LINK_KEY: z.preprocess(
      blankToUndefined,
      z.string().min(32, 'DOWNLOAD_LINK_KEY must be at least 32 characters').optional(),
    ),
    // Set by Azure App Service itself: the app's primary host name, and a key it manages.
    WEBSITE_HOSTNAME: optionalText,
    WEBSITE_AUTH_SIGNING_KEY: optionalText,
    LOG_LEVEL: z.preprocess(
      blankToUndefined,
      z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    ),
  })
  .superRefine((s, ctx) => {
    if (s.MicrosoftAppId && s.MicrosoftAppType !== 'UserAssignedMSI' && !s.MicrosoftAppPassword) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppPassword'],
        message: 'MicrosoftAppPassword is required with MicrosoftAppId',
      });
    }
    if (s.MicrosoftAppType !== 'MultiTenant' && !s.MicrosoftAppTenantId) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppTenantId'],
        message: `MicrosoftAppTenantId is required when MicrosoftAppType is ${s.MicrosoftAppType}`,
      });
    }
    if (s.REMINDER_LEAD_MINUTES * 60 <= s.REMINDER_INTERVAL_SECONDS) {
      // A reminder is found at the first check after it falls due; by then its meeting must not
      // have started, or it is marked missed and never sent.
      ctx.addIssue({
        code: 'custom',
        path: ['REMINDER_LEAD_MINUTES'],
        message: `REMINDER_LEAD_MINUTES must be longer than REMINDER_INTERVAL_SECONDS (${s.REMINDER_INTERVAL_SECONDS} s): reminders found after their meeting started are never sent`,
      });
    }
    const insecureLocal = s.INSECURE_LOCAL_UNAUTHENTICATED === 'true';
    if (!s.MicrosoftAppId && !insecureLocal) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppId'],
        message:
          "MicrosoftAppId is not set, so requests could not be authenticated. Set MicrosoftAppId and MicrosoftAppPassword (the Azure Bot's app registration); only to try the bot on this machine, set INSECURE_LOCAL_UNAUTHENTICATED=true instead",
      });
    }
    if (!s.MicrosoftAppId && insecureLocal && PRODUCTION.test(s.NODE_ENV ?? '')) {
      ctx.addIssue({
        code: 'custom',
        path: ['INSECURE_LOCAL_UNAUTHENTICATED'],
        message: `INSECURE_LOCAL_UNAUTHENTICATED cannot be used with NODE_ENV=${s.NODE_ENV}: set MicrosoftAppId`,
      });
    }
    if (!s.MicrosoftAppId && (s.MicrosoftAppPassword || s.MicrosoftAppTenantId)) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppId'],
        message: 'MicrosoftAppId is missing while other Microsoft App settings are set',
      });
    }
  });

export type Settings = z.infer<typeof schema>;

export interface AppConfig {
  bot: {
    /**
     * `bot-framework`: every request to /api/messages must carry a valid Bot Framework token.
     * `insecure-local`: nobody is authenticated and `from`/`serviceUrl` are taken on trust, so the
     * bot listens on 127.0.0.1 only; it runs so only on the explicit INSECURE_LOCAL_UNAUTHENTICATED
     * opt-in and never without it.
     */
    authentication: 'bot-framework' | 'insecure-local';
    appId?: string;
    appPassword?: string;
    appType: Settings['MicrosoftAppType'];
    tenantId?: string;
  };
  port: number;
  /** The address to listen on: all interfaces when authenticated, loopback only otherwise. */
  host: '0.0.0.0' | '127.0.0.1';
  store:
    | { kind: 'cosmos'; endpoint: string; key?: string; database: string; container: string }
    | { kind: 'embedded'; dataDir: string };
  reminders: { leadMinutes: number; intervalSeconds: number };
  defaultTimeZone: string;
  /** Reading customers' tenants through Microsoft Graph; absent when not set up. */
  graph?: GraphConfig;
  logLevel: Settings['LOG_LEVEL'];
  version: string;
  /**
   * Where people reach the bot (download links, the messaging endpoint it names): PUBLIC_URL, else
   * App Service's own host name over https. Unset on this machine: the address it listens on.
   */
  publicUrl?: string;
  /**
   * What signs download links: DOWNLOAD_LINK_KEY, else the key App Service manages for the app
   * (the same on every instance), else none: a random key per process (one instance only; links
   * end when it restarts).
   */
  downloadKey?: { key: string; source: 'DOWNLOAD_LINK_KEY' | 'App Service' };
}

/** A setting with a wrong value: the message names each one, never its value. */
export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`The bot cannot start; fix these settings:\n- ${problems.join('\n- ')}`);
    this.name = 'ConfigError';
  }
}

function publicUrlOf(s: Settings): { publicUrl?: string } {
  if (s.PUBLIC_URL) return { publicUrl: s.PUBLIC_URL.replace(/\/+$/, '') };
  if (s.WEBSITE_HOSTNAME) return { publicUrl: `https://${s.WEBSITE_HOSTNAME}` };
  return {};
}

export function loadConfig(env: NodeJS.ProcessEnv, version = '0.0.0'): AppConfig {
  const parsed = schema.safeParse(env);
  const { graph, problems } = graphSettings(env, PRODUCTION.test(env.NODE_ENV ?? ''));
  if (!parsed.success || problems.length > 0) {
    throw new ConfigError([
      ...(parsed.error?.issues ?? []).map((i) => `${i.path.join('.') || 'settings'}: ${i.message}`),
      ...problems,
    ]);
  }
  const s = parsed.data;
  const authenticated = Boolean(s.MicrosoftAppId);
  return {
    bot: {
      authentication: authenticated ? 'bot-framework' : 'insecure-local',
      ...(s.MicrosoftAppId ? { appId: s.MicrosoftAppId } : {}),
      ...(s.MicrosoftAppPassword ? { appPassword: s.MicrosoftAppPassword } : {}),
      appType: s.MicrosoftAppType,
      ...(s.MicrosoftAppTenantId ? { tenantId: s.MicrosoftAppTenantId } : {}),
    },
    port: s.PORT,
    host: authenticated ? '0.0.0.0' : '127.0.0.1',
    store: s.COSMOS_ENDPOINT
      ? {
          kind: 'cosmos',
          endpoint: s.COSMOS_ENDPOINT,
          ...(s.COSMOS_KEY ? { key: s.COSMOS_KEY } : {}),
          database: s.COSMOS_DATABASE,
          container: s.COSMOS_CONTAINER,
        }
      : { kind: 'embedded', dataDir: s.DATA_DIR },
    reminders: {
      leadMinutes: s.REMINDER_LEAD_MINUTES,
      intervalSeconds: s.REMINDER_INTERVAL_SECONDS,
    },
    defaultTimeZone: s.DEFAULT_TIME_ZONE,
    ...(graph ? { graph } : {}),
    logLevel: s.LOG_LEVEL,
    version,
    ...publicUrlOf(s),
    ...(s.DOWNLOAD_LINK_KEY
      ? { downloadKey: { key: s.DOWNLOAD_LINK_KEY, source: 'DOWNLOAD_LINK_KEY' as const } }
      : s.WEBSITE_AUTH_SIGNING_KEY
        ? { downloadKey: { key: s.WEBSITE_AUTH_SIGNING_KEY, source: 'App Service' as const } }
        : {}),
  };
}
