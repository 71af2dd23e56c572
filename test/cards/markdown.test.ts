/**
 * What people type is shown as text: with a Markdown link (and emphasis, lists, code) in every
 * text a person can type — the customer, names, questions, comments, notes, reasons, agendas,
 * SaaS app names — no card, for any role, renders a link or any formatting from it. Each text is
 * read as Adaptive Cards renderers read a TextBlock or a fact: through markdown-it.
 */
import MarkdownIt from 'markdown-it';
import { CardRenderer } from '../../src/cards/renderer.js';
import { typed } from '../../src/cards/text.js';
import { CARD_NAMES, type CardName } from '../../src/door/card-names.js';
import { FE, FM, SME, BDM } from '../support/engagements.js';
import { objects } from './adaptive.js';
import { largest } from './largest.js';

const LINK = '[click](https://evil.example)';
const PAYLOAD = `${LINK} **bold** _it_ \`code\` <https://x.example>`;
const markdown = new MarkdownIt();

/** The HTML each TextBlock and fact of the card renders to. */
function rendered(card: unknown): string[] {
  const html: string[] = [];
  for (const o of objects(card)) {
    if (o.type === 'TextBlock') html.push(markdown.render(String(o.text)));
    if (o.type === 'FactSet')
      for (const f of o.facts as { title: string; value: string }[])
        html.push(markdown.render(f.title), markdown.render(f.value));
  }
  return html;
}

const FORMATTING = /<(a|strong|em|code|ul|ol|li|h\d|blockquote|img|s|del|hr)\b/;
const VIEWERS = [
  undefined,
  { id: FM.id, role: 'FM' as const },
  { id: FE.id, role: 'FE' as const },
  { id: SME.id, role: 'SME' as const },
  { id: BDM.id, role: 'stakeholder' as const },
];
/** The cards that show a stakeholder's question. */
const SHOW_QUESTIONS: CardName[] = ['agenda'];

describe('Markdown typed into every field', () => {
  const { e, now, members } = largest(() => PAYLOAD);
  const renderer = new CardRenderer();

  it.each(CARD_NAMES)('renders as literal text on the %s card, for every role', (card) => {
    for (const viewer of VIEWERS) {
      const json = renderer.render({
        card,
        engagement: e,
        now,
        members,
        followUpId: 'fu-2',
        welcomeNames: [PAYLOAD],
        listing: [{ engagement: e, personId: FM.id }],
        ...(viewer ? { viewer } : {}),
        message: { kind: 'error', text: `"${PAYLOAD}" is not a choice I know.` },
      });
      const html = rendered(json);
      expect(html.filter((h) => FORMATTING.test(h))).toEqual([]);
      const text = html.join('\n');
      // The customer's name (in every card's subtitle) and the message read as typed.
      expect(text).toContain('[click](https://evil.example) **bold** _it_ `code`');
      // Each question a stakeholder asked is one paragraph of exactly what they typed.
      if (SHOW_QUESTIONS.includes(card))
        expect(html).toContain(`<p>${markdown.utils.escapeHtml(PAYLOAD)}</p>\n`);
    }
  });

  it('is escaped once, keeps line breaks, and is cut between escapes', () => {
    expect(markdown.render(typed('- one\n1. two\n# three\n> four'))).not.toMatch(FORMATTING);
    expect(typed('a\\b')).toBe('a\\\\b');
    const cut = typed('[[[[[[', 9);
    expect(cut).toBe('\\[\\[…');
    expect(markdown.render(cut)).not.toMatch(FORMATTING);
  });
});
