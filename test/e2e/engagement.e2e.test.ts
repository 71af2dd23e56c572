/**
 * A whole engagement end to end, as a new team would run it: the real bot (server, adapter, door,
 * playbook, embedded store) behind Microsoft's Agents Playground, driven in headless Chromium.
 * The browser's user is the FastTrack Manager from playground/config.yml; the engineer, the SME
 * and two stakeholders act the way `npm run playground` offers a developer: through the act-as
 * page (its Chromium tab for the engineer's refused finalize) and the Playground's conversation
 * API it drives (scripts/playground-people.ts), as themselves in the same chat. From `start` to
 * the next phase, each step checks what the screen shows and what the store keeps. Needs
 * /usr/bin/chromium (fails, never skips, without it).
 *
 * UPDATE_SCREENSHOTS=1 also saves the main cards under docs/screenshots/ (the README's pictures).
 */
import type { Page } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CardRenderer } from '../../src/cards/renderer.js';
import { CARD_TITLES } from '../../src/cards/views/common.js';
import { isCardName } from '../../src/door/card-names.js';
import { engagementIdFor } from '../../src/playbook/start.js';
import type { Engagement } from '../../src/playbook/engagement.js';
import { headingOf, refreshData, type ChatCard } from '../../scripts/playground-people.js';
import { measureCards, THEMES, WIDTH, type Measured } from './support/measure.js';
import { cardKinds } from '../support/chat.js';
import { keepCard } from './support/screenshots.js';
import { startE2E, type E2E } from './support/harness.js';
import { WAIT_MS } from './support/teams-client.js';

jest.setTimeout(180_000);

const BOT = 'Deploy Securely';
const CHAT = 'Contoso – Deploy Securely';
const FM = 'Nadia Okafor';
const FE = 'Tomás Herrera';
const SME = 'Priya Raman';
const ARCHITECT = 'Grace Liu';
const BDM = 'Daniel Brooks';

const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

let e2e: E2E;
let engagementId: string;

async function stored(): Promise<Engagement> {
  const found = await e2e.app.store.get(engagementIdFor(e2e.people.chat().id));
  if (!found) throw new Error('The store holds no engagement for the group chat.');
  return found.engagement;
}

/** The text of every TextBlock, fact and button of a card, joined. */
function textOf(card: unknown): string {
  return JSON.stringify(card);
}

/** Waits until the chat holds a card with this heading newer than the `after` first cards. */
async function cardAfter(heading: string, after: number): Promise<ChatCard> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const found = e2e.people.cards.slice(after).find((c) => c.heading === heading);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`No new "${heading}" card within ${WAIT_MS} ms.`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** `who` types the card's command in the chat (as themselves) and gets the new card's message. */
async function bringUp(who: string, command: string, heading: string): Promise<ChatCard> {
  const before = e2e.people.cards.length;
  await e2e.people.say(who, command);
  return cardAfter(heading, before);
}

/** `who` presses a button of the card; their own view answers, and must say "Saved". */
async function saves(
  who: string,
  card: ChatCard,
  verb: string,
  data: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const own = await e2e.people.press(who, card.messageId, verb, data);
  if (!textOf(own).includes(`Saved: ${who}`))
    throw new Error(`${who} pressed ${verb}: not saved. Their view: ${textOf(own).slice(0, 1500)}`);
  return own;
}

beforeAll(async () => {
  e2e = await startE2E();
  engagementId = engagementIdFor(e2e.people.chat().id);
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
    expect(e.engagementId).toBe(engagementId);
    expect(e.customer).toBe('Contoso');
    expect(e.conversationType).toBe('groupChat');
    expect(e.people[e2e.people.person(FM).aadObjectId]?.role).toBe('FM');
  });
});

it('the FM confirms the kickoff call and gives the FE, the SME and two stakeholders their roles', async () => {
  await e2e.step('02-roles', async () => {
    const { client, people } = e2e;
    const { messageId } = await client.received(CARD_TITLES.roles);
    await client.press(
      client.card(CARD_TITLES.roles).getByRole('button', { name: 'Kickoff call done' }),
      messageId,
    );
    await expectVisible(
      client.card(CARD_TITLES.roles).getByText(`Kickoff call confirmed by ${FM}`),
    );
    await assignRole(messageId, FE, 'FastTrack Engineer');
    await assignRole(messageId, SME, 'SME / engineer');
    await assignRole(messageId, ARCHITECT, 'Customer stakeholder', 'Security Architect');
    await assignRole(messageId, BDM, 'Customer stakeholder', 'BDM');
    await keepCard(client.page, client.card(CARD_TITLES.roles), 'roles');

    const e = await stored();
    expect(e.kickoff?.byName).toBe(FM);
    const role = (name: string) => e.people[people.person(name).aadObjectId];
    expect(role(FE)).toMatchObject({ name: FE, role: 'FE' });
    expect(role(SME)).toMatchObject({ name: SME, role: 'SME' });
    expect(role(ARCHITECT)).toMatchObject({ role: 'stakeholder', title: 'Security Architect' });
    expect(role(BDM)).toMatchObject({ role: 'stakeholder', title: 'BDM' });
  });
});

it('the FM records licensing; both stakeholders answer the agenda; the FM delivers the conversation', async () => {
  await e2e.step('03-conversation', async () => {
    const { client } = e2e;
    const licensing = await bringUp(FM, 'licensing', CARD_TITLES.licensing);
    await saves(FM, licensing, 'licensing.record', {
      card: 'licensing',
      licences: 'm365e3',
      addOns: '',
      licensingNotes: 'Renewal in June',
    });

    // The FM schedules the conversation ahead with both stakeholders invited; it then took place
    // earlier than planned, in the first whole minute after the kickoff call, and the FM corrects
    // the time (the bot's clock is the real one: it is delivered once that minute has passed).
    const agenda = await bringUp(FM, 'agenda', CARD_TITLES.agenda);
    const invited = [ARCHITECT, BDM].map((n) => e2e.people.person(n).aadObjectId).join(',');
    const schedule = (iso: string) =>
      saves(FM, agenda, 'conversation.schedule', {
        card: 'agenda',
        conversationDate: iso.slice(0, 10),
        conversationTime: iso.slice(11, 16),
        conversationZone: 'UTC',
        conversationInvited: invited,
      });
    await schedule(`${inDays(1)}T10:00`);
    const kickoff = Date.parse((await stored()).kickoff?.at ?? '');
    const held = Math.ceil((kickoff + 1) / 60_000) * 60_000;
    await new Promise((r) => setTimeout(r, Math.max(0, held - Date.now() + 500)));
    await schedule(new Date(held).toISOString());

    // The stakeholders answer on the agenda card, in the same chat.
    await saves(ARCHITECT, agenda, 'agenda.acknowledge', {
      card: 'agenda',
      topics: 'importance,baseline,deploySecurely',
      question: 'Does the baseline cover our frontline workers?',
    });
    await saves(BDM, agenda, 'agenda.acknowledge', {
      card: 'agenda',
      topics: 'importance,baseline',
      question: '',
    });
    // The shared agenda card in the FM's browser shows both, updated in place.
    const shown = client.card(CARD_TITLES.agenda);
    await shown
      .getByText(new RegExp(`Acknowledged by ${ARCHITECT} and ${BDM}`))
      .first()
      .waitFor({ timeout: WAIT_MS });
    await expectVisible(shown.getByText('Does the baseline cover our frontline workers?'));
    await keepCard(client.page, shown, 'agenda');
    await saves(FM, agenda, 'conversation.deliver', { card: 'agenda' });

    const e = await stored();
    expect(e.licensing?.byName).toBe(FM);
    expect(
      Object.values(e.conversation.acknowledgements)
        .map((a) => a.byName)
        .sort(),
    ).toEqual([BDM, ARCHITECT].sort());
    expect(e.conversation.delivered?.byName).toBe(FM);
    expect(e.conversation.scheduledFor).toBe(new Date(held).toISOString());
    expect(e.conversation.attended?.sort()).toEqual(invited.split(',').sort());
  });
});

it('the FE, on the act-as page, is refused the method before the forests are identified (G2), in their own view', async () => {
  await e2e.step('04-refused', async () => {
    const auth = await bringUp(FE, 'auth', CARD_TITLES.auth);
    const before = (await stored()).history.length;
    const page = await e2e.browser.page.context().newPage();
    try {
      await page.goto(e2e.actAs.url);
      await page.locator('#person option', { hasText: FE }).waitFor({ state: 'attached' });
      await page.selectOption('#person', FE);
      const card = actAsCard(page, auth.messageId);
      await card.getByRole('button', { name: 'Show as this person' }).click();
      await card.getByText(`As ${FE} sees it`).waitFor({ timeout: WAIT_MS });
      await card
        .getByRole('button', { name: /^Finalize/ })
        .first()
        .click();
      await card
        .getByRole('combobox', { name: /^Authentication method/ })
        .selectOption({ label: 'Password hash synchronization' });
      await card.getByLabel('Rationale').fill('Simplest to run; leaked-credential detection.');
      await card.getByLabel('Decided by (customer side)').fill(BDM);
      await card.getByRole('button', { name: 'Finalize (task 3736)' }).click();
      await card
        .getByText(/Gate G2: the authentication method can be finalized only after/)
        .waitFor({ timeout: WAIT_MS });
      await expectVisible(card.getByText(/^• Existing forests identified and malformed UPNs/));
      await keepCard(page, card.locator('.view'), 'auth-refused');
    } finally {
      await page.close();
    }
    const e = await stored();
    expect(e.identity.authMethod).toBeUndefined();
    expect(e.history.length).toBe(before);
  });
});

it('the FE prepares identity and finalizes the method the BDM prefers; sync is marked ready (G3)', async () => {
  await e2e.step('05-identity', async () => {
    const { client, people } = e2e;
    const identity = await bringUp(FE, 'identity', CARD_TITLES.identity);
    const note = 'Two forests (corp.contoso.com, emea.contoso.com); IdFix run, 37 UPNs fixed.';
    await saves(FE, identity, 'identity.complete', {
      card: 'identity',
      step: 'forests',
      note_forests: note,
    });
    const auth = await bringUp(BDM, 'auth', CARD_TITLES.auth);
    await saves(BDM, auth, 'auth.prefer', {
      card: 'auth',
      preferMethod: 'phs',
      preferComment: 'No on-premises dependency',
    });
    await saves(FE, auth, 'auth.finalize', {
      card: 'auth',
      authMethod: 'phs',
      authRationale: 'Simplest to run; leaked-credential detection needs the hashes in the cloud.',
      authDecidedBy: BDM,
    });
    const shownAuth = client.card(CARD_TITLES.auth, 'Chosen authentication method');
    await shownAuth.waitFor({ timeout: WAIT_MS });
    await expectVisible(shownAuth.getByText(BDM, { exact: true }));
    await keepCard(client.page, shownAuth, 'auth-finalized');

    for (const step of ['aadConnect', 'breakGlass', 'blockAllCa', 'mfaAdmins'])
      await saves(FE, identity, 'identity.complete', {
        card: 'identity',
        step,
        [`note_${step}`]: '',
      });
    await saves(FE, identity, 'identity.syncReady', { card: 'identity' });
    await client.card(CARD_TITLES.identity).getByText(note).waitFor({ timeout: WAIT_MS });
    await keepCard(client.page, client.card(CARD_TITLES.identity), 'identity');

    const e = await stored();
    expect(e.identity.authMethod).toMatchObject({
      method: 'phs',
      by: people.person(FE).aadObjectId,
      decidedBy: BDM,
    });
    expect(e.identity.syncReady?.byName).toBe(FE);
  });
});

it('the stakeholders decide each feature in the workshop; the FE delivers it (G4)', async () => {
  await e2e.step('06-workshop', async () => {
    const workshop = await bringUp(ARCHITECT, 'workshop', CARD_TITLES.workshop);
    const decide = (who: string, feature: string, choice: string, more = {}) =>
      saves(who, workshop, 'workshop.decide', {
        card: 'workshop',
        feature,
        [`choice_${feature}`]: choice,
        ...more,
      });
    await decide(BDM, 'mfaAllUsers', 'enable');
    await decide(BDM, 'conditionalAccess', 'enable');
    await decide(ARCHITECT, 'blockLegacyAuth', 'planned', { date_blockLegacyAuth: inDays(30) });
    await decide(ARCHITECT, 'saasSso', 'notPlanned', {
      reason_saasSso: 'No SaaS apps in the gallery yet',
    });
    await decide(BDM, 'deviceManagement', 'notPlanned', {
      reason_deviceManagement: 'Devices managed by the parent company',
    });
    await decide(BDM, 'mobileAppManagement', 'enable');
    for (const policy of ['mfaAllUsers', 'blockLegacy'])
      await saves(FE, workshop, 'workshop.caPolicy', {
        card: 'workshop',
        policy,
        [`caState_${policy}`]: 'created',
      });
    await saves(FE, workshop, 'workshop.mfa', {
      card: 'workshop',
      mfaRegistered: '100',
      mfaTotal: '100',
    });
    await saves(FE, workshop, 'workshop.removeBlockAll', { card: 'workshop' });
    await saves(FE, workshop, 'workshop.deliver', { card: 'workshop' });
    const e = await stored();
    expect(Object.keys(e.workshop.decisions)).toHaveLength(6);
    expect(e.workshop.delivered?.byName).toBe(FE);
  });
});

it('the SME submits the hand-off form (task 3721)', async () => {
  await e2e.step('07-handoff', async () => {
    const handoff = await bringUp(SME, 'handoff', CARD_TITLES.handoff);
    await saves(SME, handoff, 'handoff.submit', {
      card: 'handoff',
      authRationale: 'PHS chosen for resilience',
      saasGallery: 'ServiceNow',
      saasOther: 'Legacy HR portal',
      devicePlan: 'Parent company keeps device management',
      mobileAppPlan: 'App protection policies',
      risks: 'Contractors without licences',
      recommendedWorkshops: 'Conduct Security Workshops',
      notes: 'Customer prefers Tuesday meetings',
    });
    const revisions = (await stored()).handoff;
    expect(revisions.map((r) => r.byName)).toEqual([SME]);
    const { client } = e2e;
    await client
      .card(CARD_TITLES.handoff)
      .getByText('Legacy HR portal')
      .first()
      .waitFor({ timeout: WAIT_MS });
    await keepCard(client.page, client.card(CARD_TITLES.handoff), 'handoff');
    // The MFA approach and count are the engagement's, not typed on the form.
    expect(revisions[0]?.known).toMatchObject({
      mfaApproach: 'caPolicy',
      mfaRegistration: { registered: 100, total: 100 },
    });
  });
});

it('the FM schedules a follow-up, takes the documents away and moves on to the next phase (G5)', async () => {
  await e2e.step('08-move-on', async () => {
    const { client, people } = e2e;
    const followup = await bringUp(FM, 'followup', CARD_TITLES.followup);
    await saves(FM, followup, 'followup.schedule', {
      card: 'followup',
      fuKind: 'securityWorkshop',
      fuDate: inDays(14),
      fuTime: '15:00',
      fuZone: 'Europe/London',
      fuAttendees: [FE, ARCHITECT, BDM].map((n) => people.person(n).aadObjectId).join(','),
      fuAgenda: 'Conditional Access deep dive',
    });

    // In the browser, as the FM: the summary card, Export, then Move to next phase.
    await client.mentionBot(BOT, 'summary');
    const summary = await client.received(CARD_TITLES.summary);
    const card = () => client.card(CARD_TITLES.summary);
    await card().getByRole('button', { name: 'Export' }).click();
    await card().getByText('Documents to keep').waitFor({ timeout: WAIT_MS });
    const links = await people.press(FM, summary.messageId, 'summary.export', { card: 'summary' });
    const markdown = /"title":"Hand-off \(Markdown\)","url":"([^"]+)"/.exec(textOf(links))?.[1];
    expect(markdown).toBeDefined();
    const filed = await fetch(markdown!);
    expect(filed.status).toBe(200);
    expect(await filed.text()).toContain('**Risks and blockers:** Contractors without licences');

    // The phases the hand-off recommended are ticked already.
    await card().getByRole('button', { name: 'Move to next phase' }).click();
    await expectVisible(card().getByRole('checkbox', { name: 'Conduct Security Workshops' }));
    await client.press(card().getByRole('button', { name: 'Move on' }), summary.messageId);
    await card()
      .getByText(/^Moved on to /)
      .first()
      .waitFor({ timeout: WAIT_MS });
    const e = await stored();
    expect(e.movedOn).toMatchObject({ byName: FM, phases: ['Conduct Security Workshops'] });
    expect(e.followUps).toHaveLength(1);
    expect(e.history.map((h) => h.action)).toEqual(
      expect.arrayContaining([
        'start',
        'confirmKickoff',
        'assignRole',
        'recordLicensing',
        'acknowledgeAgenda',
        'deliverConversation',
        'completeIdentityStep',
        'statePreference',
        'finalizeAuthMethod',
        'markSyncReady',
        'decideFeature',
        'deliverWorkshop',
        'submitHandoff',
        'scheduleFollowUp',
        'moveToNextPhase',
      ]),
    );
  });
});

it('every card of the engagement in the chat kept its kind and shows the current state', async () => {
  await e2e.step('09-fresh-cards', async () => {
    const inChat = new Set(
      e2e.people.cards.filter((c) => c.chatId === e2e.people.chat().id).map((c) => c.messageId),
    );
    // Every version of every message the FM's client received: one card kind per message.
    const kinds = new Map<string, Set<string>>();
    for (const seen of e2e.browser.cards.filter((c) => inChat.has(c.messageId)))
      kinds.set(seen.messageId, (kinds.get(seen.messageId) ?? new Set()).add(kindOf(seen.card)));
    const changed = [...kinds].filter(([, k]) => k.size > 1).map(([id, k]) => `${id}: ${[...k]}`);
    expect(changed).toEqual([]);

    // After the last action, each engagement card in the chat says what a fresh one says.
    const e = await stored();
    const renderer = new CardRenderer();
    const stale: string[] = [];
    for (const shown of e2e.people.cards.filter((c) => inChat.has(c.messageId))) {
      const card = kindOf(shown.card);
      if (!isCardName(card) || card === 'help' || card === 'welcome') continue;
      const followUpId = refreshData(shown.card).followUpId;
      const fresh = renderer.render({
        card,
        engagement: e,
        now: new Date(),
        timeZone: 'UTC',
        ...(typeof followUpId === 'string' ? { followUpId } : {}),
      });
      if (stateOf(shown.card) !== stateOf(fresh)) stale.push(`${card} (${shown.messageId})`);
    }
    expect(stale).toEqual([]);
    expect(inChat.size).toBeGreaterThanOrEqual(9);
  });
});

/** Per theme and card kind: every version of it the chat showed, measured as Teams renders it. */
let measures: { theme: string; kind: string; versions: Measured[] }[] = [];

it('measures every card the chat showed, as Teams renders it at 480 px in light and dark', async () => {
  await e2e.step('10-measures', async () => {
    const versions = new Map<string, Record<string, unknown>[]>();
    for (const seen of e2e.browser.cards) {
      const kind = kindOf(seen.card);
      versions.set(kind, [...(versions.get(kind) ?? []), seen.card]);
    }
    measures = [];
    for (const theme of THEMES)
      for (const [kind, cards] of versions)
        measures.push({
          theme,
          kind,
          versions: await measureCards(e2e.browser.page.context(), cards, theme),
        });
    keepMeasures(
      measures.map(({ theme, kind, versions: v }) =>
        [
          theme,
          kind,
          `versions ${v.length}`,
          `height ${Math.max(...v.map((m) => m.height))} px`,
          `first button ends ${Math.max(...v.map((m) => m.firstAction ?? 0))} px` +
            (Math.max(...v.map((m) => m.firstAction ?? 0)) > FIRST_SCREEN_PX
              ? ` (past the first ${FIRST_SCREEN_PX} px)`
              : ''),
          `lowest contrast ${Math.min(...v.map((m) => m.minContrast))}:1`,
        ].join('\t'),
      ),
    );
    expect(measures.length).toBeGreaterThanOrEqual(2 * 9);
  });
});

it('every text of every card reads at 4.5:1 or more in Teams light and dark', () => {
  expect(measures.length).toBeGreaterThan(0);
  const low = measures.flatMap(({ theme, kind, versions }) => [
    ...new Set(
      versions.flatMap((m) =>
        m.low.map(
          (l) => `${theme} ${kind}: "${l.text}" ${l.ratio}:1 (${l.color} on ${l.background})`,
        ),
      ),
    ),
  ]);
  expect(low).toEqual([]);
});

/** The first screen of a card at 480 px: its state and next action belong there. */
const FIRST_SCREEN_PX = 600;

/** Prints the measures and keeps them in test-results/e2e/card-measures.txt. */
function keepMeasures(lines: string[]): void {
  const dir = join(__dirname, '..', '..', 'test-results', 'e2e');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'card-measures.txt'), `${lines.join('\n')}\n`);
  process.stdout.write(`Card measures (Teams host configs, ${WIDTH} px):\n${lines.join('\n')}\n`);
}

/** The card a message shows: the `card` its Action.Execute buttons carry, else its heading. */
function kindOf(card: Record<string, unknown>): string {
  const kinds = cardKinds(card);
  return kinds.size === 1 ? ([...kinds][0] as string) : `heading: ${headingOf(card)}`;
}

/** What a card says of the state: its texts and facts, without the line about the last save. */
function stateOf(card: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const n = node as Record<string, unknown>;
    if (n.type === 'TextBlock' && typeof n.text === 'string') out.push(n.text);
    if (typeof n.title === 'string' && typeof n.value === 'string' && !('type' in n))
      out.push(`${n.title}: ${n.value}`);
    for (const [key, value] of Object.entries(n)) if (key !== 'refresh') walk(value);
  };
  walk(card);
  return out.filter((t) => !/^(Saved: |Already recorded\.)/.test(t)).join('\n');
}

/** A card on the act-as page, by its message. */
function actAsCard(page: Page, messageId: string) {
  return page.locator(`article.card[data-message-id="${messageId}"]`);
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
  const shown = title ? `${role}: ${title}` : role;
  await expectVisible(client.card(CARD_TITLES.roles).getByText(person, { exact: true }));
  await expectVisible(client.card(CARD_TITLES.roles).getByText(shown, { exact: true }));
}

async function expectVisible(locator: import('playwright-core').Locator): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout: WAIT_MS });
  expect(await locator.isVisible()).toBe(true);
}
