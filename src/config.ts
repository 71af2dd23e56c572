import { z } from 'zod';
import { isTimeZone } from './playbook/steps/text.js';

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
    NODE_ENV: optionalText,
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
    if (!s.MicrosoftAppId && s.NODE_ENV === 'production') {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppId'],
        message:
          'MicrosoftAppId is required in production: without it requests are not authenticated',
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
    appId?: string;
    appPassword?: string;
    appType: Settings['MicrosoftAppType'];
    tenantId?: string;
  };
  port: number;
  store:
    | { kind: 'cosmos'; endpoint: string; key?: string; database: string; container: string }
    | { kind: 'embedded'; dataDir: string };
  reminders: { leadMinutes: number; intervalSeconds: number };
  defaultTimeZone: string;
  logLevel: Settings['LOG_LEVEL'];
  version: string;
}

/** A setting with a wrong value: the message names each one, never its value. */
export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`The bot cannot start; fix these settings:\n- ${problems.join('\n- ')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv, version = '0.0.0'): AppConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || 'settings'}: ${i.message}`),
    );
  }
  const s = parsed.data;
  return {
    bot: {
      ...(s.MicrosoftAppId ? { appId: s.MicrosoftAppId } : {}),
      ...(s.MicrosoftAppPassword ? { appPassword: s.MicrosoftAppPassword } : {}),
      appType: s.MicrosoftAppType,
      ...(s.MicrosoftAppTenantId ? { tenantId: s.MicrosoftAppTenantId } : {}),
    },
    port: s.PORT,
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
    logLevel: s.LOG_LEVEL,
    version,
  };
}
