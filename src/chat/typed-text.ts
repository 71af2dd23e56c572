/** Keys of a card action's data that are not what a person typed. */
const NOT_TYPED = new Set([
  'card',
  'verb',
  'open',
  'msteams',
  'followUpId',
  'feature',
  'policy',
  'step',
]);

/** What a person typed into a form, as one line ("question: …; reason: …"), for showing it back. */
export function typedText(data: Record<string, unknown>): string {
  return Object.entries(data)
    .filter(([key, value]) => !NOT_TYPED.has(key) && typeof value === 'string' && value.trim())
    .map(([key, value]) => `${key}: ${String(value).trim()}`)
    .join('; ');
}
