/**
 * A document a person files: a title, a line under it, and sections of paragraphs, lists and
 * facts, all plain text. Written once, rendered as Markdown or as a standalone HTML page; what
 * people typed stays text in both (escaped, never markup).
 */
export interface Fact {
  label: string;
  value: string;
}

export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'facts'; facts: Fact[] };

export interface Section {
  heading: string;
  blocks: Block[];
}

export interface FiledDocument {
  title: string;
  subtitle: string;
  sections: Section[];
}

/**
 * Plain text that Markdown keeps as text, still easy to read raw: the characters that make markup
 * anywhere are escaped (a bracket opens a link, a star or an underscore at a word's edge
 * emphasis), list and heading marks only at the start; line breaks become spaces.
 */
function md(text: string): string {
  return text
    .replace(/\s*\r?\n\s*/g, ' ')
    .replace(/[\\`*[\]<>#|~]/g, '\\$&')
    .replace(/(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, '\\_')
    .replace(/^([-+]|\d+\.)(?=\s|$)/, '\\$1');
}

export function toMarkdown(doc: FiledDocument): string {
  const lines = [`# ${md(doc.title)}`, '', md(doc.subtitle)];
  for (const section of doc.sections) {
    lines.push('', `## ${md(section.heading)}`);
    for (const block of section.blocks) {
      lines.push('');
      if (block.kind === 'paragraph') lines.push(md(block.text));
      else if (block.kind === 'list') lines.push(...block.items.map((item) => `- ${md(item)}`));
      else lines.push(...block.facts.map((f) => `- **${md(f.label)}:** ${md(f.value)}`));
    }
  }
  return `${lines.join('\n')}\n`;
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function html(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

const STYLE = [
  'body{font-family:"Segoe UI",system-ui,sans-serif;color:#1b1b1b;background:#fff;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.5}',
  'h1{font-size:1.6rem;margin-bottom:.25rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #d1d1d1}',
  '.sub{color:#424242;margin-top:0}dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}',
  'dt{font-weight:600}dd{margin:0;white-space:pre-wrap}@media print{body{margin:0}}',
].join('');

/** A page that stands alone: no script, no outside resource, readable and printable as it is. */
export function toHtml(doc: FiledDocument): string {
  const body: string[] = [
    `<h1>${html(doc.title)}</h1>`,
    `<p class="sub">${html(doc.subtitle)}</p>`,
  ];
  for (const section of doc.sections) {
    body.push(`<h2>${html(section.heading)}</h2>`);
    for (const block of section.blocks) {
      if (block.kind === 'paragraph') body.push(`<p>${html(block.text)}</p>`);
      else if (block.kind === 'list')
        body.push(`<ul>${block.items.map((item) => `<li>${html(item)}</li>`).join('')}</ul>`);
      else
        body.push(
          `<dl>${block.facts.map((f) => `<dt>${html(f.label)}</dt><dd>${html(f.value)}</dd>`).join('')}</dl>`,
        );
    }
  }
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${html(doc.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    `<body>${body.join('\n')}</body>`,
    '</html>',
    '',
  ].join('\n');
}
