/**
 * Sizes of text as it is stored and sent: the UTF-8 bytes of its JSON string (what a document
 * and a card payload weigh), not its characters. "é" weighs 2, a CJK character 3, an emoji 4, a
 * quote or a newline 2 (escaped), and a control character 6 (\u0001).
 */

/** The bytes one code point (or a lone surrogate) takes inside a JSON string, in UTF-8. */
function charBytes(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  if (c === 0x22 || c === 0x5c) return 2;
  if (c < 0x20) return c === 0x08 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d ? 2 : 6;
  if (c < 0x80) return 1;
  if (c < 0x800) return 2;
  if (c >= 0xd800 && c <= 0xdfff) return 6;
  return c < 0x10000 ? 3 : 4;
}

/** The UTF-8 bytes of `text` as a JSON string, without its quotes. */
export function jsonBytes(text: string): number {
  let n = 0;
  for (const ch of text) n += charBytes(ch);
  return n;
}

const ELLIPSIS = '…';

/**
 * The longest start of `pieces` (joined) that weighs at most `max` bytes; with an ellipsis (3
 * bytes, counted) when something was cut. Pieces are never split.
 */
export function clipPieces(pieces: Iterable<string>, max: number): string {
  const all = [...pieces];
  const total = all.reduce((n, p) => n + jsonBytes(p), 0);
  if (total <= max) return all.join('');
  let out = '';
  let used = jsonBytes(ELLIPSIS);
  for (const piece of all) {
    used += jsonBytes(piece);
    if (used > max) break;
    out += piece;
  }
  return `${out}${ELLIPSIS}`;
}

/** At most `max` bytes of `text` (as JSON), cut between characters, with an ellipsis when cut. */
export function clipBytes(text: string, max: number): string {
  return clipPieces(text, max);
}

/**
 * How many characters to remove from `text` to bring it from `bytes` down to `limit`, in the
 * text's own average weight per character: what a person understands of a byte limit.
 */
export function charactersOver(text: string, bytes: number, limit: number): number {
  const chars = [...text].length;
  const over = bytes - limit;
  if (over <= 0 || chars === 0) return 0;
  return Math.max(1, Math.ceil((over * chars) / bytes));
}
