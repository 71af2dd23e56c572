import type { Action } from '../../src/playbook/actions.js';
import { readCardAction } from '../../src/door/read.js';
import { readSubmitAction } from '../../src/teams/activity.js';
import type { DoorContext, DoorResult } from '../../src/door/result.js';
import { ACTION_VERB_LIST } from '../../src/door/verbs/index.js';
import { LIMITS } from '../../src/playbook/limits.js';
import { jsonBytes } from '../../src/playbook/text-size.js';
import { tenantFacts } from '../playbook/tenant-builders.js';

const READ = { ok: true as const, facts: tenantFacts() };

const ctx: DoorContext = {
  leadMinutes: 45,
  timeZone: 'Europe/Berlin',
  members: [
    { id: 'aad-ana', name: 'Ana Ruiz' },
    { id: 'aad-erik', name: 'Erik Lund' },
    {
      id: 'aad-gus',
      name: 'Gus Guest',
      teamsId: '29:gus',
      tenantId: 'tenant-contoso',
      userRole: 'guest',
      email: 'Gus@FastTrack.example',
    },
    { id: 'aad-gone', name: 'Gone Person', departed: true },
  ],
  tenant: READ,
};

const door = (verb: string, data: Record<string, unknown>) => readCardAction(verb, data, ctx);
const action = (card: string, a: Action): DoorResult => ({
  kind: 'action',
  action: a,
  card: card as never,
});

const HAPPY: [string, Record<string, unknown>, DoorResult][] = [
  ['kickoff.confirm', { card: 'roles' }, action('roles', { type: 'confirmKickoff' })],
  [
    'roles.assign',
    { card: 'roles', personId: 'aad-ana', role: 'stakeholder', title: 'Director of Security' },
    action('roles', {
      type: 'assignRole',
      personId: 'aad-ana',
      name: 'Ana Ruiz',
      role: 'stakeholder',
      title: 'Director of Security',
    }),
  ],
  [
    'roles.assign',
    { card: 'roles', personId: 'aad-erik', role: 'FE', title: 'BDM' },
    action('roles', { type: 'assignRole', personId: 'aad-erik', name: 'Erik Lund', role: 'FE' }),
  ],
  [
    'roles.assign',
    { card: 'roles', personId: 'aad-erik', role: 'none' },
    action('roles', { type: 'assignRole', personId: 'aad-erik', name: 'Erik Lund', role: 'none' }),
  ],
  [
    'roles.assign',
    // What the card sends names the person; everything else comes from Teams' member list.
    { card: 'roles', personId: 'aad-gus', role: 'SME', name: 'Forged', email: 'x@evil.example' },
    action('roles', {
      type: 'assignRole',
      personId: 'aad-gus',
      name: 'Gus Guest',
      teamsId: '29:gus',
      homeTenantId: 'tenant-contoso',
      userRole: 'guest',
      email: 'gus@fasttrack.example',
      role: 'SME',
    }),
  ],
  [
    'roles.assign',
    { card: 'roles', personId: 'aad-gone', role: 'none' },
    action('roles', {
      type: 'assignRole',
      personId: 'aad-gone',
      name: 'Gone Person',
      role: 'none',
    }),
  ],
  [
    'roles.handOver',
    { card: 'roles', newFmId: 'aad-gus', fmThen: 'none' },
    action('roles', {
      type: 'handOverFm',
      personId: 'aad-gus',
      name: 'Gus Guest',
      teamsId: '29:gus',
      homeTenantId: 'tenant-contoso',
      userRole: 'guest',
      email: 'gus@fasttrack.example',
      then: 'none',
    }),
  ],
  [
    'licensing.record',
    {
      card: 'licensing',
      licences: 'm365e3,emse5',
      addOns: 'intune',
      licensingNotes: '  1,200 seats ',
    },
    action('licensing', {
      type: 'recordLicensing',
      licences: ['m365e3', 'emse5'],
      addOns: ['intune'],
      notes: '1,200 seats',
    }),
  ],
  [
    'conversation.schedule',
    {
      card: 'agenda',
      conversationDate: '2025-04-02',
      conversationTime: '14:30',
      conversationZone: 'America/New_York',
      conversationInvited: 'aad-ana',
    },
    action('agenda', {
      type: 'scheduleConversation',
      startsAt: '2025-04-02T18:30:00.000Z',
      timeZone: 'America/New_York',
      invited: ['aad-ana'],
    }),
  ],
  [
    'conversation.schedule',
    {
      card: 'agenda',
      conversationDate: '2025-04-02',
      conversationTime: '14:30',
      conversationZone: '',
      conversationInvited: ['aad-ana', 'aad-sam'],
    },
    action('agenda', {
      type: 'scheduleConversation',
      startsAt: '2025-04-02T12:30:00.000Z',
      timeZone: 'Europe/Berlin',
      invited: ['aad-ana', 'aad-sam'],
    }),
  ],
  [
    'agenda.acknowledge',
    { card: 'agenda', topics: 'baseline,importance', question: 'What about guests?' },
    action('agenda', {
      type: 'acknowledgeAgenda',
      topics: ['baseline', 'importance'],
      question: 'What about guests?',
    }),
  ],
  [
    'agenda.assess',
    { card: 'agenda', level_identity: 'basic', level_device: 'new', level_information: 'advanced' },
    action('agenda', {
      type: 'selfAssess',
      levels: { identity: 'basic', device: 'new', information: 'advanced' },
    }),
  ],
  ['conversation.deliver', { card: 'agenda' }, action('agenda', { type: 'deliverConversation' })],
  [
    'conversation.deliver',
    { card: 'agenda', attended: 'aad-ana,aad-erik' },
    action('agenda', { type: 'deliverConversation', attended: ['aad-ana', 'aad-erik'] }),
  ],
  [
    'agenda.acknowledgeFor',
    { card: 'agenda', forPerson: 'aad-ana', forTopics: 'importance,baseline', topics: 'x' },
    action('agenda', {
      type: 'acknowledgeAgenda',
      topics: ['importance', 'baseline'],
      question: '',
      onBehalfOf: 'aad-ana',
    }),
  ],
  [
    'licensing.prepare',
    {
      card: 'licensing',
      prepBusiness: ' Merger in Q3 ',
      prepDeployment: 'Teams first',
      prepAreas: 'identity,devices',
      prepNote: '',
    },
    action('licensing', {
      type: 'recordPreparation',
      businessRequirements: 'Merger in Q3',
      deploymentRequirements: 'Teams first',
      supportAreas: ['identity', 'devices'],
      supportNote: '',
    }),
  ],
  [
    'licensing.record',
    {
      card: 'licensing',
      licences: 'm365e3',
      addOns: '',
      licensingNotes: '',
      emsNotDeployed: 'true',
    },
    action('licensing', {
      type: 'recordLicensing',
      licences: ['m365e3'],
      addOns: [],
      notes: '',
      emsNotDeployed: true,
    }),
  ],
  [
    'identity.complete',
    {
      card: 'identity',
      step: 'breakGlass',
      note_breakGlass: 'bg1, bg2',
      note_forests: 'not this one',
    },
    action('identity', { type: 'completeIdentityStep', step: 'breakGlass', note: 'bg1, bg2' }),
  ],
  [
    'identity.complete',
    { card: 'identity', step: 'mfaAdmins' },
    action('identity', { type: 'completeIdentityStep', step: 'mfaAdmins', note: '' }),
  ],
  [
    'auth.prefer',
    { card: 'auth', preferMethod: 'pta', preferComment: '' },
    action('auth', { type: 'statePreference', method: 'pta', comment: '' }),
  ],
  [
    'auth.preferFor',
    { card: 'auth', forPerson: 'aad-ana', forMethod: 'phs', forComment: 'Said in the meeting' },
    action('auth', {
      type: 'statePreference',
      method: 'phs',
      comment: 'Said in the meeting',
      onBehalfOf: 'aad-ana',
    }),
  ],
  [
    'auth.finalize',
    {
      card: 'auth',
      authMethod: 'adfs',
      authRationale: 'Smart cards on premises.',
      authDecidedBy: 'Sam Okafor',
    },
    action('auth', {
      type: 'finalizeAuthMethod',
      method: 'adfs',
      rationale: 'Smart cards on premises.',
      decidedBy: 'Sam Okafor',
    }),
  ],
  ['identity.syncReady', { card: 'identity' }, action('identity', { type: 'markSyncReady' })],
  [
    'workshop.decide',
    {
      card: 'workshop',
      feature: 'saasSso',
      choice_saasSso: 'planned',
      date_saasSso: '2025-06-30',
      reason_saasSso: 'ignored when planned',
    },
    action('workshop', {
      type: 'decideFeature',
      feature: 'saasSso',
      choice: 'planned',
      targetDate: '2025-06-30',
      timeZone: 'Europe/Berlin',
    }),
  ],
  [
    'workshop.decide',
    {
      card: 'workshop',
      feature: 'mobileAppManagement',
      choice_mobileAppManagement: 'notPlanned',
      date_mobileAppManagement: '',
      reason_mobileAppManagement: 'No phones.',
    },
    action('workshop', {
      type: 'decideFeature',
      feature: 'mobileAppManagement',
      choice: 'notPlanned',
      reason: 'No phones.',
    }),
  ],
  [
    'workshop.decide',
    { card: 'workshop', feature: 'mfaAllUsers', choice_mfaAllUsers: 'enable' },
    action('workshop', { type: 'decideFeature', feature: 'mfaAllUsers', choice: 'enable' }),
  ],
  [
    'workshop.decideFor',
    {
      card: 'workshop',
      forPerson: 'aad-ana',
      forFeature: 'deviceManagement',
      forChoice: 'planned',
      forDate: '2025-09-01',
      forReason: '',
    },
    action('workshop', {
      type: 'decideFeature',
      feature: 'deviceManagement',
      choice: 'planned',
      targetDate: '2025-09-01',
      timeZone: 'Europe/Berlin',
      onBehalfOf: 'aad-ana',
    }),
  ],
  [
    'workshop.decideFor',
    {
      card: 'workshop',
      forPerson: 'aad-ana',
      forFeature: 'saasSso',
      forChoice: 'notPlanned',
      forReason: 'No SaaS apps',
    },
    action('workshop', {
      type: 'decideFeature',
      feature: 'saasSso',
      choice: 'notPlanned',
      reason: 'No SaaS apps',
      onBehalfOf: 'aad-ana',
    }),
  ],
  [
    'workshop.caPolicy',
    { card: 'workshop', policy: 'blockLegacy', caState_blockLegacy: 'created' },
    action('workshop', { type: 'recordCaPolicy', policy: 'blockLegacy', state: 'created' }),
  ],
  [
    'workshop.mfa',
    { card: 'workshop', mfaRegistered: '1150', mfaTotal: 1200 },
    action('workshop', { type: 'recordMfaRegistration', registered: 1150, total: 1200 }),
  ],
  [
    'workshop.mfa',
    { card: 'workshop', mfaRegistered: '10', mfaTotal: '20', mfaLowerReason: ' Shared mailboxes ' },
    action('workshop', {
      type: 'recordMfaRegistration',
      registered: 10,
      total: 20,
      reason: 'Shared mailboxes',
    }),
  ],
  ['workshop.removeBlockAll', { card: 'workshop' }, action('workshop', { type: 'removeBlockAll' })],
  ['workshop.deliver', { card: 'workshop' }, action('workshop', { type: 'deliverWorkshop' })],
  [
    'handoff.submit',
    {
      card: 'handoff',
      authRationale: 'PHS.',
      mfaApproach: 'securityDefaults',
      mfaRegistered: '40',
      saasGallery: 'Salesforce\r\n\n  Workday  ',
      saasOther: 'Intranet',
      devicePlan: 'Intune next quarter.',
      mobileAppPlan: '',
      risks: 'Contractors.',
      recommendedWorkshops: 'Conduct Technical Assessment,Conduct Services Workshops',
      notes: 'Tuesdays.',
    },
    action('handoff', {
      type: 'submitHandoff',
      form: {
        authRationale: 'PHS.',
        saasApps: [
          { name: 'Salesforce', inGallery: true },
          { name: 'Workday', inGallery: true },
          { name: 'Intranet', inGallery: false },
        ],
        devicePlan: 'Intune next quarter.',
        mobileAppPlan: '',
        risks: 'Contractors.',
        recommendedWorkshops: ['Conduct Technical Assessment', 'Conduct Services Workshops'],
        notes: 'Tuesdays.',
      },
    }),
  ],
  [
    'followup.schedule',
    {
      card: 'followup',
      fuKind: 'servicesWorkshop',
      fuDate: '2025-04-08',
      fuTime: '09:00',
      fuZone: 'Asia/Tokyo',
      fuAttendees: 'aad-ana,aad-erik',
      fuAgenda: 'Teams rollout',
    },
    action('followup', {
      type: 'scheduleFollowUp',
      kind: 'servicesWorkshop',
      startsAt: '2025-04-08T00:00:00.000Z',
      timeZone: 'Asia/Tokyo',
      attendees: ['aad-ana', 'aad-erik'],
      agenda: 'Teams rollout',
      leadMinutes: 45,
    }),
  ],
  [
    'followup.schedule',
    { card: 'followup', fuKind: 'bvd', fuDate: '2025-01-15', fuTime: '09:00:00' },
    action('followup', {
      type: 'scheduleFollowUp',
      kind: 'bvd',
      startsAt: '2025-01-15T08:00:00.000Z',
      timeZone: 'Europe/Berlin',
      attendees: [],
      agenda: '',
      leadMinutes: 45,
    }),
  ],
  [
    'followup.reschedule',
    {
      card: 'followup',
      followUpId: 'fu-12',
      'date_fu-12': '2025-07-01',
      'time_fu-12': '10:15',
      'zone_fu-12': 'Europe/London',
      'date_fu-3': '2030-01-01',
    },
    action('followup', {
      type: 'rescheduleFollowUp',
      followUpId: 'fu-12',
      startsAt: '2025-07-01T09:15:00.000Z',
      timeZone: 'Europe/London',
      leadMinutes: 45,
    }),
  ],
  [
    'followup.cancel',
    { card: 'followup', followUpId: 'fu-3' },
    action('followup', { type: 'cancelFollowUp', followUpId: 'fu-3' }),
  ],
  [
    'phase.moveOn',
    { card: 'summary', phases: 'Conduct Security Workshops' },
    action('summary', { type: 'moveToNextPhase', phases: ['Conduct Security Workshops'] }),
  ],
  [
    'engagement.delete',
    { card: 'summary', confirmCustomer: ' Contoso Ltd ' },
    action('summary', { type: 'deleteEngagement', confirmation: 'Contoso Ltd' }),
  ],
  [
    'engagement.start',
    { card: 'help', customer: '  Fabrikam   Inc ' },
    { kind: 'start', customer: 'Fabrikam Inc' },
  ],
  ['show', { card: 'workshop', open: 'handoff' }, { kind: 'show', card: 'handoff' }],
  ['refresh', { card: 'status' }, { kind: 'refresh', card: 'status' }],
  [
    'refresh',
    { card: 'reminder', followUpId: 'fu-2' },
    { kind: 'refresh', card: 'reminder', followUpId: 'fu-2' },
  ],
  ['refresh', { card: 'reminder', followUpId: '../x' }, { kind: 'refresh', card: 'reminder' }],
  ['summary.export', { card: 'summary' }, { kind: 'export' }],
  [
    'tenant.refresh',
    { card: 'workshop' },
    action('workshop', { type: 'recordTenantFacts', read: READ }),
  ],
];

describe('every verb, as Action.Execute sends it', () => {
  test.each(HAPPY)('%s %j', (verb, data, expected) => {
    expect(door(verb, data)).toEqual(expected);
  });

  test('the table covers every action verb the cards use', () => {
    const covered = new Set(HAPPY.map(([verb]) => verb));
    expect(ACTION_VERB_LIST.filter((verb) => !covered.has(verb))).toEqual([]);
  });
});

describe('the Action.Submit fallback (the verb inside the data) lands in the same door', () => {
  test.each(HAPPY)('%s', (verb, data, expected) => {
    const submitted = readSubmitAction({ verb, ...data });
    expect(submitted).toEqual({ verb, data, automatic: false, submitted: true });
    expect(readCardAction(submitted!.verb, submitted!.data, ctx)).toEqual(expected);
  });
});

describe('the card to re-render', () => {
  test('is the card the button was on, or the verb’s own card when the data does not say', () => {
    expect(door('workshop.deliver', { card: 'status' })).toMatchObject({ card: 'status' });
    expect(door('workshop.deliver', {})).toMatchObject({ card: 'workshop' });
    expect(door('workshop.deliver', { card: 'nonsense' })).toMatchObject({ card: 'workshop' });
  });
});

describe("a name from Teams' member list", () => {
  test('is cut to the name limit in bytes as stored, for a role and for the FM role handed over', () => {
    const long = { id: 'aad-long', name: `  ${'漢'.repeat(60)}  ` }; // 180 bytes
    const wide: DoorContext = { ...ctx, members: [...ctx.members, long] };
    for (const [verb, data] of [
      ['roles.assign', { card: 'roles', personId: 'aad-long', role: 'SME' }],
      ['roles.handOver', { card: 'roles', newFmId: 'aad-long', fmThen: 'FE' }],
    ] as const) {
      const read = readCardAction(verb, data, wide);
      if (read.kind !== 'action' || !('name' in read.action)) throw new Error(verb);
      expect(read.action.name).toBe(`${'漢'.repeat(39)}…`);
      expect(jsonBytes(read.action.name)).toBeLessThanOrEqual(LIMITS.name);
    }
  });
});
