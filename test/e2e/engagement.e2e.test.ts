/**
 * End to end, as a new team would try it: the real bot (server, adapter, door, playbook, embedded
 * store) behind Microsoft's Agents Playground, driven in headless Chromium. The browser's user is
 * the FastTrack Manager from playground/config.yml; the engineer and the stakeholders act through
 * the Playground's custom-activity API, like a second Teams client. Each step checks what the
 * screen shows and what the store keeps. Needs /usr/bin/chromium (fails, never skips, without it).
 *
 * UPDATE_SCREENSHOTS=1 also saves the main cards under docs/screenshots/ (the README's pictures).
 */
import { CARD_TITLES } from '../../src/cards/views/common.js';
import { engagementIdFor } from '../../src/playbook/start.js';
import type { Engagement } from '../../src/playbook/engagement.js';
import { keepCard } from './support/screenshots.js';
import { startE2E, type E2E } from './support/harness.js';
import { WAIT_MS } from './support/teams-client.js';

jest.setTimeout(120_000);

const BOT = 'Deploy Securely';
const CHAT = 'Contoso – Deploy Securely';
const FM = 'Nadia Okafor';
const FE = 'Tomás Herrera';
const STAKEHOLDER = 'Grace Liu';
const DECIDER = 'Daniel Brooks';

let e2e: E2E;
let engagementId: string;

async function stored(): Promise<Engagement> {
  const found = await e2e.app.store.get(engagementId);
  if (!found) throw new Error('The store holds no engagement for the group chat.');
  return found.engagement;
}

beforeAll(async () => {
  e2e = await startE2E();
  engagementId = engagementIdFor(e2e.playground.groupChatId);
  await e2e.client.open();
});

afterAll(async () => {
  await e2e?.close();
});

it('the FM starts the engagement in the group chat by @mentioning the bot', async () => {
  await e2e.step('01-start', async () => {
    const { client } = e2e;
    await client.openChat(CHAT);
    await client.mentionBot(BOT, 'start Contoso');
    const roles = client.card(CARD_TITLES.roles);
    await roles.getByText('Gate G1: nothing starts before').waitFor({ timeout: WAIT_MS });
    await expectVisible(roles.getByText(FM, { exact: true }));
    const e = await stored();
    expect(e.customer).toBe('Contoso');
    expect(e.conversationType).toBe('groupChat');
    expect(e.started.byName).toBe(FM);
    expect(e.people[e2e.playground.user(FM).aadObjectId]?.role).toBe('FM');
    expect(e.kickoff).toBeUndefined();
  });
});

it('the FM confirms the kickoff call and gives the engineer and a stakeholder their roles', async () => {
  await e2e.step('02-roles', async () => {
    const { client } = e2e;
    const { messageId } = await client.received(CARD_TITLES.roles);
    await client.press(
      client.card(CARD_TITLES.roles).getByRole('button', { name: 'Kickoff call done' }),
      messageId,
    );
    await expectVisible(
      client.card(CARD_TITLES.roles).getByText(`Kickoff call confirmed by ${FM}`),
    );

    await assignRole(messageId, FE, 'FastTrack Engineer');
    await assignRole(messageId, STAKEHOLDER, 'Customer stakeholder', 'Security Architect');
    const roles = client.card(CARD_TITLES.roles);
    await keepCard(client.page, roles, 'roles');

    const e = await stored();
    expect(e.kickoff?.byName).toBe(FM);
    expect(e.people[e2e.playground.user(FE).aadObjectId]).toMatchObject({ name: FE, role: 'FE' });
    expect(e.people[e2e.playground.user(STAKEHOLDER).aadObjectId]).toMatchObject({
      name: STAKEHOLDER,
      role: 'stakeholder',
      title: 'Security Architect',
    });
  });
});

it('a stakeholder answers the agenda card, and the card everyone sees updates in place', async () => {
  await e2e.step('03-agenda', async () => {
    const { client, playground } = e2e;
    await client.mentionBot(BOT, 'agenda');
    const shown = await client.received(CARD_TITLES.agenda);
    const before = client.updates(shown.messageId);
    await playground.as(STAKEHOLDER).execute(
      'agenda.acknowledge',
      {
        card: 'agenda',
        topics: 'importance,baseline,deploySecurely',
        question: 'Does the baseline cover our frontline workers?',
      },
      shown.messageId,
    );
    await client.waitForUpdate(shown.messageId, before);
    const agenda = client.card(CARD_TITLES.agenda);
    await agenda.getByText(`Acknowledged by ${STAKEHOLDER}`).first().waitFor({ timeout: WAIT_MS });
    await expectVisible(agenda.getByText('Does the baseline cover our frontline workers?'));
    expect(await agenda.getByText(`Acknowledged by ${STAKEHOLDER}`).count()).toBe(3);
    await keepCard(client.page, agenda, 'agenda');

    const e = await stored();
    const ack = e.conversation.acknowledgements[playground.user(STAKEHOLDER).aadObjectId];
    expect(ack).toMatchObject({
      byName: STAKEHOLDER,
      topics: ['importance', 'baseline', 'deploySecurely'],
    });
    expect(e.conversation.questions).toEqual([
      expect.objectContaining({
        byName: STAKEHOLDER,
        text: 'Does the baseline cover our frontline workers?',
      }),
    ]);
  });
});

it('the FE is refused the authentication method before the forests are identified (gate G2), and nothing changes', async () => {
  await e2e.step('04-refused', async () => {
    const { client, playground } = e2e;
    await client.mentionBot(BOT, 'auth');
    const shown = await client.received(CARD_TITLES.auth);
    const before = (await stored()).history.length;
    await playground.as(FE).submit('auth.finalize', finalizeData(), shown.messageId);
    const refusal = client.card(
      CARD_TITLES.auth,
      'Gate G2: the authentication method can be finalized only after',
    );
    await refusal.waitFor({ timeout: WAIT_MS });
    await expectVisible(
      refusal.getByText(/Missing: Existing forests identified and malformed UPNs cleaned up/),
    );
    await keepCard(client.page, refusal, 'auth-refused');

    const e = await stored();
    expect(e.identity.authMethod).toBeUndefined();
    expect(e.history.length).toBe(before);
  });
});

it('the FE records the forests, then finalizes the authentication method; the cards and the store show it', async () => {
  await e2e.step('05-finalized', async () => {
    const { client, playground } = e2e;
    const fe = playground.as(FE);
    await client.mentionBot(BOT, 'identity');
    const identityCard = await client.received(CARD_TITLES.identity);
    const note =
      'Two forests (corp.contoso.com, emea.contoso.com); IdFix run, 37 malformed UPNs fixed.';
    const identityBefore = client.updates(identityCard.messageId);
    await fe.execute(
      'identity.complete',
      { card: 'identity', step: 'forests', note_forests: note },
      identityCard.messageId,
    );
    await client.waitForUpdate(identityCard.messageId, identityBefore);
    const identity = client.card(CARD_TITLES.identity);
    await identity.getByText(note, { exact: false }).waitFor({ timeout: WAIT_MS });
    await keepCard(client.page, identity, 'identity');

    const authCard = await client.received(
      CARD_TITLES.auth,
      (c) => !JSON.stringify(c.card).includes('Gate G2: the authentication method can be'),
    );
    const authBefore = client.updates(authCard.messageId);
    await fe.execute('auth.finalize', finalizeData(), authCard.messageId);
    await client.waitForUpdate(authCard.messageId, authBefore);
    const auth = client.card(CARD_TITLES.auth, 'Chosen authentication method');
    await auth.waitFor({ timeout: WAIT_MS });
    await expectVisible(auth.getByText('Password hash synchronization').first());
    await expectVisible(auth.getByText(DECIDER, { exact: true }));
    await keepCard(client.page, auth, 'auth-finalized');

    const e = await stored();
    expect(e.identity.steps.forests).toMatchObject({ byName: FE, note });
    expect(e.identity.authMethod).toMatchObject({
      method: 'phs',
      byName: FE,
      by: playground.user(FE).aadObjectId,
      decidedBy: DECIDER,
    });
    expect(e.history.map((h) => h.action)).toEqual(
      expect.arrayContaining([
        'start',
        'confirmKickoff',
        'assignRole',
        'acknowledgeAgenda',
        'completeIdentityStep',
        'finalizeAuthMethod',
      ]),
    );
  });
});

function finalizeData(): Record<string, unknown> {
  return {
    card: 'auth',
    authMethod: 'phs',
    authRationale:
      'Simplest to run with a single sign-in experience; leaked-credential detection needs the hashes in the cloud.',
    authDecidedBy: DECIDER,
  };
}

/** The FM opens "Assign a role" on the roles card, picks the person, the role (and title), saves. */
async function assignRole(
  messageId: string,
  person: string,
  role: string,
  title?: string,
): Promise<void> {
  const { client } = e2e;
  const roles = client.card(CARD_TITLES.roles);
  await roles.getByRole('button', { name: 'Assign a role' }).click();
  await client.choose(roles, 'Person', person);
  await client.choose(roles, 'Role', role);
  if (title) await client.choose(roles, 'Stakeholder title (customer stakeholders only)', title);
  await client.press(roles.getByRole('button', { name: 'Save role' }), messageId);
  // The people list (in the FM's view and in everyone's) shows the person with the role.
  const shown = title ? `${role}: ${title}` : role;
  await expectVisible(client.card(CARD_TITLES.roles).getByText(person, { exact: true }));
  await expectVisible(client.card(CARD_TITLES.roles).getByText(shown, { exact: true }));
}

async function expectVisible(locator: import('playwright-core').Locator): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout: WAIT_MS });
  expect(await locator.isVisible()).toBe(true);
}
