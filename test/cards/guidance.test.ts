/**
 * The cards carry the playbook's truth: guidance as Action.OpenUrl buttons to Microsoft's pages,
 * per feature whether the customer's licences include it, current product names, and the
 * security-defaults path where there is no Entra ID P1.
 */
import { CardRenderer } from '../../src/cards/renderer.js';
import { CARD_NAMES } from '../../src/door/card-names.js';
import { FEATURES, TASKS } from '../../src/playbook/catalog.js';
import { LINKS } from '../../src/playbook/links.js';
import { NAMES, RETIRED_NAMES } from '../../src/playbook/names.js';
import {
  BDM,
  complete,
  EngagementBuilder,
  FE,
  FM,
  midway,
  NOW,
  onSecurityDefaults,
} from '../support/engagements.js';
import { objects, visibleText } from './adaptive.js';
import { request, STATES, VIEWERS } from './matrix.js';

const renderer = new CardRenderer();
const KNOWN_URLS = new Set(Object.values(LINKS).map((l) => l.url));
const openUrls = (json: Record<string, unknown>) =>
  objects(json).filter((o) => o.type === 'Action.OpenUrl');

const securityDefaults = () => onSecurityDefaults().build();

describe('guidance links', () => {
  test.each(CARD_NAMES)('the %s card links only to the playbook’s Microsoft pages', (card) => {
    for (const state of STATES)
      for (const viewer of VIEWERS) {
        const json = renderer.render(request(card, state, viewer));
        for (const link of openUrls(json)) expect(KNOWN_URLS).toContain(link.url);
      }
  });

  test('every step and gate on the identity card, and every feature on the workshop card, offers its guidance', () => {
    const identity = renderer.render({ card: 'identity', engagement: midway(), now: NOW });
    const urls = openUrls(identity).map((o) => o.url);
    for (const link of [
      LINKS.prepareDirSync,
      LINKS.chooseAuthMethod,
      LINKS.setUpDirSync,
      LINKS.emergencyAccess,
      LINKS.caBlockAccess,
      LINKS.caAdminMfa,
    ])
      expect(urls).toContain(link.url);
    const workshop = renderer.render({ card: 'workshop', engagement: midway(), now: NOW });
    const features = objects(workshop).filter(
      (o) =>
        o.type === 'Container' && FEATURES.some((f) => JSON.stringify(o.items).includes(f.title)),
    );
    expect(features).toHaveLength(FEATURES.length);
    for (const f of features) expect(openUrls(f)).toHaveLength(1);
  });

  test('on the security-defaults path the guidance is security defaults', () => {
    const json = renderer.render({ card: 'identity', engagement: securityDefaults(), now: NOW });
    expect(openUrls(json).map((o) => o.url)).toContain(LINKS.securityDefaults.url);
    expect(openUrls(json).map((o) => o.url)).not.toContain(LINKS.caAdminMfa.url);
  });

  test('an EMS re-engagement points the workshop to the EMS Business Value Deck', () => {
    const plain = renderer.render({ card: 'workshop', engagement: midway(), now: NOW });
    expect(openUrls(plain).map((o) => o.url)).not.toContain(LINKS.emsBusinessValueDeck.url);
    const ems = new EngagementBuilder(midway(), new Date('2025-03-20T09:00:00Z'))
      .act(FM, {
        type: 'recordLicensing',
        licences: ['m365e3'],
        addOns: [],
        notes: '',
        emsNotDeployed: true,
      })
      .build();
    const json = renderer.render({ card: 'workshop', engagement: ems, now: NOW });
    expect(openUrls(json).map((o) => o.url)).toContain(LINKS.emsBusinessValueDeck.url);
    expect(visibleText(json)).toContain('An EMS re-engagement');
    const licensing = visibleText(
      renderer.render({ card: 'licensing', engagement: ems, now: NOW }),
    );
    expect(licensing).toContain('EMS: Owned but not deployed: an EMS re-engagement');
  });
});

describe('licences per feature', () => {
  test('the workshop card says per feature whether the licences include it', () => {
    const t = visibleText(
      renderer.render({ card: 'workshop', engagement: securityDefaults(), now: NOW }),
    );
    expect(t).toContain(
      'Included by security defaults (Conditional Access needs Microsoft Entra ID P1, missing)',
    );
    expect(t).toMatch(/Needs Microsoft Intune \(included in Microsoft 365 E3, .*\): missing/);
    expect(t).toContain(
      'Security-defaults path: there is no block-all policy; security defaults stay on.',
    );
    expect(t).toMatch(/Conditional Access needs Microsoft Entra ID P1 \(included in/);
  });

  test('the summary and the hand-off say it too', () => {
    const summary = visibleText(
      renderer.render({ card: 'summary', engagement: complete(), now: NOW }),
    );
    expect(summary).toMatch(
      /MFA for all users: enable now \(Ana Ruiz\)\. Included in the customer's licences \(Microsoft Entra ID P1\)/,
    );
    const handoff = visibleText(
      renderer.render({ card: 'handoff', engagement: complete(), now: NOW }),
    );
    expect(handoff).toContain(
      "Device management: not planned (Included in the customer's licences (Microsoft Intune))",
    );
    expect(handoff).toContain('Conditional Access policies (Conditional Access path)');
    expect(handoff).toContain('1,200 of 1,200 users, break-glass accounts left out');
  });
});

describe('names', () => {
  /** What a card shows with the allowed forms taken out. */
  const withoutAllowed = (text: string) =>
    [
      ...Object.values(NAMES),
      ...TASKS.map((t) => t.name),
      'the playbook\'s baseline policy "MFA for admins"',
    ].reduce((t, allowed) => t.split(allowed).join(''), text);

  test.each(CARD_NAMES)('the %s card shows no retired name on its own', (card) => {
    for (const state of [...STATES.map((s) => s.engagement), securityDefaults()])
      for (const viewer of [
        undefined,
        { id: FE.id, role: 'FE' as const },
        { id: BDM.id, role: 'stakeholder' as const },
      ]) {
        const json = renderer.render({
          card,
          ...(state ? { engagement: state } : {}),
          now: NOW,
          followUpId: 'fu-1',
          ...(viewer ? { viewer } : {}),
        });
        const text = withoutAllowed(visibleText(json));
        for (const { old } of RETIRED_NAMES) expect(text).not.toContain(old);
      }
  });
});

describe('preparing the conversation', () => {
  test('the licensing card and the summary show the customer’s requirements', () => {
    const e = new EngagementBuilder(midway(), new Date('2025-03-20T09:00:00Z'))
      .act(FM, {
        type: 'recordPreparation',
        businessRequirements: 'Merger in Q3',
        deploymentRequirements: '',
        supportAreas: ['identity', 'workloads'],
        supportNote: 'Teams first',
      })
      .build();
    const licensing = visibleText(renderer.render({ card: 'licensing', engagement: e, now: NOW }));
    expect(licensing).toContain('Business requirements: Merger in Q3');
    expect(licensing).toContain('Deployment requirements: —');
    expect(licensing).toContain(
      'FastTrack covers: Identity and access and Productivity and collaboration workloads',
    );
    expect(licensing).toContain('Note: Teams first');
    const summary = visibleText(renderer.render({ card: 'summary', engagement: e, now: NOW }));
    expect(summary).toContain('Business requirements: Merger in Q3');
  });
});
