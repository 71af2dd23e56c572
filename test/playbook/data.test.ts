/**
 * The playbook's data: the licence table (from Microsoft's service plans), the current product
 * names and the guidance links. Every link is an official Microsoft page over https, and every
 * step, feature, task and gate offers at least one.
 */
import { availability, choiceRefusal, featureLinks } from '../../src/playbook/availability.js';
import {
  CA_POLICIES,
  FEATURES,
  IDENTITY_STEPS,
  identityStepOn,
  NEXT_STEPS,
  STEPS,
  TASKS,
} from '../../src/playbook/catalog.js';
import { RULES } from '../../src/playbook/gates.js';
import {
  ADD_ONS,
  capabilitiesOf,
  CAPABILITIES,
  includedIn,
  LICENCES,
  pathFor,
  type Capability,
} from '../../src/playbook/licences.js';
import { LINKS, linksOf, type LinkId } from '../../src/playbook/links.js';
import { NAMES, RETIRED_NAMES } from '../../src/playbook/names.js';
import { kickedOff, licensed, licensedWithoutP1, step, FM } from './builders.js';

const MICROSOFT_HOSTS = ['learn.microsoft.com', 'aka.ms', 'go.microsoft.com'];

describe('links', () => {
  test.each(Object.entries(LINKS))('%s is https on a Microsoft host', (_id, link) => {
    const url = new URL(link.url);
    expect(url.protocol).toBe('https:');
    expect(MICROSOFT_HOSTS.includes(url.hostname) || url.hostname.endsWith('.microsoft.com')).toBe(
      true,
    );
    expect(link.title.trim()).not.toBe('');
  });

  const owners: [string, readonly LinkId[]][] = [
    ...STEPS.map((s): [string, readonly LinkId[]] => [`step ${s.id}`, s.links]),
    ...IDENTITY_STEPS.flatMap((s): [string, readonly LinkId[]][] => [
      [`Prepare Identity ${s.n}`, s.links],
      [`Prepare Identity ${s.n}, CA path`, identityStepOn(s.id, 'ca').links],
      [
        `Prepare Identity ${s.n}, security defaults`,
        identityStepOn(s.id, 'securityDefaults').links,
      ],
    ]),
    ...FEATURES.map((f): [string, readonly LinkId[]] => [`feature ${f.id}`, f.links]),
    ...TASKS.map((t): [string, readonly LinkId[]] => [`task ${t.id}`, t.links]),
    ...RULES.map((g): [string, readonly LinkId[]] => [`rule ${g.id}`, g.links]),
    ...CA_POLICIES.map((p): [string, readonly LinkId[]] => [`CA policy ${p.id}`, p.links]),
    ...NEXT_STEPS.map((s): [string, readonly LinkId[]] => [`next step ${s.id}`, s.links]),
  ];
  test.each(owners)('%s names at least one link, each known', (_name, ids) => {
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(LINKS).toHaveProperty(id);
  });

  test('the links of a list come without repeats, as title and url', () => {
    expect(linksOf(['securityDefaults', 'securityDefaults'])).toEqual([LINKS.securityDefaults]);
  });

  test('a feature’s guidance follows the path: MFA by CA policy, or security defaults', () => {
    expect(featureLinks(licensed(), 'mfaAllUsers')[0]).toEqual(LINKS.caAllUsersMfa);
    expect(featureLinks(licensedWithoutP1(), 'mfaAllUsers')[0]).toEqual(LINKS.securityDefaults);
  });
});

describe('the licence table', () => {
  const holders = (c: Capability) =>
    [...LICENCES, ...ADD_ONS]
      .filter((row) => (row.includes as readonly string[]).includes(c))
      .map((r) => r.id);

  test('Entra ID P1 (Conditional Access) comes with Microsoft 365 E3/E5/F3, Business Premium, EMS E3/E5 and Entra ID P1/P2, never with Office 365', () => {
    expect(holders('entraP1').sort()).toEqual(
      ['aadp1', 'aadp2', 'emse3', 'emse5', 'm365bp', 'm365e3', 'm365e5', 'm365f3'].sort(),
    );
  });

  test('Entra ID P2 (risk-based policies) comes with Microsoft 365 E5, EMS E5 and Entra ID P2', () => {
    expect(holders('entraP2').sort()).toEqual(['aadp2', 'emse5', 'm365e5']);
  });

  test('Intune (device and app management) with the Microsoft 365 suites, EMS and Intune itself, not Office 365', () => {
    expect(holders('intune').sort()).toEqual(
      ['emse3', 'emse5', 'intune', 'm365bp', 'm365e3', 'm365e5', 'm365f3'].sort(),
    );
  });

  test('Defender for Cloud Apps with E5 suites and the add-on; EMS is inside Microsoft 365 E3/E5', () => {
    expect(holders('defenderCloudApps').sort()).toEqual(['emse5', 'm365e5', 'mcas']);
    expect(holders('ems').sort()).toEqual(['emse3', 'emse5', 'm365e3', 'm365e5']);
    expect(holders('purviewInformationProtection')).toContain('aip');
  });

  test('every capability has a title and guidance', () => {
    for (const c of Object.values(CAPABILITIES)) expect(LINKS).toHaveProperty(c.link);
  });

  test('licences and add-ons together decide the capabilities and the path', () => {
    expect([...capabilitiesOf({ licences: ['o365e3'], addOns: ['intune'] })].sort()).toEqual([
      'intune',
      'purviewInformationProtection',
    ]);
    expect(pathFor({ licences: ['o365e5'], addOns: ['mcas'] })).toBe('securityDefaults');
    expect(pathFor({ licences: ['o365e3', 'aadp1'], addOns: [] })).toBe('ca');
    expect(pathFor(undefined)).toBeUndefined();
  });

  test('what includes a capability reads as a list', () => {
    expect(includedIn('entraP2')).toBe(
      'Microsoft 365 E5, Enterprise Mobility + Security E5 or Microsoft Entra ID P2 (Azure AD Premium P2), standalone',
    );
  });
});

describe('per feature: included in the customer’s licences, or what is missing', () => {
  test('before the licences are recorded it depends on them; every tenant has SSO to gallery apps', () => {
    expect(availability(kickedOff(), 'deviceManagement')).toEqual({
      state: 'unknown',
      text: 'Depends on the licences, not recorded yet',
    });
    expect(availability(kickedOff(), 'saasSso').state).toBe('included');
  });

  test('Microsoft 365 E3: Conditional Access included, risk-based policies need P2', () => {
    expect(availability(licensed(), 'conditionalAccess')).toEqual({
      state: 'included',
      text: "Included in the customer's licences (Microsoft Entra ID P1); risk-based policies need Microsoft Entra ID P2 (missing)",
    });
  });

  test('Office 365 E3: MFA by security defaults; Intune missing, naming what includes it', () => {
    const e = licensedWithoutP1();
    expect(availability(e, 'mfaAllUsers').text).toBe(
      'Included by security defaults (Conditional Access needs Microsoft Entra ID P1, missing)',
    );
    expect(availability(e, 'mobileAppManagement')).toEqual({
      state: 'missing',
      text: `Needs Microsoft Intune (included in ${includedIn('intune')}): missing`,
    });
    expect(availability(e, 'conditionalAccess').state).toBe('missing');
  });

  test('an Intune add-on makes device management available on Office 365', () => {
    const e = step(kickedOff(), FM, {
      type: 'recordLicensing',
      licences: ['o365e3'],
      addOns: ['intune'],
      notes: '',
    });
    expect(availability(e, 'deviceManagement').state).toBe('included');
  });

  test('which choices the licences allow', () => {
    const none = new Set<Capability>();
    expect(choiceRefusal('securityDefaults', none, 'deviceManagement', 'planned')).toBeUndefined();
    expect(choiceRefusal('securityDefaults', none, 'deviceManagement', 'enable')).toMatch(
      /cannot be enabled now: it needs Microsoft Intune/,
    );
    expect(choiceRefusal(undefined, none, 'mfaAllUsers', 'enable')).toBeUndefined();
    expect(
      choiceRefusal('ca', new Set(['entraP1']), 'conditionalAccess', 'enable'),
    ).toBeUndefined();
  });
});

describe('current Microsoft names, the playbook’s in parentheses', () => {
  /** Text with the allowed forms taken out: current names with the old in parentheses, FTOP task names verbatim. */
  const withoutAllowed = (text: string) =>
    [
      ...Object.values(NAMES),
      ...TASKS.map((t) => t.name),
      'the playbook\'s baseline policy "MFA for admins"',
    ].reduce((t, allowed) => t.split(allowed).join(''), text);

  const strings = (node: unknown): string[] =>
    typeof node === 'string'
      ? [node]
      : node && typeof node === 'object'
        ? Object.values(node).flatMap(strings)
        : [];
  const catalogText = strings([
    STEPS,
    IDENTITY_STEPS,
    FEATURES,
    LICENCES,
    ADD_ONS,
    RULES.map(({ title, rule, refusal, openText }) => ({ title, rule, refusal, openText })),
    NEXT_STEPS,
  ]).join('\n');

  test.each(RETIRED_NAMES)('"$old" appears only after "$current", in parentheses', ({ old }) => {
    expect(withoutAllowed(catalogText)).not.toContain(old);
  });

  test('each current name carries the playbook’s in parentheses where people look for it', () => {
    expect(NAMES.entraConnect).toBe('Microsoft Entra Connect Sync (AAD Connect)');
    expect(identityStepOn('aadConnect', 'ca').title).toContain(NAMES.entraConnect);
    expect(FEATURES.find((f) => f.id === 'saasSso')?.title).toContain(NAMES.appGallery);
    expect(ADD_ONS.find((a) => a.id === 'mcas')?.title).toBe(NAMES.defenderCloudApps);
    expect(ADD_ONS.find((a) => a.id === 'aip')?.title).toBe(NAMES.purviewInformationProtection);
    expect(identityStepOn('mfaAdmins', 'ca').title).toBe(
      'Conditional Access policy "Require MFA for administrators" (the playbook\'s baseline policy "MFA for admins")',
    );
  });

  test('FTOP task names stay verbatim', () => {
    expect(TASKS.find((t) => t.id === '1141')?.name).toBe(
      'Set Up Directory Synchronization (Azure AD Connect)',
    );
  });
});
