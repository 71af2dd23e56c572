/**
 * The bench measures saved answers: its set-up and its answers pass this bot's door (the field
 * names the door reads), and its checks catch a refusal and an answer missing from the store.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { startApp, type RunningApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { engagementIdFor } from '../../src/playbook/start.js';
import { planChats, type BenchChat } from '../../bench/lib/chats.js';
import { StandInConnector } from '../../bench/lib/connector.js';
import { drive, Target } from '../../bench/lib/load.js';
import { setUpOnBot } from '../../bench/lib/setup.js';
import { notSaved, person, TeamsClient } from '../../bench/lib/teams.js';
import { embeddedItems, verifyBot } from '../../bench/lib/verify.js';

describe('the bench load', () => {
  let dataDir: string;
  let app: RunningApp;
  let connector: StandInConnector;
  let teams: TeamsClient;
  let chat: BenchChat;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ds-bench-test-'));
    app = await startApp(
      loadConfig({ PORT: '0', DATA_DIR: dataDir, INSECURE_LOCAL_UNAUTHENTICATED: 'true' }),
      {
        logger: pino({ level: 'silent' }),
        host: '127.0.0.1',
        reminders: false,
      },
    );
    connector = await new StandInConnector().start();
    teams = new TeamsClient(`http://127.0.0.1:${app.port}/api/messages`, connector.serviceUrl);
    chat = await setUpOnBot(teams, connector, planChats('test', 1, 3)[0]);
  });

  afterAll(async () => {
    teams.close();
    await connector.stop();
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('sets up an engagement whose stakeholders answer, and finds every answer in the store', async () => {
    const target = new Target('ok', teams, [chat]);
    const driven = await drive(target, 3, 9);
    expect(driven.notSaved).toEqual([]);
    expect(driven.answers).toBe(9);
    expect(connector.counts.updates).toBeGreaterThanOrEqual(9);
    expect(
      await verifyBot(embeddedItems(dataDir), engagementIdFor, target, driven.idsByChat),
    ).toEqual([]);
  });

  it('reports an answer the bot refused, with what the card said', async () => {
    const stranger = person('Not Assigned', 999);
    const target = new Target('refused', teams, [{ ...chat, stakeholders: [stranger] }]);
    const driven = await drive(target, 1, 1);
    expect(driven.notSaved).toHaveLength(1);
    expect(driven.notSaved[0]).toMatch(/no role in this chat's engagement/);
  });

  it('reports answers the store does not hold', async () => {
    const target = new Target('lost', teams, [chat]);
    const ids = new Map([[chat.conversationId, ['lost-answer-that-was-never-sent']]]);
    const problems = await verifyBot(embeddedItems(dataDir), engagementIdFor, target, ids);
    expect(problems).toEqual([expect.stringMatching(/1 of 1 answers are not in the store/)]);
  });

  it('does not count a non-200 reply or an error card as saved', () => {
    expect(notSaved({ status: 401, body: 'Unauthorized', ms: 1 })).toMatch(/HTTP 401/);
    const card = {
      type: 'AdaptiveCard',
      body: [{ type: 'TextBlock', text: 'Not saved: the store is down.', color: 'attention' }],
    };
    const body = JSON.stringify({
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
      value: card,
    });
    expect(notSaved({ status: 200, body, ms: 1 })).toBe(
      'the card says "Not saved: the store is down."',
    );
  });
});
