import { readFileSync } from 'node:fs';
import path from 'node:path';
import { toHtml, toMarkdown, type FiledDocument } from '../../src/documents/document.js';
import { Downloads } from '../../src/documents/downloads.js';
import { handoffDocument } from '../../src/documents/handoff.js';
import { LINK_LIFETIME_MS, LinkSigner, type Grant } from '../../src/documents/links.js';
import { summaryDocument } from '../../src/documents/summary.js';
import type { Engagement } from '../../src/playbook/engagement.js';
import { upgrade } from '../../src/playbook/upgrade.js';
import {
  BDM,
  complete,
  EngagementBuilder,
  FE,
  FM,
  midway,
  movedOn,
  SME,
} from '../support/engagements.js';

const NOW = new Date('2025-03-28T10:00:00.000Z');
const BASE = 'https://bot.contoso.example';

/** Downloads over one engagement, with a clock the test moves. */
function downloadsOver(e: Engagement | undefined, base: string | null = BASE) {
  const clock = { now: NOW };
  const downloads = new Downloads({
    signer: new LinkSigner('a test key that is long enough to sign links'),
    baseUrl: () => base ?? undefined,
    load: async (id) => (e && id === e.engagementId ? e : undefined),
    clock: () => clock.now,
  });
  return { downloads, clock };
}

/** Path and query of a link, as the server hands them over. */
function request(url: string): [string, URLSearchParams] {
  const u = new URL(url);
  return [u.pathname, u.searchParams];
}

describe('the summary document', () => {
  test('holds the key outputs, the people, the tasks and each follow-up in its own zone', () => {
    const md = toMarkdown(summaryDocument(complete(), NOW));
    expect(md).toMatch(/^# Deploy Securely: Contoso Ltd\n/);
    expect(md).toContain('Key outputs complete: ready to move on to the next phase.');
    expect(md).toContain('- **Method:** Password hash synchronization');
    expect(md).toContain('- **Decided by:** Sam Okafor');
    expect(md).toContain('- MFA for all users: enable now (Ana Ruiz)');
    expect(md).toContain('- Block legacy authentication: planned for 15 May 2025 (Sam Okafor)');
    expect(md).toContain(
      '- Device management: NOT PLANNED. Reason: Devices are managed by the parent company. (Ana Ruiz)',
    );
    expect(md).toContain('2 of 2 stakeholder(s) acknowledged');
    expect(md).toMatch(/- 4017 M365 Security Conversation \(mandatory\): done .* by /);
    expect(md).toContain(
      '- Business value discovery: Tue, 8 Apr 2025, 10:30 (Europe/Berlin), with Ana Ruiz, Sam Okafor, Erik Lund. Agenda: Close the gaps found in the workshop.',
    );
    expect(md).toContain('- Security workshop: Tue, 15 Apr 2025, 09:00 (America/New_York)');
  });

  test('says what is missing before moving on, and when it has moved on', () => {
    expect(toMarkdown(summaryDocument(midway(), NOW))).toMatch(
      /Not ready to move on\. Missing: task 3720/,
    );
    expect(toMarkdown(summaryDocument(movedOn(), NOW))).toMatch(
      /Moved on to Conduct Security Workshops on .* by Fiona Meyer\./,
    );
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
    const md = toMarkdown(summaryDocument(e, NOW));
    expect(md).toContain('Conditional Access path. The licences include Microsoft Entra ID P1');
    expect(md).toContain('- **Licences:** Microsoft 365 E3');
    expect(md).toContain('- **Business requirements:** Merger in Q3');
    expect(md).toContain('- **Deployment requirements:** —');
    expect(md).toContain('- **Note:** Teams only');
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
      '- MFA for all users: NOT PLANNED. Reason: Resisted (Ana Ruiz (recorded by Erik Lund in the meeting))',
    );
    expect(md).toContain('## Work reopened by later changes');
    expect(md).toMatch(
      /the authentication method changed from Password hash synchronization to Cloud-only identities\. Reopened: Microsoft Entra Connect Sync \(AAD Connect\) configured/,
    );
    expect(md).toMatch(
      /- 1141 Set Up Directory Synchronization \(Azure AD Connect\) \(mandatory\): not applicable: cloud-only/,
    );
    expect(md).toMatch(/## Next steps\n\n- The FM schedules .*\n- Discuss Device Management\n/);
    expect(md).toMatch(
      /Ana Ruiz, Customer stakeholder \(BDM\); acknowledged: the importance of security \(Ana Ruiz \(recorded by Erik Lund in the meeting\)\)/,
    );
  });

  test('without licences, preparation or self-assessments it says so', () => {
    const md = toMarkdown(
      summaryDocument(EngagementBuilder.start().roles().kickoff().build(), NOW),
    );
    expect(md).toContain("## The customer's requirements\n\nNot recorded yet.");
    expect(md).toContain(
      '## Self-assessments (identity, device, information security)\n\nNone yet.',
    );
    expect(md).toContain('## Licences\n\nRecord the licences: with Microsoft Entra ID P1');
    expect(md).not.toContain('## Work reopened');
    expect(md).not.toContain('## Records that contradict');
  });
});

describe('the hand-off document', () => {
  test('is the latest revision with what the engagement knew then, once a form is submitted', () => {
    expect(handoffDocument(midway(), NOW)).toBeUndefined();
    const md = toMarkdown(handoffDocument(complete(), NOW)!);
    expect(md).toMatch(/^# Identity and Device Security hand-off: Contoso Ltd\n/);
    expect(md).toContain('Revision 1 of the hand-off form (task 3721), submitted');
    expect(md).toContain(`by ${SME.name}`);
    expect(md).toContain('- **MFA approach:** Conditional Access policy');
    expect(md).toContain('- **In the Entra gallery:** Salesforce');
    expect(md).toContain('- **Not in the gallery:** In-house expenses app');
    expect(md).toContain('- **Risks and blockers:** Contractors without licences.');
    expect(md).toContain('- **Authentication method:** Password hash synchronization, decided by');
    expect(md).toContain('- **Device management:** Not planned. Reason: Devices are managed');
    expect(md).toContain('- **Users registered for MFA:** 1200 of 1200');
    expect(md).toContain('- **Licences:** Conditional Access path');
    expect(md).toContain(
      '- **Conditional Access policies:** Require MFA for all users: created; Block legacy authentication: created',
    );
    expect(md).toContain(
      "- **Device management:** Included in the customer's licences (Microsoft Intune)",
    );
  });

  test('on the security-defaults path, says security defaults and no Conditional Access', () => {
    const e = EngagementBuilder.start()
      .roles()
      .kickoff()
      .licensing(['o365e3'])
      .conversation()
      .forests()
      .authMethod()
      .identityReady()
      .act(BDM, { type: 'decideFeature', feature: 'mfaAllUsers', choice: 'enable' })
      .act(FE, { type: 'recordMfaRegistration', registered: 40, total: 50 })
      .act(FE, { type: 'deliverWorkshop' })
      .handoff()
      .build();
    const md = toMarkdown(handoffDocument(e, NOW)!);
    expect(md).toContain('- **MFA approach:** Security defaults');
    expect(md).toContain('- **Users registered for MFA:** 40 of 50');
    expect(md).toContain(
      '- **Conditional Access policies:** None: no Conditional Access on the security-defaults path',
    );
    expect(md).toContain('4.5 Security defaults turned on');
    expect(md).toMatch(/- \*\*Device management:\*\* Needs Microsoft Intune .*: missing/);
  });

  test('of a revision stored before the MFA facts were derived, shows what was typed then', () => {
    const stored = path.join(__dirname, '..', 'playbook', 'fixtures', 'v1-moved-on.json');
    const e = upgrade(JSON.parse(readFileSync(stored, 'utf8')));
    const r = e.handoff.at(-1)!;
    delete r.known.mfaRegistration;
    const md = toMarkdown(handoffDocument(e, NOW)!);
    expect(md).toContain('- **MFA approach:** Conditional Access policy');
    expect(md).toContain('- **Users registered for MFA:** 1200');
  });
});

describe('what people typed, in a document', () => {
  const doc: FiledDocument = {
    title: 'Contoso <script>alert(1)</script> *Ltd*',
    subtitle: 'A [link](javascript:alert(1)) and # heading\nand a new line',
    sections: [
      {
        heading: 'Notes & "quotes"',
        blocks: [
          { kind: 'paragraph', text: '<img src=x onerror=alert(1)>' },
          { kind: 'list', items: ['- not a nested item', '`code`'] },
          { kind: 'facts', facts: [{ label: 'a|b', value: "it's <b>bold</b>" }] },
        ],
      },
    ],
  };

  test('stays text in Markdown', () => {
    const md = toMarkdown(doc);
    expect(md).toContain('# Contoso \\<script\\>alert(1)\\</script\\> \\*Ltd\\*');
    expect(md).toContain('A \\[link\\](javascript:alert(1)) and \\# heading and a new line');
    expect(md).toContain('- \\- not a nested item');
    expect(md).toContain("- **a\\|b:** it's \\<b\\>bold\\</b\\>");
  });

  test('stays text in the HTML page, which loads nothing and runs nothing', () => {
    const html = toHtml(doc);
    expect(html).toContain('<title>Contoso &lt;script&gt;alert(1)&lt;/script&gt; *Ltd*</title>');
    expect(html).toContain('<p>&lt;img src=x onerror=alert(1)&gt;</p>');
    expect(html).toContain('<h2>Notes &amp; &quot;quotes&quot;</h2>');
    expect(html).toContain('<dd>it&#39;s &lt;b&gt;bold&lt;/b&gt;</dd>');
    expect(html).not.toMatch(/<(script|img|a|link|iframe)[\s>]/i);
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
  });
});

describe('download links', () => {
  const grant: Grant = {
    engagementId: `eng-${'a'.repeat(32)}`,
    document: 'summary',
    format: 'md',
    personId: 'aad-fm-fiona',
    role: 'FM',
    expires: Math.floor(NOW.getTime() / 1000) + 900,
  };
  const signer = new LinkSigner('a test key that is long enough to sign links');
  const check = (path: string, signerUsed = signer, at = NOW) => {
    const u = new URL(`https://x${path}`);
    return signerUsed.check(u.pathname, u.searchParams, at);
  };

  test('carry ids, the expiry and a signature, and nothing else', () => {
    const path = signer.path(grant);
    expect(path).toMatch(
      /^\/documents\/eng-a{32}\/summary\.md\?by=aad-fm-fiona&role=FM&exp=\d+&sig=[\w-]{43}$/,
    );
    expect(check(path)).toEqual({ ok: true, grant });
  });

  test.each([
    ['another document', (p: string) => p.replace('summary.md', 'handoff.md')],
    ['another format', (p: string) => p.replace('summary.md', 'summary.html')],
    ['another person', (p: string) => p.replace('by=aad-fm-fiona', 'by=aad-sh-ana')],
    ['another role', (p: string) => p.replace('role=FM', 'role=FE')],
    ['a later expiry', (p: string) => p.replace(/exp=(\d+)/, (_m, n) => `exp=${Number(n) + 3600}`)],
    ['another engagement', (p: string) => p.replace(/eng-a+/, `eng-${'b'.repeat(32)}`)],
    ['no signature', (p: string) => p.replace(/&sig=.*$/, '')],
    ['a role that takes no documents', (p: string) => p.replace('role=FM', 'role=stakeholder')],
    ['a path of another shape', () => '/documents/../etc/passwd'],
  ])('refuse %s', (_what, alter) => {
    expect(check(alter(signer.path(grant)))).toEqual({ ok: false, why: 'invalid' });
  });

  test('signed with another key are refused, and expire', () => {
    expect(
      check(signer.path(grant), new LinkSigner('another key, also long enough to sign')),
    ).toEqual({ ok: false, why: 'invalid' });
    expect(check(signer.path(grant), signer, new Date((grant.expires + 1) * 1000))).toEqual({
      ok: false,
      why: 'expired',
    });
  });
});

describe('Downloads', () => {
  test('gives the FM and the FE their own links to both documents, in both formats', () => {
    const e = complete();
    const { downloads } = downloadsOver(e);
    for (const person of [FM, FE]) {
      const made = downloads.links(e, person.id);
      if (!made.ok) throw new Error(made.why);
      expect(made.expires.getTime() - NOW.getTime()).toBe(LINK_LIFETIME_MS);
      expect(made.links.map((l) => l.title)).toEqual([
        'Summary (web page)',
        'Summary (Markdown)',
        'Hand-off (web page)',
        'Hand-off (Markdown)',
      ]);
      expect(made.links.every((l) => l.url.startsWith(`${BASE}/documents/`))).toBe(true);
      expect(made.links[0].url).toContain(`by=${person.id}`);
    }
  });

  test('offers the summary alone before a hand-off form exists', () => {
    const made = downloadsOver(midway()).downloads.links(midway(), FM.id);
    expect(made.ok && made.links.map((l) => l.title)).toEqual([
      'Summary (web page)',
      'Summary (Markdown)',
    ]);
  });

  test('refuses stakeholders, SMEs, strangers, and a bot that does not know its address', () => {
    const e = complete();
    const { downloads } = downloadsOver(e);
    for (const id of [BDM.id, SME.id, 'aad-nobody'])
      expect(downloads.links(e, id)).toEqual({
        ok: false,
        why: expect.stringMatching(/^Only the FastTrack Manager or the FastTrack Engineer/),
      });
    expect(downloadsOver(e, null).downloads.links(e, FM.id)).toEqual({
      ok: false,
      why: expect.stringMatching(/PUBLIC_URL/),
    });
  });

  test('serves the document named by a valid link, as a file to save', async () => {
    const e = complete();
    const { downloads } = downloadsOver(e);
    const made = downloads.links(e, FE.id);
    if (!made.ok) throw new Error(made.why);
    const [html, md] = made.links;
    const page = await downloads.serve(...request(html.url));
    expect(page).toMatchObject({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      filename: 'deploy-securely-contoso-ltd-summary.html',
    });
    expect(page.body).toContain('<h1>Deploy Securely: Contoso Ltd</h1>');
    const text = await downloads.serve(...request(md.url));
    expect(text).toMatchObject({ status: 200, contentType: 'text/markdown; charset=utf-8' });
    expect(text.body).toMatch(/^# Deploy Securely: Contoso Ltd/);
    const handoff = await downloads.serve(...request(made.links[3].url));
    expect(handoff.filename).toBe('deploy-securely-contoso-ltd-handoff.md');
  });

  test('refuses an expired link, an altered one, a person whose role changed, a gone engagement', async () => {
    const e = complete();
    const { downloads, clock } = downloadsOver(e);
    const made = downloads.links(e, FE.id);
    if (!made.ok) throw new Error(made.why);
    const url = made.links[0].url;

    const altered = await downloads.serve(...request(url.replace('by=', 'by=x')));
    expect(altered).toMatchObject({ status: 403, body: expect.stringMatching(/not a valid/) });

    const demoted = new EngagementBuilder(e)
      .act(FM, { type: 'assignRole', personId: FE.id, name: FE.name, role: 'SME' })
      .build();
    const afterChange = downloadsOver(demoted).downloads;
    expect(await afterChange.serve(...request(url))).toMatchObject({
      status: 403,
      body: expect.stringMatching(/no longer hold the role/),
    });

    expect(await downloadsOver(undefined).downloads.serve(...request(url))).toMatchObject({
      status: 404,
    });

    clock.now = new Date(NOW.getTime() + LINK_LIFETIME_MS + 1000);
    expect(await downloads.serve(...request(url))).toMatchObject({
      status: 410,
      body: expect.stringMatching(/expired/),
    });
  });

  test('answers a hand-off link when the hand-off is gone with a clear 404', async () => {
    const e = complete();
    const signer = new LinkSigner('a test key that is long enough to sign links');
    const path = signer.path({
      engagementId: e.engagementId,
      document: 'handoff',
      format: 'md',
      personId: FM.id,
      role: 'FM',
      expires: Math.floor(NOW.getTime() / 1000) + 60,
    });
    const without = { ...e, handoff: [] };
    expect(
      await downloadsOver(without).downloads.serve(...request(`${BASE}${path}`)),
    ).toMatchObject({ status: 404, body: expect.stringMatching(/No hand-off form/) });
  });
});
