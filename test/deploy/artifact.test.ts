/**
 * What `atk deploy` uploads, run as App Service runs it: build/azure laid out by the stage script,
 * production packages only (`npm ci --omit=dev`), started by the template's command line. With
 * the template's settings and no managed identity on this machine, the start fails at the Cosmos
 * DB sign-in and says so; nothing leaves the loopback interface.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stageApp } from '../../scripts/stage-azure.js';
import { listening, runBot, type BotProcess } from '../support/bot-process.js';
import {
  appSettingsEnv,
  at,
  resourceOfType,
  ROOT,
  SAMPLE_CLIENT_ID,
  SAMPLE_TENANT_ID,
} from './template.js';

const siteConfig = at(resourceOfType('Microsoft.Web/sites').body, 'properties.siteConfig') as {
  appCommandLine: string;
  healthCheckPath: string;
};

/** The template's command line (`node <entry>`) in the staged folder, with only `env`. */
function startStaged(dir: string, env: NodeJS.ProcessEnv): BotProcess {
  const [command, ...args] = siteConfig.appCommandLine.split(' ');
  expect(command).toBe('node');
  expect(args).toHaveLength(1);
  return runBot(args[0], env, dir);
}

/** A loopback port nothing listens on: connections are refused. */
async function refusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A loopback server that accepts connections and never answers; counts them. */
async function silentServer(): Promise<{
  server: Server;
  port: number;
  connections: () => number;
}> {
  const sockets: Socket[] = [];
  const server = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.on('close', () => sockets.forEach((s) => s.destroy()));
  return {
    server,
    port: (server.address() as AddressInfo).port,
    connections: () => sockets.length,
  };
}

/**
 * The managed identity endpoint of a machine that has no such identity: it answers every token
 * request as Azure's instance metadata service does for an identity not assigned to it.
 */
async function identityEndpointWithoutIdentity(): Promise<{
  close: () => void;
  url: string;
  requests: () => number;
}> {
  let requests = 0;
  const server = createHttpServer((_req, res) => {
    requests++;
    res.writeHead(400, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'invalid_request', error_description: 'Identity not found' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    close: () => server.close(),
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => requests,
  };
}

describe('the deployed app, as App Service runs it', () => {
  let work: string;
  let app: string;
  let staged: string[];

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'ds-artifact-'));
    app = join(work, 'app');
    const compiled = join(work, 'compiled');
    execFileSync(
      process.execPath,
      [
        join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
        '-p',
        'tsconfig.build.json',
        '--outDir',
        compiled,
      ],
      { cwd: ROOT },
    );
    staged = stageApp({ root: ROOT, compiled, target: app });
    // The deploy step: exactly the locked production packages.
    execFileSync(
      'npm',
      ['ci', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts'],
      { cwd: app, stdio: 'ignore' },
    );
  }, 300_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('holds the compiled bot, its card templates and the lock, and no test, source or dev package', () => {
    expect(staged).toEqual(
      expect.arrayContaining([
        'package.json',
        'package-lock.json',
        'dist/src/index.js',
        'dist/src/app.js',
        'cards/help.json',
      ]),
    );
    expect(staged.filter((f) => /\.ts$|\.map$|\.data\.json$|^test\/|^scripts\//.test(f))).toEqual(
      [],
    );
    const installed = readdirSync(join(app, 'node_modules'));
    expect(installed).toEqual(expect.arrayContaining(['botbuilder', 'restify', '@azure']));
    for (const dev of ['typescript', 'jest', 'yaml', 'playwright-core', '@vercel'])
      expect([dev, existsSync(join(app, 'node_modules', dev))]).toEqual([dev, false]);
  });

  it("starts on production packages only with the template's bot settings, answers the health check App Service probes and refuses an unsigned message", async () => {
    // The template's settings but the engagements on this machine's disk instead of Cosmos DB.
    const bot = startStaged(app, {
      ...appSettingsEnv(),
      COSMOS_ENDPOINT: '',
      DATA_DIR: join(work, 'data'),
      PORT: '0',
    });
    try {
      const { port } = await listening(bot);
      const res = await fetch(`http://127.0.0.1:${port}${siteConfig.healthCheckPath}`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: 'ok', store: 'embedded' });
      const unsigned = await fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          text: 'status',
          channelId: 'msteams',
          serviceUrl: 'https://smba.trafficmanager.net/teams/',
          from: { id: '29:someone', aadObjectId: '6f1c2a7e-93b4-4d8e-a1f0-2c5b7d9e0a13' },
          conversation: { id: '19:deploy-test@thread.v2', tenantId: SAMPLE_TENANT_ID },
          recipient: { id: `28:${SAMPLE_CLIENT_ID}` },
        }),
      });
      expect(unsigned.status).toBe(401);
    } finally {
      bot.child.kill('SIGTERM');
    }
    expect(await bot.exited).toBe(0);
  });

  it("with the template's settings and no managed identity here, fails only at the Cosmos DB sign-in, saying what is missing", async () => {
    const refused = await refusedPort();
    const silent = await silentServer();
    const identity = await identityEndpointWithoutIdentity();
    try {
      // The SDK asks this loopback endpoint, not 169.254.169.254, for the managed identity's token.
      const noIdentity = { AZURE_POD_IDENTITY_AUTHORITY_HOST: identity.url };
      const endpoints = [`https://127.0.0.1:${refused}/`, `https://127.0.0.1:${silent.port}/`];
      const runs = endpoints.map((endpoint) =>
        startStaged(app, {
          ...appSettingsEnv({
            'Microsoft.DocumentDB/databaseAccounts properties.documentEndpoint': endpoint,
          }),
          ...noIdentity,
          PORT: '0',
        }),
      );
      const codes = await Promise.all(runs.map((r) => r.exited));
      expect(codes).toEqual([1, 1]);
      runs.forEach((run, i) => {
        const output = run.output();
        // The settings were accepted: what failed is the sign-in Azure provides.
        expect(output).not.toMatch(/fix these settings/);
        expect(output).toContain(
          `The bot could not start: cannot sign in to Cosmos DB at ${endpoints[i]}. COSMOS_KEY is not set, so the bot signs in with Microsoft Entra ID (DefaultAzureCredential)`,
        );
        expect(output).toMatch(
          /^- ManagedIdentityCredential: Authentication failed \(Identity not found\)$/m,
        );
        expect(output).toMatch(/set AZURE_CLIENT_ID to the identity's client id/);
        expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
        expect(output).not.toMatch(/Deploy Securely bot listening/);
      });
      expect(identity.requests()).toBeGreaterThan(0);
      // Nothing was sent to Cosmos DB without a token.
      expect(silent.connections()).toBe(0);
    } finally {
      silent.server.close();
      identity.close();
    }
  }, 90_000);
});
