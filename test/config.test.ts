import { ConfigError, loadConfig } from '../src/config.js';

const APP_ID = '11111111-2222-3333-4444-555555555555';
const TENANT = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';

function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected the settings to be refused');
}

describe('settings', () => {
  it('starts on port 3978 with the embedded store when only the local opt-in is set', () => {
    const config = loadConfig({ INSECURE_LOCAL_UNAUTHENTICATED: 'true' });
    expect(config.port).toBe(3978);
    expect(config.store).toEqual({ kind: 'embedded', dataDir: './data' });
    expect(config.bot.appId).toBeUndefined();
    expect(config.reminders.leadMinutes).toBe(15);
  });

  it('reads the Azure Bot Service settings and Cosmos DB', () => {
    const config = loadConfig({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'secret',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: TENANT,
      PORT: '8080',
      COSMOS_ENDPOINT: 'https://contoso.documents.azure.com:443/',
      COSMOS_DATABASE: 'db',
      COSMOS_CONTAINER: 'c',
    });
    expect(config.bot).toEqual({
      authentication: 'bot-framework',
      appId: APP_ID,
      appPassword: 'secret',
      appType: 'SingleTenant',
      tenantId: TENANT,
    });
    expect(config.port).toBe(8080);
    expect(config.host).toBe('0.0.0.0');
    expect(config.store).toEqual({
      kind: 'cosmos',
      endpoint: 'https://contoso.documents.azure.com:443/',
      database: 'db',
      container: 'c',
    });
  });

  it('names each wrong setting, and never its secret value', () => {
    const found = problems({
      MicrosoftAppId: 'not-a-guid',
      MicrosoftAppPassword: 'hunter2',
      PORT: 'eighty',
      MicrosoftAppType: 'Anything',
    });
    expect(found.join('\n')).toMatch(/MicrosoftAppId/);
    expect(found.join('\n')).toMatch(/PORT/);
    expect(found.join('\n')).toMatch(/MicrosoftAppType/);
    expect(found.join('\n')).not.toMatch(/hunter2/);
  });

  it('refuses an app id without its password, and single tenant without its tenant', () => {
    expect(problems({ MicrosoftAppId: APP_ID }).join()).toMatch(/MicrosoftAppPassword is required/);
    expect(
      problems({
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: 'x',
        MicrosoftAppType: 'SingleTenant',
      }).join(),
    ).toMatch(/MicrosoftAppTenantId is required/);
  });

  it('refuses a reminder lead shorter than the time between two reminder checks', () => {
    // A reminder due between two checks is found at the next one: after its meeting started,
    // so it would be marked missed instead of sent (with a lead of 0, every reminder).
    expect(problems({ REMINDER_LEAD_MINUTES: '0' }).join()).toMatch(/REMINDER_LEAD_MINUTES/);
    expect(
      problems({ REMINDER_LEAD_MINUTES: '5', REMINDER_INTERVAL_SECONDS: '600' }).join(),
    ).toMatch(/REMINDER_LEAD_MINUTES must be longer than REMINDER_INTERVAL_SECONDS/);
    expect(
      loadConfig({
        REMINDER_LEAD_MINUTES: '1',
        REMINDER_INTERVAL_SECONDS: '30',
        INSECURE_LOCAL_UNAUTHENTICATED: 'true',
      }).reminders,
    ).toEqual({ leadMinutes: 1, intervalSeconds: 30 });
  });

  it.each([{}, { NODE_ENV: 'development' }, { NODE_ENV: 'Production' }, { NODE_ENV: 'prod' }])(
    'refuses to start unauthenticated without the explicit opt-in (%j), saying what to set',
    (env) => {
      const found = problems(env).join('\n');
      expect(found).toMatch(/MicrosoftAppId is not set/);
      expect(found).toMatch(/MicrosoftAppPassword/);
      expect(found).toMatch(/INSECURE_LOCAL_UNAUTHENTICATED=true/);
    },
  );

  it('runs unauthenticated only on the explicit opt-in, and then on loopback only', () => {
    const config = loadConfig({ INSECURE_LOCAL_UNAUTHENTICATED: 'true' });
    expect(config.bot.authentication).toBe('insecure-local');
    expect(config.host).toBe('127.0.0.1');
    expect(problems({ INSECURE_LOCAL_UNAUTHENTICATED: 'yes' }).join()).toMatch(
      /INSECURE_LOCAL_UNAUTHENTICATED must be true or false/,
    );
    expect(problems({ INSECURE_LOCAL_UNAUTHENTICATED: 'false' }).join()).toMatch(
      /MicrosoftAppId is not set/,
    );
  });

  it('never runs unauthenticated in production, opt-in or not', () => {
    for (const NODE_ENV of ['production', 'Production', 'prod'])
      expect(problems({ NODE_ENV, INSECURE_LOCAL_UNAUTHENTICATED: 'true' }).join()).toMatch(
        /INSECURE_LOCAL_UNAUTHENTICATED cannot be used with NODE_ENV/,
      );
  });

  it('authenticates whenever MicrosoftAppId is set, the local opt-in notwithstanding', () => {
    const config = loadConfig({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'secret',
      INSECURE_LOCAL_UNAUTHENTICATED: 'true',
    });
    expect(config.bot.authentication).toBe('bot-framework');
    expect(config.host).toBe('0.0.0.0');
  });

  it('refuses a port out of range, a bad URL and an unknown time zone', () => {
    const found = problems({
      PORT: '70000',
      COSMOS_ENDPOINT: 'not a url',
      DEFAULT_TIME_ZONE: 'Mars/Olympus',
    }).join('\n');
    expect(found).toMatch(/PORT must be at most 65535/);
    expect(found).toMatch(/COSMOS_ENDPOINT/);
    expect(found).toMatch(/DEFAULT_TIME_ZONE/);
  });
});
