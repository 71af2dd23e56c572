/**
 * Colour on a card is emphasis, never the only signal, and never text people cannot read: Teams'
 * "good" and "warning" text (green and yellow) reads at 1.5–2:1 on its light background and
 * "attention" (red) at 3.2:1 on its dark one, and its good/warning/attention container
 * backgrounds put white or coloured text at under 2:1. Every status is already said in words, so
 * the words stay in the default colour, in bold, and those containers take the emphasis style,
 * which reads at 4.5:1 or more in the light, dark and high-contrast host configs.
 */
type Json = Record<string, unknown>;

const LOW_CONTRAST = new Set(['good', 'warning', 'attention']);
const TEXT = new Set(['TextBlock', 'TextRun']);
const BOXES = new Set(['Container', 'Column', 'ColumnSet', 'TableCell', 'Table']);

function isLow(value: unknown): boolean {
  return typeof value === 'string' && LOW_CONTRAST.has(value.toLowerCase());
}

/** Rewrites, in place, the colours of one node of an expanded card. */
export function readableColours(node: Json): void {
  const type = node.type;
  if (typeof type !== 'string') return;
  if (TEXT.has(type) && isLow(node.color)) {
    delete node.color;
    node.weight = 'Bolder';
  } else if (BOXES.has(type) && isLow(node.style)) {
    node.style = 'emphasis';
  }
}
