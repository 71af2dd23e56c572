/**
 * The identity and workshop cards show what was read from the customer's tenant, stamped with
 * when; the FM and FE see "Refresh from tenant" and the admin consent link, others neither.
 */
import { CardRenderer } from '../../src/cards/renderer.js';
import type { CardRequest } from '../../src/cards/types.js';
import type { Role } from '../../src/playbook/catalog.js';
import type { Engagement } from '../../src/playbook/engagement.js';
import { BDM, FE, FM, midway, NOW } from '../support/engagements.js';
import { tenantFacts } from '../playbook/tenant-builders.js';
import { actionVerbs, cardProblems, objects, visibleText } from './adaptive.js';

const renderer = new CardRenderer();
const LINK = 'https://login.microsoftonline.com/t/v2.0/adminconsent?client_id=app';
const ids: Partial<Record<Role, string>> = { FM: FM.id, FE: FE.id, stakeholder: BDM.id };

function render(card: CardRequest['card'], e: Engagement, role: Role, consentLink?: string) {
  return renderer.render({
    card,
    engagement: e,
    now: NOW,
    viewer: { id: ids[role] ?? '', role },
    ...(consentLink ? { consentLink } : {}),
  });
}
const urls = (card: Record<string, unknown>) =>
  objects(card)
    .filter((o) => o.type === 'Action.OpenUrl')
    .map((o) => o.url);

function read(e: Engagement): Engagement {
  const facts = tenantFacts({
    registered: 3,
    total: 5,
    policies: { blockAll: 'enabled', allUsersMfa: 'enabledForReportingButNotEnforced' },
  });
  return {
    ...e,
    tenant: {
      access: { state: 'granted', since: facts.readAt, checkedAt: facts.readAt },
      facts: { ...facts, askedBy: { by: FE.id, byName: FE.name, at: facts.readAt } },
    },
  };
}

test.each(['identity', 'workshop'] as const)(
  'the %s card shows the facts read, stamped, with Refresh and consent for the FE',
  (name) => {
    const card = render(name, read(midway()), 'FE', LINK);
    expect(cardProblems(card)).toEqual([]);
    const text = visibleText(card);
    expect(text).toContain('Read from the tenant at Mon, 3 Mar 2025, 12:20 (UTC) for Erik Lund.');
    expect(text).toContain('Licences: SPE_E3: Conditional Access path.');
    expect(text).toContain(
      '• Block all access (4.5): "CONTOSO-000 Lockdown", on, 2 user(s) excluded',
    );
    expect(text).toContain(
      '• MFA for all users: "CONTOSO-002 Everyone MFA", report-only (not in force), 2 user(s) excluded',
    );
    expect(text).toContain('• Block legacy authentication: no policy found by its conditions');
    expect(text).toContain(
      'MFA registration: 3 of 5 users registered, 3 capable (2 break-glass account(s) left out)',
    );
    expect(actionVerbs(card)).toContain('tenant.refresh');
    expect(urls(card)).toContain(LINK);
  },
);

test('a stakeholder sees the facts but neither the Refresh button nor the consent link', () => {
  const card = render('workshop', read(midway()), 'stakeholder', LINK);
  expect(visibleText(card)).toContain("Facts read from the customer's tenant");
  expect(actionVerbs(card)).not.toContain('tenant.refresh');
  expect(urls(card)).not.toContain(LINK);
});

test('before any read it says how consent works; without Graph set up, the section is not there', () => {
  const before = visibleText(render('identity', midway(), 'FM', LINK));
  expect(before).toMatch(
    /Not read yet\. With the customer's admin consenting \(read-only permissions, link below\)/,
  );
  const off = render('identity', midway(), 'FE');
  expect(visibleText(off)).not.toContain("Facts read from the customer's tenant");
  expect(actionVerbs(off)).not.toContain('tenant.refresh');
});

test('after withdrawal it says so, and that typed facts count again', () => {
  const e: Engagement = {
    ...midway(),
    tenant: {
      access: { state: 'withdrawn', since: NOW.toISOString(), checkedAt: NOW.toISOString() },
    },
  };
  expect(visibleText(render('identity', e, 'FE', LINK))).toMatch(
    /Reading the tenant was withdrawn \(found .*\): the customer's admin revoked the bot's read-only permissions\. The facts typed on the cards count again/,
  );
});

test('with the registration report refused, the card says why MFA was not read', () => {
  const facts = tenantFacts({ noReport: true });
  const e: Engagement = {
    ...midway(),
    tenant: {
      access: { state: 'granted', since: facts.readAt, checkedAt: facts.readAt },
      facts: { ...facts, askedBy: { by: FM.id, byName: FM.name, at: facts.readAt } },
    },
  };
  expect(visibleText(render('workshop', e, 'FM', LINK))).toContain(
    'MFA registration: not read (the report needs Microsoft Entra ID P1)',
  );
});

test('the hand-off form shows the MFA count and CA policies as read, saying so', () => {
  const text = visibleText(render('handoff', read(midway()), 'FE', LINK));
  expect(text).toContain(
    '3 of 5 users, break-glass accounts left out (read from the tenant at Mon, 3 Mar 2025, 12:20 (UTC))',
  );
  expect(text).toMatch(/Require MFA for all users: planned; .*\(read from the tenant at/);
});
