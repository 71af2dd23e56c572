/**
 * A whole engagement on the security-defaults path, over HTTP to the real bot with its embedded
 * store: the customer has Office 365 E3 only (no Microsoft Entra ID P1). Prepare Identity takes its
 * security-defaults form, every Conditional Access choice is refused naming the missing licence,
 * stakeholders' answers given in the meeting are recorded for them by the FE, and the engagement
 * still moves on once the key outputs are complete.
 */
import { engagementIdFor } from '../../src/playbook/start.js';
import { PEOPLE, startTestBot, type TestBot } from '../support/app.js';
import { cardText, cardVerbs, type Chat } from '../support/chat.js';
import type { PostedMessage } from '../support/teams-channel.js';

const CHAT = '19:fabrikam-security-defaults@thread.v2';
const { fm, fe, sme, bdm } = PEOPLE;
let now = new Date('2025-05-05T08:00:00.000Z');

describe('a security-defaults engagement through Teams activities (embedded store)', () => {
  let bot: TestBot;
  let chat: Chat;
  let card: PostedMessage;

  const stored = async () => {
    const found = await bot.app.store.get(engagementIdFor(CHAT));
    if (!found) throw new Error('no engagement stored');
    return found.engagement;
  };
  const act = async (who: typeof fm, verb: string, data: Record<string, unknown>) =>
    cardText(await chat.execute(who, card, verb, data));
  const step = async (name: string, run: () => Promise<void>) => {
    try {
      await run();
    } catch (err) {
      throw new Error(`step "${name}" failed: ${(err as Error).message}`, { cause: err });
    }
  };

  beforeAll(async () => {
    bot = await startTestBot({ clock: () => now });
    ({ chat, card } = await bot.engagement(CHAT, 'Fabrikam', [
      [fe, 'FE'],
      [sme, 'SME'],
      [bdm, 'stakeholder', 'Director of Security'],
    ]));
  });
  afterAll(async () => {
    await bot.close();
  });

  it('walks from the licences to the next phase without Conditional Access', async () => {
    await step('Office 365 E3 only takes the security-defaults path', async () => {
      const shown = await act(fm, 'licensing.record', {
        card: 'licensing',
        licences: 'o365e3',
        addOns: '',
        licensingNotes: '',
      });
      expect(shown).toMatch(
        /Security defaults path\. The licences do not include Microsoft Entra ID P1/,
      );
      expect(shown).toMatch(/Microsoft Entra ID P1\nMissing \(in Microsoft 365 E3/);
      expect(shown).toMatch(/Microsoft Intune\nMissing/);
      expect(
        await act(fm, 'licensing.record', {
          card: 'licensing',
          licences: 'o365e3',
          addOns: '',
          licensingNotes: '',
          emsNotDeployed: 'true',
        }),
      ).toMatch(/An EMS re-engagement needs Enterprise Mobility \+ Security in the licences/);
    });

    await step(
      'the conversation: acknowledgements given in the meeting, recorded by the FE',
      async () => {
        await act(fm, 'conversation.schedule', {
          card: 'agenda',
          conversationDate: '2025-05-06',
          conversationTime: '10:00',
          conversationZone: 'Europe/Paris',
          conversationInvited: bdm.aadObjectId,
        });
        now = new Date('2025-05-06T09:00:00.000Z');
        const recorded = await act(fe, 'agenda.acknowledgeFor', {
          card: 'agenda',
          forPerson: bdm.aadObjectId,
          forTopics: 'importance,baseline,deploySecurely',
        });
        expect(recorded).toMatch(
          /Acknowledged by Nestor Wilke \(recorded by Alex Wilber in the meeting\)/,
        );
        expect(
          await act(sme, 'agenda.acknowledgeFor', {
            card: 'agenda',
            forPerson: bdm.aadObjectId,
            forTopics: 'importance',
          }),
        ).toMatch(/Only the FastTrack Manager or FastTrack Engineer can do that/);
        await act(fm, 'conversation.deliver', { card: 'agenda' });
        const e = await stored();
        expect(e.conversation.acknowledgements[bdm.aadObjectId]).toMatchObject({
          by: fe.aadObjectId,
          onBehalfOf: { id: bdm.aadObjectId, name: bdm.name },
        });
        expect(e.conversation.attended).toEqual([bdm.aadObjectId]);
      },
    );

    await step(
      'Prepare Identity in its security-defaults form, then synchronization ready',
      async () => {
        await act(fe, 'identity.complete', { card: 'identity', step: 'forests', note_forests: '' });
        await act(fe, 'auth.finalize', {
          card: 'auth',
          authMethod: 'pta',
          authRationale: 'Passwords stay on-premises',
          authDecidedBy: bdm.name,
        });
        for (const id of ['aadConnect', 'breakGlass', 'blockAllCa', 'mfaAdmins'])
          await act(fe, 'identity.complete', { card: 'identity', step: id, [`note_${id}`]: '' });
        const identity = await act(fe, 'identity.syncReady', { card: 'identity' });
        expect(identity).toMatch(
          /Security defaults turned on \(no block-all Conditional Access policy without Microsoft Entra ID P1\)/,
        );
        expect(identity).toMatch(/Administrators registered for MFA under security defaults/);
        expect((await stored()).identity.syncReady?.by).toBe(fe.aadObjectId);
      },
    );

    await step(
      'the workshop: Conditional Access refused, naming the licence; the rest decided',
      async () => {
        const P1 = /Conditional Access needs Microsoft Entra ID P1 \(included in Microsoft 365 E3/;
        expect(
          await act(fe, 'workshop.caPolicy', {
            card: 'workshop',
            policy: 'mfaAllUsers',
            caState_mfaAllUsers: 'created',
          }),
        ).toMatch(P1);
        const decideFor = (feature: string, choice: string, more: Record<string, string> = {}) =>
          act(fe, 'workshop.decideFor', {
            card: 'workshop',
            forPerson: bdm.aadObjectId,
            forFeature: feature,
            forChoice: choice,
            ...more,
          });
        expect(await decideFor('conditionalAccess', 'enable')).toMatch(P1);
        expect(
          await act(bdm, 'workshop.decide', {
            card: 'workshop',
            feature: 'deviceManagement',
            choice_deviceManagement: 'enable',
          }),
        ).toMatch(/"Device management" cannot be enabled now: it needs Microsoft Intune/);
        await decideFor('conditionalAccess', 'notPlanned', {
          forReason: 'No Entra ID P1 this year',
        });
        await decideFor('mfaAllUsers', 'enable');
        await decideFor('blockLegacyAuth', 'enable');
        await decideFor('saasSso', 'notPlanned', { forReason: 'No SaaS apps' });
        await decideFor('deviceManagement', 'planned', { forDate: '2025-10-01' });
        await act(bdm, 'workshop.decide', {
          card: 'workshop',
          feature: 'mobileAppManagement',
          choice_mobileAppManagement: 'notPlanned',
          reason_mobileAppManagement: 'No phones',
        });
        const workshop = await chat.execute(fe, card, 'workshop.deliver', { card: 'workshop' });
        const text = cardText(workshop);
        expect(text).toMatch(
          /Security-defaults path: there is no block-all policy; security defaults stay on/,
        );
        expect(text).toMatch(/Included by security defaults/);
        expect(cardVerbs(workshop)).not.toContain('workshop.removeBlockAll');
        expect(await act(fe, 'workshop.removeBlockAll', { card: 'workshop' })).toMatch(
          /Gate G4 does not apply: on the security-defaults path there is no block-all Conditional Access policy/,
        );
        const e = await stored();
        expect(e.workshop.caPolicies).toEqual({});
        expect(e.workshop.decisions.mfaAllUsers).toMatchObject({
          choice: 'enable',
          by: fe.aadObjectId,
          onBehalfOf: { id: bdm.aadObjectId },
        });
        expect(e.workshop.delivered?.by).toBe(fe.aadObjectId);
      },
    );

    await step('the hand-off says security defaults, and the engagement moves on', async () => {
      await act(sme, 'handoff.submit', {
        card: 'handoff',
        authRationale: 'PTA, as decided',
        saasGallery: '',
        saasOther: '',
        devicePlan: 'Buy Intune in Q4',
        mobileAppPlan: '',
        risks: '',
        recommendedWorkshops: 'Conduct Technical Assessment,Conduct Security Workshops',
        notes: '',
      });
      const handoff = (await stored()).handoff[0];
      expect(handoff?.known).toMatchObject({
        path: 'securityDefaults',
        mfaApproach: 'securityDefaults',
        caPolicies: {},
      });
      const summary = await act(fm, 'phase.moveOn', {
        card: 'summary',
        phases: 'Conduct Technical Assessment',
      });
      expect(summary).toMatch(/Moved on to Conduct Technical Assessment/);
      expect((await stored()).movedOn?.phases).toEqual(['Conduct Technical Assessment']);
    });
  }, 120_000);
});
