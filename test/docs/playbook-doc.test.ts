/** docs/playbook.md is the gate table and the playbook's data as they are: it cannot drift. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { playbookDoc } from '../../scripts/playbook-doc.js';
import { GATES, ORDER_RULES } from '../../src/playbook/gates.js';
import { LINKS } from '../../src/playbook/links.js';

const committed = () =>
  readFileSync(path.join(__dirname, '..', '..', 'docs', 'playbook.md'), 'utf8');

test('the committed docs/playbook.md is what `npm run docs` writes from the playbook', () => {
  expect(committed()).toBe(playbookDoc());
});

test('it holds every rule of the gate table with its seed reference, and every link', () => {
  const doc = playbookDoc();
  for (const g of [...GATES, ...ORDER_RULES]) {
    expect(doc).toContain(`| ${g.id} | ${g.title} |`);
    expect(doc).toContain(g.seed.replace(/\|/g, '\\|'));
  }
  for (const l of Object.values(LINKS)) expect(doc).toContain(l.url);
});
