import { clipPieces } from '../playbook/text-size.js';

/**
 * Markdown Teams renders in a TextBlock or a fact (links and images need "[", emphasis, code,
 * strike-through, autolinks and HTML): each such character is escaped with a backslash wherever it stands.
 */
const INLINE = /[\\`*_[\]<>~]/;
/** What starts a list, a quote or a heading only at the start of a line: "- ", "+ ", "1. ", "1) ", "#", "=". */
const LINE_START = /^(\s*)([-+=#]|\d+[.)])/;

/** What a person typed, piece by piece: each character with its escape, never to be split. */
function pieces(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/(\r?\n)/)) {
    const start = LINE_START.exec(line);
    let rest = line;
    if (start) {
      const [whole, space = '', marker = ''] = start;
      for (const ch of space) out.push(ch);
      const last = marker.slice(-1);
      for (const ch of marker.slice(0, -1)) out.push(ch);
      out.push(`\\${last}`);
      rest = line.slice(whole.length);
    }
    for (const ch of rest) out.push(INLINE.test(ch) ? `\\${ch}` : ch);
  }
  return out;
}

/**
 * Text a person typed (a name, a question, a reason, the customer…) as a card shows it: Markdown
 * escaped, so it reads as typed and never becomes a link or formatting, and at most `maxBytes` of
 * card JSON (escapes counted), cut with an ellipsis. The one way views bind typed text to a
 * TextBlock or a fact; input values and choice titles, which Teams does not read as Markdown,
 * take the text as it is.
 */
export function typed(text: string, maxBytes = Number.POSITIVE_INFINITY): string {
  return clipPieces(pieces(text), maxBytes);
}

/** Bytes of card JSON a name (a person's, the customer's) may take once escaped. */
export const NAME_BYTES = 160;
/** Bytes of card JSON the message at the top of a card may take once escaped. */
export const MESSAGE_BYTES = 1000;
