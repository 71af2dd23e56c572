/**
 * A whole engagement on the Conditional Access path as Teams would deliver it: real activities
 * over HTTP to the real bot (server, adapter, door, playbook, cards) with the Cosmos DB adapter on
 * an in-process Cosmos server, on a clock the test moves. An FM, an FE, an SME and two
 * stakeholders walk from kickoff to the next phase; each gate refuses on the way with what is
 * missing, and the stored engagement is checked at the end.
 */
import { engagementIdFor } from '../../src/playbook/start.js';
import { keyOutputs } from '../../src/playbook/outputs.js';
import { openCosmosStore } from '../../src/store/cosmos.js';
import type { EngagementStore } from '../../src/store/store.js';
import { PEOPLE, startTestBot, type TestBot } from '../support/app.js';
import { cardLinks, cardText, cardVerbs, type Chat } from '../support/chat.js';
import { cosmosSettings, startCosmosServer, type CosmosServer } from '../support/cosmos-server.js';
import type { PostedMessage } from '../support/teams-channel.js';

const CHAT = '19:contoso-deploy-securely@thread.v2';
const { fm, fe, sme, bdm, architect, stranger, outsider } = PEOPLE;

/** The bot's clock, moved by the test: the conversation is delivered after its start. */
let now = new Date('2025-03-03T09:00:00.000Z');
const inDays = (days: number) =>
  new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);

describe('a whole engagement through Teams activities (Cosmos DB)', () => {
  let cosmos: CosmosServer;
  let store: EngagementStore;
  let bot: TestBot;
  let chat: Chat;
  let card: PostedMessage;

  const stored = async () => {
    const found = await store.get(engagementIdFor(CHAT));
    if (!found) throw new Error('no engagement stored');
    return found.engagement;
  };
  /** Executes on the shared card and returns what the person sees. */
  const act = async (who: typeof fm, verb: string, data: Record<string, unknown>) =>
    cardText(await chat.execute(who, card, verb, data));

  beforeAll(async () => {
    cosmos = await startCosmosServer();
    store = await openCosmosStore(cosmosSettings(cosmos.endpoint, { database: 'conversation' }));
    bot = await startTestBot({ store, clock: () => now });
    chat = bot.chat(CHAT);
    bot.channel.rosters.set(CHAT, [fm, fe, sme, bdm, architect, stranger]);
  });
  afterAll(async () => {
    await bot.close();
    await cosmos.stop();
  });

  /** One step of the story: each starts from what the steps before it recorded. */
  const step = async (name: string, run: () => Promise<void>) => {
    try {
      await run();
    } catch (err) {
      throw new Error(`step "${name}" failed: ${(err as Error).message}`, { cause: err });
    }
  };

  it('walks from the kickoff to the next phase, one step after another', async () => {
    await step(
      'starts when the FM says "start Contoso", and nothing else starts before the kickoff (G1)',
      async () => {
        await chat.say(fm, 'START   Contoso Ltd');
        card = chat.last();
        expect(cardText(card.card)).toMatch(/Contoso Ltd/);
        const e = await stored();
        expect(e.customer).toBe('Contoso Ltd');
        expect(e.people[fm.aadObjectId]).toMatchObject({ role: 'FM', name: fm.name });
        expect(e.conversationReference).toMatchObject({ conversation: { id: CHAT } });

        const before = await act(fm, 'licensing.record', {
          card: 'licensing',
          licences: 'm365e3',
          addOns: '',
          licensingNotes: '',
        });
        expect(before).toMatch(/Gate G1/);
        expect(before).toMatch(/confirms the kickoff call/);
        expect((await stored()).licensing).toBeUndefined();

        expect(await act(fm, 'kickoff.confirm', { card: 'roles' })).toMatch(
          /confirmed the kickoff/,
        );
        expect((await stored()).kickoff?.by).toBe(fm.aadObjectId);
      },
    );

    await step('lets the FM assign roles from the chat members, and no one else', async () => {
      const assign = (who: typeof fm, person: typeof fm, role: string, title?: string) =>
        act(who, 'roles.assign', {
          card: 'roles',
          personId: person.aadObjectId,
          role,
          ...(title ? { title } : {}),
        });
      expect(await assign(fe, fe, 'FM')).toMatch(/not part of the engagement/);
      await assign(fm, fe, 'FE');
      expect(await assign(fe, sme, 'FM')).toMatch(/Only the FastTrack Manager can do that/);
      await assign(fm, sme, 'SME');
      await assign(fm, bdm, 'stakeholder', 'BDM');
      expect(await assign(fm, architect, 'stakeholder')).toMatch(/A stakeholder needs a title/);
      await assign(fm, architect, 'stakeholder', 'Security Architect');
      const people = (await stored()).people;
      expect(
        Object.values(people)
          .map((p) => `${p.name}:${p.role}:${p.title ?? ''}`)
          .sort(),
      ).toEqual(
        [
          `${fm.name}:FM:`,
          `${fe.name}:FE:`,
          `${sme.name}:SME:`,
          `${bdm.name}:stakeholder:BDM`,
          `${architect.name}:stakeholder:Security Architect`,
        ].sort(),
      );
      expect(people[bdm.aadObjectId].teamsId).toBe(bdm.id);
    });

    await step(
      'updates the shared card in place, with a user-specific view for each person',
      async () => {
        const shared = chat.messages().find((m) => m.id === card.id);
        expect(shared?.updates).toBeGreaterThan(0);
        const refresh = (shared?.card as { refresh?: { userIds: string[] } }).refresh;
        expect(refresh?.userIds.sort()).toEqual(
          [fm.id, fe.id, sme.id, bdm.id, architect.id].sort(),
        );
        const updates = shared?.updates;
        // An automatic refresh answers with the person's own view and never touches the shared card.
        const fmView = await chat.execute(
          fm,
          card,
          'refresh',
          { card: 'roles' },
          { automatic: true },
        );
        const bdmView = await chat.execute(
          bdm,
          card,
          'refresh',
          { card: 'roles' },
          { automatic: true },
        );
        expect(cardVerbs(fmView)).toContain('roles.assign');
        expect(cardVerbs(bdmView)).not.toContain('roles.assign');
        expect(chat.messages().find((m) => m.id === card.id)?.updates).toBe(updates);
      },
    );

    await step('refuses strangers and people of another tenant, changing nothing', async () => {
      const before = await stored();
      expect(
        await act(stranger, 'agenda.acknowledge', {
          card: 'agenda',
          topics: 'importance',
          question: '',
        }),
      ).toMatch(/not part of the engagement/);
      const foreign = await chat.execute(outsider, card, 'agenda.acknowledge', {
        card: 'agenda',
        topics: 'importance',
        question: '',
      });
      expect(cardText(foreign)).toMatch(/another organization/);
      expect(cardText(foreign)).not.toMatch(/Megan Bowen/); // nothing of the engagement is shown to them
      const after = await stored();
      expect(after.conversation).toEqual(before.conversation);
      expect(after.history).toHaveLength(before.history.length);
    });

    await step('records licensing and the M365 Security Conversation (task 4017)', async () => {
      const early = await act(fm, 'conversation.deliver', { card: 'agenda' });
      expect(early).toMatch(/licences and security add-ons/);
      expect(early).toMatch(/the conversation scheduled, with the stakeholders invited/);
      const licensed = await act(fm, 'licensing.record', {
        card: 'licensing',
        licences: 'm365e3,emse3',
        addOns: 'defenderO365',
        licensingNotes: 'Renewal in June',
        emsNotDeployed: 'true',
      });
      expect(licensed).toMatch(
        /Conditional Access path\. The licences include Microsoft Entra ID P1/,
      );
      expect(licensed).toMatch(/Microsoft Entra ID P2\nMissing \(in Microsoft 365 E5/);
      await act(fm, 'licensing.prepare', {
        card: 'licensing',
        prepBusiness: 'Merger with Fabrikam in Q3',
        prepDeployment: 'Exchange Online and Teams first',
        prepAreas: 'identity,devices',
        prepNote: '',
      });
      const when = new Date(now.getTime() + 2 * 86_400_000);
      await act(fm, 'conversation.schedule', {
        card: 'agenda',
        conversationDate: when.toISOString().slice(0, 10),
        conversationTime: '14:00',
        conversationZone: 'UTC',
        conversationInvited: `${bdm.aadObjectId},${architect.aadObjectId}`,
      });
      expect(await act(fm, 'conversation.deliver', { card: 'agenda' })).toMatch(
        /the scheduled start of the conversation, passed/,
      );
      const ack = await act(bdm, 'agenda.acknowledge', {
        card: 'agenda',
        topics: 'importance,baseline,deploySecurely',
        question: 'Does the baseline cover contractors?',
      });
      expect(ack).toMatch(/acknowledged/);
      await act(architect, 'agenda.acknowledge', {
        card: 'agenda',
        topics: 'importance,baseline',
        question: '',
      });
      await act(architect, 'agenda.assess', {
        card: 'agenda',
        level_identity: 'working',
        level_device: 'basic',
        level_information: 'new',
      });
      expect(
        await act(fe, 'agenda.acknowledge', { card: 'agenda', topics: 'importance', question: '' }),
      ).toMatch(/Only the Customer stakeholder/);
      now = new Date(Date.parse(`${when.toISOString().slice(0, 10)}T15:00:00.000Z`));
      expect(
        await act(fm, 'conversation.deliver', {
          card: 'agenda',
          attended: `${fm.aadObjectId},${bdm.aadObjectId},${architect.aadObjectId}`,
        }),
      ).toMatch(/Attended: Megan Bowen, Nestor Wilke and Patti Fernandez/);
      const e = await stored();
      expect(e.licensing?.licences).toEqual(['m365e3', 'emse3']);
      expect(e.conversation.invited).toEqual([bdm.aadObjectId, architect.aadObjectId]);
      expect(e.preparation?.businessRequirements).toBe('Merger with Fabrikam in Q3');
      expect(Object.keys(e.conversation.acknowledgements).sort()).toEqual(
        [bdm.aadObjectId, architect.aadObjectId].sort(),
      );
      expect(e.conversation.questions.map((q) => q.text)).toEqual([
        'Does the baseline cover contractors?',
      ]);
      expect(e.conversation.delivered?.by).toBe(fm.aadObjectId);
    });

    await step(
      'keeps the authentication method behind the forests (G2), then records it with its rationale (task 3736)',
      async () => {
        const refused = await act(fe, 'auth.finalize', {
          card: 'auth',
          authMethod: 'phs',
          authRationale: 'Simplest, resilient',
          authDecidedBy: 'Nestor Wilke',
        });
        expect(refused).toMatch(/Gate G2/);
        expect(refused).toMatch(/Existing forests identified and malformed UPNs cleaned up/);
        expect(refused).toContain('Simplest, resilient'); // what was typed is kept on the card
        expect((await stored()).identity.authMethod).toBeUndefined();

        await act(fe, 'identity.complete', {
          card: 'identity',
          step: 'forests',
          note_forests: 'One forest, 40 UPNs fixed with IdFix',
        });
        await act(bdm, 'auth.prefer', {
          card: 'auth',
          preferMethod: 'phs',
          preferComment: 'No on-premises dependency',
        });
        await act(fe, 'auth.finalize', {
          card: 'auth',
          authMethod: 'phs',
          authRationale: 'Simplest, resilient',
          authDecidedBy: 'Nestor Wilke',
        });
        const auth = (await stored()).identity.authMethod;
        expect(auth).toMatchObject({
          method: 'phs',
          rationale: 'Simplest, resilient',
          decidedBy: 'Nestor Wilke',
          by: fe.aadObjectId,
        });
      },
    );

    await step(
      'marks identity synchronization ready only with break-glass, block-all CA and MFA for admins (G3)',
      async () => {
        await act(fe, 'identity.complete', {
          card: 'identity',
          step: 'aadConnect',
          note_aadConnect: 'Staging mode, no sync',
        });
        const refused = await act(fe, 'identity.syncReady', { card: 'identity' });
        expect(refused).toMatch(/Gate G3/);
        expect(refused).toMatch(/Two cloud-only break-glass accounts created/);
        expect(refused).toMatch(
          /Conditional Access policy "Require MFA for administrators" \(the playbook's baseline policy "MFA for admins"\)/,
        );
        for (const step of ['breakGlass', 'blockAllCa', 'mfaAdmins']) {
          await act(fe, 'identity.complete', { card: 'identity', step, [`note_${step}`]: '' });
        }
        await act(fe, 'identity.syncReady', { card: 'identity' });
        expect((await stored()).identity.syncReady?.by).toBe(fe.aadObjectId);
      },
    );

    await step(
      'records feature decisions, and removes the block-all policy only when G4 holds (task 3720)',
      async () => {
        const decide = (
          who: typeof fm,
          feature: string,
          choice: string,
          extra: Record<string, string> = {},
        ) =>
          act(who, 'workshop.decide', {
            card: 'workshop',
            feature,
            [`choice_${feature}`]: choice,
            ...extra,
          });
        expect(await decide(bdm, 'deviceManagement', 'notPlanned')).toMatch(/Say why/);
        await decide(bdm, 'mfaAllUsers', 'enable');
        // Given in the meeting, recorded by the FE for the stakeholder: the record names both.
        const forBdm = await act(fe, 'workshop.decideFor', {
          card: 'workshop',
          forPerson: bdm.aadObjectId,
          forFeature: 'conditionalAccess',
          forChoice: 'enable',
        });
        expect(forBdm).toMatch(/Nestor Wilke \(recorded by Alex Wilber in the meeting\)/);
        expect(forBdm).toMatch(/Included in the customer's licences \(Microsoft Entra ID P1\)/);
        expect(forBdm).toMatch(/EMS Business Value Deck/);
        await decide(architect, 'blockLegacyAuth', 'planned', { date_blockLegacyAuth: inDays(30) });
        await decide(bdm, 'saasSso', 'notPlanned', {
          reason_saasSso: 'No SaaS apps in the gallery yet',
        });
        await decide(architect, 'deviceManagement', 'notPlanned', {
          reason_deviceManagement: 'Devices managed by the parent company',
        });
        await decide(bdm, 'mobileAppManagement', 'enable');

        await act(fe, 'workshop.caPolicy', {
          card: 'workshop',
          policy: 'mfaAllUsers',
          caState_mfaAllUsers: 'created',
        });
        await act(fe, 'workshop.mfa', { card: 'workshop', mfaRegistered: '80', mfaTotal: '100' });
        const refused = await act(fe, 'workshop.removeBlockAll', { card: 'workshop' });
        expect(refused).toMatch(/Gate G4/);
        expect(refused).toMatch(/blocking legacy authentication, created/);
        expect(refused).toMatch(/all users registered for MFA \(20 of 100 not yet\)/);
        await act(fe, 'workshop.caPolicy', {
          card: 'workshop',
          policy: 'blockLegacy',
          caState_blockLegacy: 'created',
        });
        await act(fe, 'workshop.mfa', { card: 'workshop', mfaRegistered: '100', mfaTotal: '100' });
        await act(fe, 'workshop.removeBlockAll', { card: 'workshop' });
        expect(await act(bdm, 'workshop.deliver', { card: 'workshop' })).toMatch(
          /Only the FastTrack Engineer/,
        );
        await act(fe, 'workshop.deliver', { card: 'workshop' });
        const w = (await stored()).workshop;
        expect(w.decisions.conditionalAccess).toMatchObject({
          by: fe.aadObjectId,
          onBehalfOf: { id: bdm.aadObjectId, name: bdm.name },
        });
        expect(w.blockAllRemoved).toMatchObject({ by: fe.aadObjectId, syncWasReady: true });
        expect(
          await act(fe, 'workshop.caPolicy', {
            card: 'workshop',
            policy: 'mfaAllUsers',
            caState_mfaAllUsers: 'none',
          }),
        ).toMatch(/stays created: the block-all Conditional Access policy was removed/);
        expect(w.delivered?.by).toBe(fe.aadObjectId);
      },
    );

    await step(
      'takes the hand-off form from the SME, keeping each revision (task 3721)',
      async () => {
        const form = {
          card: 'handoff',
          authRationale: 'PHS chosen for resilience',
          saasGallery: 'ServiceNow\nWorkday',
          saasOther: 'Legacy HR portal',
          devicePlan: 'Intune in Q3',
          mobileAppPlan: 'App protection policies',
          risks: 'Contractors without licences',
          recommendedWorkshops: 'Conduct Security Workshops',
          notes: 'Watch the contractor licences',
        };
        expect(await act(bdm, 'handoff.submit', form)).toMatch(
          /Only the FastTrack Engineer or SME/,
        );
        await act(sme, 'handoff.submit', form);
        await act(sme, 'handoff.submit', {
          ...form,
          risks: 'Contractors without licences; AD FS leftovers',
        });
        const handoff = (await stored()).handoff;
        expect(handoff.map((r) => [r.revision, r.by, r.risks])).toEqual([
          [1, sme.aadObjectId, 'Contractors without licences'],
          [2, sme.aadObjectId, 'Contractors without licences; AD FS leftovers'],
        ]);
        expect(handoff[1].known).toMatchObject({
          path: 'ca',
          mfaApproach: 'caPolicy',
          mfaRegistration: { registered: 100, total: 100 },
        });
        expect(handoff[1].saasApps).toEqual([
          { name: 'ServiceNow', inGallery: true },
          { name: 'Workday', inGallery: true },
          { name: 'Legacy HR portal', inGallery: false },
        ]);
      },
    );

    await step(
      'moves on to the next phase only with the key outputs complete (G5), and summarizes them',
      async () => {
        await act(fm, 'followup.schedule', {
          card: 'followup',
          fuKind: 'securityWorkshop',
          fuDate: inDays(14),
          fuTime: '15:00',
          fuZone: 'Europe/London',
          fuAttendees: `${fe.aadObjectId},${bdm.aadObjectId}`,
          fuAgenda: 'Conditional Access deep dive',
        });
        expect(
          await act(fm, 'phase.moveOn', { card: 'summary', phases: 'Conduct Services Workshops' }),
        ).toMatch(/The hand-off recommends Conduct Security Workshops/);
        // Only the FM and the FE take the documents away: not the stranger in the chat, nor a
        // stakeholder; nothing is posted either way.
        const exported = chat.messages().length;
        for (const who of [stranger, bdm])
          expect(await act(who, 'summary.export', { card: 'summary' })).toMatch(
            /Only the FastTrack Manager or the FastTrack Engineer can take the documents away/,
          );
        expect(chat.messages()).toHaveLength(exported);
        await act(fm, 'phase.moveOn', { card: 'summary', phases: 'Conduct Security Workshops' });
        const e = await stored();
        expect(e.movedOn).toMatchObject({
          by: fm.aadObjectId,
          phases: ['Conduct Security Workshops'],
        });
        const outputs = keyOutputs(e, now);
        expect(outputs.complete).toBe(true);
        expect(outputs.authMethod?.title).toBe('Password hash synchronization');
        expect(outputs.notPlanned.map((f) => [f.id, f.reason])).toEqual([
          ['saasSso', 'No SaaS apps in the gallery yet'],
          ['deviceManagement', 'Devices managed by the parent company'],
        ]);
        await chat.say(bdm, 'Summary');
        const summary = cardText(chat.last().card);
        expect(summary).toMatch(/Password hash synchronization/);
        expect(summary).toMatch(/Devices managed by the parent company/);
        expect(summary).toMatch(/No SaaS apps in the gallery yet/);
        expect(summary).toMatch(/Security workshop/i);
        expect(summary).toMatch(/Self-assessments/);
        expect(summary).toMatch(/Moved on to Conduct Security Workshops/);
        expect(summary).toMatch(/Discuss Device Management/);
        // The FM exports it: the summary they file holds what the seeds ask of it.
        const own = await chat.execute(fm, card, 'summary.export', { card: 'summary' });
        const markdown = await (await fetch(cardLinks(own).get('Summary (Markdown)')!)).text();
        expect(markdown).toMatch(/^# Deploy Securely: Contoso Ltd/);
        expect(markdown).toContain(
          '- Patti Fernandez: Identity security working; Device security basic; Information security new',
        );
        expect(markdown).toContain('- **Business requirements:** Merger with Fabrikam in Q3');
        expect(markdown).toContain('- Discuss Device Management');
        // After moving on, the Initiate phase is closed.
        expect(
          await act(bdm, 'workshop.decide', {
            card: 'workshop',
            feature: 'saasSso',
            choice_saasSso: 'enable',
          }),
        ).toMatch(/moved on/);
      },
    );
  }, 120_000);
});
