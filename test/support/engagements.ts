/**
 * Realistic engagements for tests, built by applying real playbook actions (startEngagement +
 * apply) in order, each at its own time. Reusable by card, door and conversation tests.
 */
import type { Action } from '../../src/playbook/actions.js';
import type { Actor, Engagement, ReminderState } from '../../src/playbook/engagement.js';
import { applied, ARCHITECT, BDM, FE, FM, GUEST, SME, started, TENANT } from './playbook.js';

export { ARCHITECT, BDM, FE, FM, SME, TENANT };
/** In the chat, without a role. */
export const OUTSIDER = GUEST;
export const CONVERSATION = '19:meeting_deploy-securely@thread.v2';
/** When the engagement starts; every later action is a few minutes after the one before. */
export const T0 = new Date('2025-03-03T09:00:00.000Z');
/** A moment after every fixture's actions, for rendering cards. */
export const NOW = new Date('2025-03-28T10:00:00.000Z');

/** The chat roster: everyone in the chat, with a guest who has no role. */
export const MEMBERS = [FM, FE, SME, BDM, ARCHITECT, OUTSIDER].map(({ id, name }) => ({
  id,
  name,
}));

/** Applies actions in order, a few minutes apart, failing loudly if the playbook refuses one. */
export class EngagementBuilder {
  private clock: number;
  constructor(
    public engagement: Engagement,
    start: Date = T0,
  ) {
    this.clock = start.getTime();
  }

  static start(customer = 'Contoso Ltd'): EngagementBuilder {
    const e = started(
      { customer, tenantId: TENANT, conversationId: CONVERSATION, conversationType: 'groupChat' },
      T0,
    );
    return new EngagementBuilder(e);
  }

  /** The time of the next action. */
  tick(minutes = 5): Date {
    this.clock += minutes * 60_000;
    return new Date(this.clock);
  }

  act(actor: Actor, action: Action): this {
    this.engagement = applied(this.engagement, actor, action, this.tick()).engagement;
    return this;
  }

  roles(): this {
    return this.act(FM, { type: 'assignRole', personId: FE.id, name: FE.name, role: 'FE' })
      .act(FM, { type: 'assignRole', personId: SME.id, name: SME.name, role: 'SME' })
      .act(FM, {
        type: 'assignRole',
        personId: BDM.id,
        name: BDM.name,
        role: 'stakeholder',
        title: 'BDM',
      })
      .act(FM, {
        type: 'assignRole',
        personId: ARCHITECT.id,
        name: ARCHITECT.name,
        role: 'stakeholder',
        title: 'Security Architect',
      });
  }

  kickoff(): this {
    return this.act(FM, { type: 'confirmKickoff' });
  }

  licensing(licences: ('m365e3' | 'o365e3')[] = ['m365e3']): this {
    return this.act(FM, {
      type: 'recordLicensing',
      licences,
      addOns: ['defenderO365'],
      notes: '1,200 seats, renewal in June.',
    });
  }

  /** Lets time pass until `iso`: the next action is a few minutes after it. */
  until(iso: string): this {
    this.clock = Math.max(this.clock, Date.parse(iso));
    return this;
  }

  conversation(): this {
    // Three days ahead of the builder's clock (2025-03-06T14:00Z for the engagements from T0).
    const startsAt = new Date(this.clock + 3 * 86_400_000 + 4 * 3_600_000).toISOString();
    return this.act(FM, {
      type: 'scheduleConversation',
      startsAt,
      invited: [BDM.id, ARCHITECT.id],
    })
      .act(BDM, {
        type: 'acknowledgeAgenda',
        topics: ['importance', 'baseline'],
        question: 'Does the baseline cover our contractors?',
      })
      .act(BDM, {
        type: 'selfAssess',
        levels: { identity: 'basic', device: 'new', information: 'working' },
      })
      .act(ARCHITECT, {
        type: 'acknowledgeAgenda',
        topics: ['importance', 'baseline', 'deploySecurely'],
        question: '',
      })
      .until(startsAt)
      .act(FM, { type: 'deliverConversation' });
  }

  forests(): this {
    return this.act(FE, {
      type: 'completeIdentityStep',
      step: 'forests',
      note: 'One forest, 14 malformed UPNs fixed with IdFix.',
    });
  }

  authMethod(): this {
    return this.act(BDM, { type: 'statePreference', method: 'phs', comment: 'Simplest to run.' })
      .act(ARCHITECT, { type: 'statePreference', method: 'pta', comment: '' })
      .act(FE, {
        type: 'finalizeAuthMethod',
        method: 'phs',
        rationale: 'No on-premises sign-in requirement; PHS gives leaked credential detection.',
        decidedBy: 'Sam Okafor',
      });
  }

  /** 4.3 to 4.6, then task 1141 ready (gate G3). */
  identityReady(): this {
    return this.act(FE, {
      type: 'completeIdentityStep',
      step: 'aadConnect',
      note: 'Staging mode, sync disabled.',
    })
      .act(FE, { type: 'completeIdentityStep', step: 'breakGlass', note: '' })
      .act(FE, {
        type: 'completeIdentityStep',
        step: 'blockAllCa',
        note: 'Excludes both break-glass accounts.',
      })
      .act(FE, { type: 'completeIdentityStep', step: 'mfaAdmins', note: '' })
      .act(FE, { type: 'markSyncReady' });
  }

  decisions(): this {
    return this.act(BDM, { type: 'decideFeature', feature: 'mfaAllUsers', choice: 'enable' })
      .act(BDM, { type: 'decideFeature', feature: 'conditionalAccess', choice: 'enable' })
      .act(ARCHITECT, {
        type: 'decideFeature',
        feature: 'blockLegacyAuth',
        choice: 'planned',
        targetDate: '2025-05-15',
      })
      .act(ARCHITECT, {
        type: 'decideFeature',
        feature: 'saasSso',
        choice: 'planned',
        targetDate: '2025-06-30',
      })
      .act(BDM, {
        type: 'decideFeature',
        feature: 'deviceManagement',
        choice: 'notPlanned',
        reason: 'Devices are managed by the parent company.',
      })
      .act(BDM, {
        type: 'decideFeature',
        feature: 'mobileAppManagement',
        choice: 'notPlanned',
        reason: 'No corporate data on phones yet.',
      });
  }

  /** CA policies created, everyone registered for MFA, block-all removed (gate G4), workshop delivered. */
  workshop(): this {
    return this.act(FE, { type: 'recordCaPolicy', policy: 'mfaAllUsers', state: 'created' })
      .act(FE, { type: 'recordCaPolicy', policy: 'blockLegacy', state: 'created' })
      .act(FE, { type: 'recordMfaRegistration', registered: 1200, total: 1200 })
      .act(FE, { type: 'removeBlockAll' })
      .act(FE, { type: 'deliverWorkshop' });
  }

  handoff(): this {
    return this.act(SME, {
      type: 'submitHandoff',
      form: {
        authRationale: 'PHS, as finalized in task 3736.',
        saasApps: [
          { name: 'Salesforce', inGallery: true },
          { name: 'In-house expenses app', inGallery: false },
        ],
        devicePlan: 'Parent company keeps device management.',
        mobileAppPlan: 'Revisit in Q3.',
        risks: 'Contractors without licences.',
        recommendedWorkshops: ['Conduct Security Workshops'],
        notes: 'Customer prefers Tuesday meetings.',
      },
    });
  }

  followUp(
    kind: 'bvd' | 'securityWorkshop' | 'technicalSme',
    startsAt: string,
    timeZone = 'Europe/Berlin',
  ): this {
    return this.act(FM, {
      type: 'scheduleFollowUp',
      kind,
      startsAt,
      timeZone,
      attendees: [BDM.id, ARCHITECT.id, FE.id],
      agenda: 'Close the gaps found in the workshop.',
      leadMinutes: 60,
    });
  }

  moveOn(): this {
    return this.act(FM, { type: 'moveToNextPhase', phases: ['Conduct Security Workshops'] });
  }

  /** What the reminder scheduler records after trying to send (not a user action). */
  reminder(followUpId: string, state: ReminderState, lastError?: string): this {
    const e = structuredClone(this.engagement);
    const f = e.followUps.find((x) => x.id === followUpId);
    if (!f) throw new Error(`no follow-up ${followUpId}`);
    const attempts = state === 'undeliverable' ? 3 : state === 'sent' ? 1 : 0;
    f.reminder = {
      ...f.reminder,
      state,
      attempts,
      settledAt: f.reminder.dueAt,
      ...(lastError ? { lastError } : {}),
    };
    this.engagement = e;
    return this;
  }

  build(): Engagement {
    return this.engagement;
  }
}

/** Started by the FM; nobody else has a role; kickoff not confirmed (gate G1 open). */
export const justStarted = () => EngagementBuilder.start().build();
/** Roles assigned, kickoff still not confirmed. */
export const beforeKickoff = () => EngagementBuilder.start().roles().build();
/** Half way: conversation delivered, 4.1 done, method chosen; G3 and G4 failing, features half decided. */
export const midway = () =>
  EngagementBuilder.start()
    .roles()
    .kickoff()
    .licensing()
    .conversation()
    .forests()
    .authMethod()
    .act(FE, { type: 'completeIdentityStep', step: 'aadConnect', note: '' })
    .act(BDM, { type: 'decideFeature', feature: 'mfaAllUsers', choice: 'enable' })
    .act(BDM, {
      type: 'decideFeature',
      feature: 'deviceManagement',
      choice: 'notPlanned',
      reason: 'Managed by the parent company.',
    })
    .act(FE, { type: 'recordCaPolicy', policy: 'mfaAllUsers', state: 'planned' })
    .act(FE, { type: 'recordMfaRegistration', registered: 300, total: 1200 })
    .build();
/** Everything done, follow-ups scheduled; G5 open, not moved on yet. */
export const complete = () =>
  EngagementBuilder.start()
    .roles()
    .kickoff()
    .licensing()
    .conversation()
    .forests()
    .authMethod()
    .identityReady()
    .decisions()
    .workshop()
    .handoff()
    .followUp('bvd', '2025-04-08T08:30:00.000Z')
    .followUp('securityWorkshop', '2025-04-15T13:00:00.000Z', 'America/New_York')
    .build();
/** Complete and moved on to the next phase. */
export const movedOn = () =>
  new EngagementBuilder(complete(), new Date('2025-03-20T09:00:00.000Z')).moveOn().build();
/** Office 365 E3 only: the security-defaults path, Prepare Identity through 4.6 in that form (to go on from). */
export const onSecurityDefaults = () =>
  EngagementBuilder.start('Fabrikam')
    .roles()
    .kickoff()
    .licensing(['o365e3'])
    .conversation()
    .forests()
    .authMethod()
    .identityReady();
/** After the first follow-ups: render cards about follow-ups with reminders at this moment. */
export const LATER = new Date('2025-04-20T10:00:00.000Z');
/**
 * Follow-ups in every reminder state at LATER: fu-1 sent, fu-2 undeliverable, fu-3 missed (all
 * past), fu-4 cancelled, fu-5 pending (ahead).
 */
export const withReminders = () =>
  new EngagementBuilder(complete(), new Date('2025-03-20T09:00:00.000Z'))
    .followUp('technicalSme', '2025-04-18T07:00:00.000Z', 'Asia/Tokyo')
    .followUp('bvd', '2025-05-06T09:00:00.000Z')
    .act(FM, { type: 'cancelFollowUp', followUpId: 'fu-4' })
    .followUp('technicalSme', '2025-04-29T07:00:00.000Z', 'Asia/Tokyo')
    .reminder('fu-1', 'sent')
    .reminder('fu-2', 'undeliverable', 'Forbidden: the bot was removed from the conversation')
    .reminder('fu-3', 'missed')
    .build();
