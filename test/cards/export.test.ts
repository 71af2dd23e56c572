import { summaryMarkdown } from '../../src/cards/export.js';
import {
  BDM,
  complete,
  EngagementBuilder,
  FE,
  FM,
  midway,
  movedOn,
  NOW,
} from '../support/engagements.js';

describe('the summary export', () => {
  test('holds the key outputs and the follow-ups, each meeting in its own zone', () => {
    const md = summaryMarkdown(complete(), NOW);
    expect(md).toMatch(/^# Deploy Securely: Contoso Ltd\n/);
    expect(md).toContain('Key outputs complete: ready to move on.');
    expect(md).toContain('- **Password hash synchronization**, decided by Sam Okafor');
    expect(md).toContain(
      '- Rationale: No on-premises sign-in requirement; PHS gives leaked credential detection.',
    );
    expect(md).toContain('- MFA for all users: enable now (Ana Ruiz)');
    expect(md).toContain('- Block legacy authentication: planned for 15 May 2025 (Sam Okafor)');
    expect(md).toContain('## Areas the customer does not plan to enable, and why');
    expect(md).toContain(
      '- **Device management**: Devices are managed by the parent company. (Ana Ruiz)',
    );
    expect(md).toContain(
      '- **Mobile app management**: No corporate data on phones yet. (Ana Ruiz)',
    );
    expect(md).toContain('2 of 2 stakeholder(s) acknowledged');
    expect(md).toContain('- 4017 M365 Security Conversation (M): done');
    expect(md).toContain(
      '- 3721 Identity and Device Security completed hand-off form work (O): done',
    );
    expect(md).toContain(
      '- Business value discovery: Tue, 8 Apr 2025, 10:30 (Europe/Berlin), with Ana Ruiz, Sam Okafor, Erik Lund. Agenda: Close the gaps found in the workshop.',
    );
    expect(md).toContain('- Security workshop: Tue, 15 Apr 2025, 09:00 (America/New_York)');
  });

  test('says what is missing before moving on, and when it has moved on', () => {
    expect(summaryMarkdown(midway(), NOW)).toMatch(/Not ready to move on\. Missing: task 3720/);
    expect(summaryMarkdown(midway(), NOW)).toContain(
      '- Conditional Access policies: not decided yet',
    );
    expect(summaryMarkdown(movedOn(), NOW)).toMatch(
      /Moved on to Conduct Security Workshops on .* by Fiona Meyer\./,
    );
  });

  test('what people typed stays text: Markdown characters are escaped, lines joined', () => {
    const e = new EngagementBuilder(EngagementBuilder.start('Contoso *Ltd* [EU]').build())
      .kickoff()
      .act(FM, { type: 'recordLicensing', licences: ['m365e3'], addOns: [], notes: '' })
      .build();
    const md = summaryMarkdown(e, NOW);
    expect(md).toContain('# Deploy Securely: Contoso \\*Ltd\\* \\[EU\\]');
  });

  test('holds the customer’s requirements, self-assessments, licences per feature, reopened work and contradictions', () => {
    const e = new EngagementBuilder(midway(), new Date('2025-03-20T09:00:00Z'))
      .act(FM, {
        type: 'recordPreparation',
        businessRequirements: 'Merger in Q3',
        deploymentRequirements: '',
        supportAreas: ['identity'],
        supportNote: 'Teams only',
      })
      .act(FE, {
        type: 'finalizeAuthMethod',
        method: 'cloudOnly',
        rationale: 'No AD left',
        decidedBy: BDM.name,
      })
      .act(FE, { type: 'recordCaPolicy', policy: 'mfaAllUsers', state: 'created' })
      .act(FE, {
        type: 'decideFeature',
        feature: 'mfaAllUsers',
        choice: 'notPlanned',
        reason: 'Resisted',
        onBehalfOf: BDM.id,
      })
      .act(FE, {
        type: 'acknowledgeAgenda',
        topics: ['importance'],
        question: '',
        onBehalfOf: BDM.id,
      })
      .build();
    const md = summaryMarkdown(e, NOW);
    expect(md).toContain('Conditional Access path. The licences include Microsoft Entra ID P1');
    expect(md).toContain('- Business requirements: Merger in Q3');
    expect(md).toContain('- Deployment requirements: —');
    expect(md).toContain('- Note: Teams only');
    expect(md).toContain(
      '- Ana Ruiz: Identity security basic; Device security new; Information security working',
    );
    expect(md).toContain(
      "- Conditional Access policies: not decided yet. Included in the customer's licences (Microsoft Entra ID P1); risk-based policies need Microsoft Entra ID P2 (missing).",
    );
    expect(md).toContain('## Records that contradict each other');
    expect(md).toContain(
      '- "MFA for all users" is not planned, yet the Conditional Access policy "Require MFA for all users" is created',
    );
    expect(md).toContain(
      '- **MFA for all users**: Resisted (Ana Ruiz (recorded by Erik Lund in the meeting))',
    );
    expect(md).toContain('## Work reopened by later changes');
    expect(md).toMatch(
      /the authentication method changed from Password hash synchronization to Cloud-only identities\. Reopened: Microsoft Entra Connect Sync \(AAD Connect\) configured/,
    );
    expect(md).toMatch(
      /- 1141 Set Up Directory Synchronization \(Azure AD Connect\) \(M\): not applicable: cloud-only/,
    );
    expect(md).toContain('2. Discuss Device Management');
    expect(md).toMatch(
      /Ana Ruiz, Customer stakeholder \(BDM\): the importance of security \(Ana Ruiz \(recorded by Erik Lund in the meeting\)\)/,
    );
  });

  test('without preparation or self-assessments it says so', () => {
    const md = summaryMarkdown(EngagementBuilder.start().roles().kickoff().build(), NOW);
    expect(md).toContain("## The customer's requirements\n- Not recorded yet.");
    expect(md).toContain(
      '## Self-assessments (identity, device, information security)\n- None yet.',
    );
    expect(md).toContain('Record the licences: with Microsoft Entra ID P1');
  });
});
