import { summaryMarkdown } from '../../src/cards/export.js';
import { complete, EngagementBuilder, FM, midway, movedOn, NOW } from '../support/engagements.js';

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
});
