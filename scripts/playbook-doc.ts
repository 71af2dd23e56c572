/**
 * `npm run docs`: writes docs/playbook.md from the playbook's own tables (gates, order rules,
 * Prepare Identity on each path, features and their licences, the licence table, the guidance
 * links), so the rules people read are the rules the bot enforces. test/docs/playbook-doc.test.ts
 * checks the committed file is what this writes.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  FEATURES,
  IDENTITY_STEPS,
  identityStepOn,
  ROLE_LABELS,
  type Role,
} from '../src/playbook/catalog.js';
import { GATES, ORDER_RULES, type Gate } from '../src/playbook/gates.js';
import {
  ADD_ONS,
  CAPABILITIES,
  LICENCES,
  PATHS,
  type Capability,
} from '../src/playbook/licences.js';
import { LINKS, type LinkId } from '../src/playbook/links.js';
import { NAMES } from '../src/playbook/names.js';

/** A Markdown table cell: no pipes or line breaks inside. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const row = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
const table = (head: string[], rows: string[][]) => [
  row(head),
  row(head.map(() => '---')),
  ...rows.map(row),
];
const links = (ids: readonly LinkId[]) =>
  [...new Set(ids)].map((id) => `[${LINKS[id].title}](${LINKS[id].url})`).join(', ');
const who = (roles: readonly Role[]) =>
  roles.map((r) => (r === 'stakeholder' ? 'the stakeholders' : ROLE_LABELS[r])).join(', ');

function rules(list: readonly Gate[]): string[] {
  return table(
    ['Rule', 'Guards', 'The rule', 'Seed', 'Who can unblock', 'Guidance'],
    list.map((g) => [g.id, g.title, g.rule, g.seed, who(g.who), links(g.links)]),
  );
}

const CAPABILITY_COLUMNS: readonly Capability[] = [
  'entraP1',
  'entraP2',
  'intune',
  'defenderCloudApps',
  'purviewInformationProtection',
  'ems',
];

/** docs/playbook.md, as the playbook's data says it. */
export function playbookDoc(): string {
  const lines: string[] = [
    '# The Deploy Securely playbook, as the bot enforces it',
    '',
    '<!-- Written by `npm run docs` from src/playbook (gates.ts, catalog.ts, licences.ts, links.ts). Do not edit by hand: test/docs/playbook-doc.test.ts compares this file with what the script writes. -->',
    '',
    'Every rule below is one row of the gate table in `src/playbook/gates.ts`. The steps refuse with it (naming what is missing), the cards show it, the status card lists it as a blocker with who can unblock it, and this page is written from it. The seeds are the two playbook documents: seed 000 (FastTrack Partner Playbook, Deploy Securely) and seed 002 (Identity and Device Security Guidance).',
    '',
    '## Gates',
    '',
    ...rules(GATES),
    '',
    '## Order of the steps',
    '',
    ...rules(ORDER_RULES),
    '',
    '## Two paths: the licences decide',
    '',
    ...Object.values(PATHS).map((p) => `- **${p.title}.** ${p.text}`),
    '',
    'Conditional Access needs Microsoft Entra ID P1, and Entra does not allow security defaults and Conditional Access policies together. Recording licences that change the path reopens what depended on it (4.5, 4.6, synchronization readiness, the block-all removal, the CA policy records, decisions the licences no longer allow); the record keeps what was done before.',
    '',
    '## Prepare Identity on each path',
    '',
    ...table(
      ['Step', 'Conditional Access path', 'Security-defaults path', 'Guidance'],
      IDENTITY_STEPS.map((s) => {
        const ca = identityStepOn(s.id, 'ca');
        const sd = identityStepOn(s.id, 'securityDefaults');
        const hybrid = 'hybridOnly' in s ? ' (not for cloud-only identities)' : '';
        return [
          s.n,
          `${ca.title}${hybrid}`,
          `${sd.title}${hybrid}`,
          links([...ca.links, ...sd.links]),
        ];
      }),
    ),
    '',
    '## Security features and the licences they need',
    '',
    ...table(
      ['Feature', 'Needs', 'Without it', 'Guidance'],
      FEATURES.map((f) => [
        f.title,
        'needs' in f ? CAPABILITIES[f.needs].title : 'nothing beyond Microsoft Entra ID',
        'bySecurityDefaults' in f
          ? 'provided by security defaults'
          : 'needs' in f
            ? f.needs === 'entraP1'
              ? 'refused (enable or planned), naming the licence'
              : 'planned only; "enable now" refused, naming the licence'
            : '—',
        links([...f.links, ...('sdLinks' in f ? f.sdLinks : [])]),
      ]),
    ),
    '',
    'Risk-based Conditional Access policies need Microsoft Entra ID P2; assigning gallery apps to groups needs Entra ID P1.',
    '',
    '## Licences',
    '',
    `From Microsoft's service plans ([${LINKS.servicePlans.title}](${LINKS.servicePlans.url})). Current names, with the playbook's in parentheses: ${Object.values(NAMES).join('; ')}.`,
    '',
    ...table(
      ['Licence or add-on', ...CAPABILITY_COLUMNS.map((c) => CAPABILITIES[c].title)],
      [...LICENCES, ...ADD_ONS].map((l) => [
        l.title,
        ...CAPABILITY_COLUMNS.map((c) =>
          (l.includes as readonly string[]).includes(c) ? 'yes' : '',
        ),
      ]),
    ),
    '',
    '## Guidance links',
    '',
    ...table(
      ['Id', 'Page'],
      Object.entries(LINKS).map(([id, l]) => [`\`${id}\``, `[${l.title}](${l.url})`]),
    ),
    '',
  ];
  return lines.join('\n');
}

if (require.main === module) {
  const file = join(process.cwd(), 'docs', 'playbook.md');
  writeFileSync(file, playbookDoc());
  console.log(`Wrote ${file}.`);
}
