/**
 * What the seeds ask for beyond the gates: preparing the conversation (the customer's requirements
 * and what FastTrack covers), EMS re-engagements, self-assessments in the key outputs, "Discuss
 * Device Management" among the next steps, and answers given in the meeting recorded on behalf of
 * a named stakeholder (the record keeps both people).
 */
import { FOLLOW_UP_KINDS, NEXT_STEPS } from '../../../src/playbook/catalog.js';
import { answeredBy } from '../../../src/playbook/engagement.js';
import { keyOutputs } from '../../../src/playbook/outputs.js';
import {
  BDM,
  BUILD_TIME,
  exactly,
  expectRefused,
  FE,
  FM,
  kickedOff,
  licensed,
  SEC,
  SME,
  step,
  STRANGER,
} from '../builders.js';

describe('preparing the M365 Security Conversation', () => {
  const prepare = {
    type: 'recordPreparation' as const,
    businessRequirements: '  Merger with Fabrikam in Q3 ',
    deploymentRequirements: 'Exchange Online first',
    supportAreas: ['workloads', 'identity'] as ('workloads' | 'identity')[],
    supportNote: '',
  };

  test('the FM records the requirements and what FastTrack covers, in the list’s order', () => {
    const e = step(kickedOff(), FM, prepare);
    expect(e.preparation).toEqual({
      by: FM.id,
      byName: FM.name,
      at: BUILD_TIME.toISOString(),
      businessRequirements: 'Merger with Fabrikam in Q3',
      deploymentRequirements: 'Exchange Online first',
      supportAreas: ['identity', 'workloads'],
      supportNote: '',
    });
  });

  test('it needs some requirement, and each text has its limit', () => {
    expectRefused(
      kickedOff(),
      FM,
      { ...prepare, businessRequirements: ' ', deploymentRequirements: '' },
      'invalid',
      exactly("Say what the customer's business or deployment requirements are."),
    );
    expectRefused(
      kickedOff(),
      FM,
      { ...prepare, supportNote: 'x'.repeat(501) },
      'invalid',
      /The note on what FastTrack covers is too long: shorten it by about 1 character\./,
    );
  });
});

describe('EMS re-engagement', () => {
  test('marked with licences that include EMS (EMS E3/E5, Microsoft 365 E3/E5)', () => {
    const e = step(kickedOff(), FM, {
      type: 'recordLicensing',
      licences: ['m365e5'],
      addOns: [],
      notes: '',
      emsNotDeployed: true,
    });
    expect(e.licensing?.emsNotDeployed).toBe(true);
    expect(e.history.at(-1)?.summary).toContain('EMS owned but not deployed (EMS re-engagement)');
  });

  test('refused when the licences hold no EMS', () => {
    expectRefused(
      kickedOff(),
      FM,
      {
        type: 'recordLicensing',
        licences: ['o365e3'],
        addOns: [],
        notes: '',
        emsNotDeployed: true,
      },
      'invalid',
      /^An EMS re-engagement needs Enterprise Mobility \+ Security in the licences \(Microsoft 365 E3, Microsoft 365 E5, Enterprise Mobility \+ Security E3 or Enterprise Mobility \+ Security E5\)\.$/,
    );
  });
});

describe('self-assessments and next steps in the key outputs', () => {
  test('each stakeholder’s self-assessment is part of the key outputs', () => {
    const e = step(kickedOff(), BDM, {
      type: 'selfAssess',
      levels: { identity: 'basic', device: 'new', information: 'working' },
    });
    expect(keyOutputs(e, BUILD_TIME).selfAssessments).toEqual([
      {
        name: BDM.name,
        levels: [
          { area: 'Identity security', level: 'basic' },
          { area: 'Device security', level: 'new' },
          { area: 'Information security', level: 'working' },
        ],
      },
    ]);
  });

  test('"Discuss Device Management" is a next step, and a follow-up the FM can schedule', () => {
    expect(NEXT_STEPS.map((s) => s.title)).toContain('Discuss Device Management');
    expect(FOLLOW_UP_KINDS.find((k) => k.id === 'deviceManagement')?.title).toBe(
      'Discuss Device Management',
    );
  });
});

describe('recorded on behalf of a stakeholder, given in the meeting', () => {
  test('the FE records a decision for a stakeholder: both people are kept', () => {
    const e = step(licensed(), FE, {
      type: 'decideFeature',
      feature: 'saasSso',
      choice: 'notPlanned',
      reason: 'No SaaS apps',
      onBehalfOf: SEC.id,
    });
    const d = e.workshop.decisions.saasSso;
    expect(d).toMatchObject({
      by: FE.id,
      byName: FE.name,
      onBehalfOf: { id: SEC.id, name: SEC.name },
    });
    expect(answeredBy(d!)).toBe('Sam Okafor (recorded by Erik Lund in the meeting)');
    expect(keyOutputs(e, BUILD_TIME).notPlanned[0]?.decidedBy).toBe(
      'Sam Okafor (recorded by Erik Lund in the meeting)',
    );
    expect(e.history.at(-1)?.summary).toMatch(
      /^recorded for Sam Okafor \(given in the meeting\): decided/,
    );
  });

  test('the FM records a preference; the acknowledgement counts as the stakeholder’s', () => {
    let e = step(kickedOff(), FM, {
      type: 'statePreference',
      method: 'pta',
      comment: 'Said so in the meeting',
      onBehalfOf: BDM.id,
    });
    expect(e.identity.preferences[BDM.id]).toMatchObject({ by: FM.id, onBehalfOf: { id: BDM.id } });
    e = step(e, FM, {
      type: 'acknowledgeAgenda',
      topics: ['importance'],
      question: '',
      onBehalfOf: BDM.id,
    });
    expect(e.conversation.acknowledgements[BDM.id]).toMatchObject({
      by: FM.id,
      topics: ['importance'],
    });
  });

  test('only the FM or FE records for someone, and only for a stakeholder of the engagement', () => {
    const forBdm = {
      type: 'decideFeature' as const,
      feature: 'saasSso' as const,
      choice: 'enable' as const,
      onBehalfOf: BDM.id,
    };
    expectRefused(
      licensed(),
      SEC,
      forBdm,
      'notAllowed',
      exactly(
        'Only the FastTrack Manager or FastTrack Engineer can do that; you are the Customer stakeholder. Nothing was changed.',
      ),
    );
    expectRefused(
      licensed(),
      SME,
      forBdm,
      'notAllowed',
      /Only the FastTrack Manager or FastTrack Engineer/,
    );
    for (const who of [FE.id, STRANGER.id])
      expectRefused(
        licensed(),
        FE,
        { ...forBdm, onBehalfOf: who },
        'invalid',
        exactly(
          'Answers given in the meeting are recorded for a stakeholder of this engagement: choose one from the list.',
        ),
      );
  });
});
