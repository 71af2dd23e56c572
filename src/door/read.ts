import { isCardName } from './card-names.js';
import type { ItemKey } from './entry.js';
import { NAVIGATION, isNavigationVerb } from './navigation.js';
import { invalid, type DoorContext, type DoorResult } from './result.js';
import { VERBS, isActionVerb } from './verbs/index.js';

/** Larger answers than this are not from our cards (the handoff form at its limits is ~20 KB). */
const MAX_DATA_CHARS = 64_000;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A per-item form's inputs without their item suffix (`choice_mfaAllUsers` -> `choice`), or an error. */
function unsuffix(item: ItemKey, data: Record<string, unknown>): Record<string, unknown> | string {
  const id = data[item.key];
  if (typeof id !== 'string' || !id) return `Choose the ${item.label}.`;
  const known = item.valid instanceof RegExp ? item.valid.test(id) : item.valid.includes(id);
  if (!known)
    return `"${id.slice(0, 40)}" is not ${/^[aeiou]/i.test(item.label) ? 'an' : 'a'} ${item.label} I know.`;
  const suffix = `_${id}`;
  const out: Record<string, unknown> = { [item.key]: id };
  for (const [key, value] of Object.entries(data)) {
    if (key.endsWith(suffix) && key.length > suffix.length)
      out[key.slice(0, -suffix.length)] = value;
  }
  return out;
}

function sizeOf(data: Record<string, unknown>): number {
  try {
    return JSON.stringify(data).length;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/**
 * The one door for card actions: Action.Execute and its Action.Submit fallback (verb + data)
 * become a typed playbook action, a navigation, or a message a person can read with what they
 * typed kept. Checks shapes only; the playbook checks the rules. Never throws.
 */
export function readCardAction(
  verb: string,
  data: Record<string, unknown>,
  ctx: DoorContext,
): DoorResult {
  if (!isRecord(data))
    return invalid('help', 'That answer could not be read. Please try the card again.', {});
  const name = typeof verb === 'string' ? verb : '';
  const fromCard = isCardName(data.card) ? data.card : undefined;
  if (sizeOf(data) > MAX_DATA_CHARS) {
    return invalid(
      fromCard ?? 'help',
      'That answer is too large to keep. Shorten the longest text and try again.',
      {},
    );
  }
  if (isNavigationVerb(name)) return NAVIGATION[name].read(data, fromCard);
  if (!isActionVerb(name)) {
    const shown = name ? `"${name.slice(0, 40)}"` : 'with no verb';
    return invalid(
      fromCard ?? 'help',
      `I do not know that button (${shown}). The card may be out of date: open it again.`,
      data,
    );
  }
  const entry = VERBS[name];
  const card = fromCard ?? entry.card;
  const input = entry.item ? unsuffix(entry.item, data) : data;
  if (typeof input === 'string') return invalid(card, input, data);
  const built = entry.read(input, ctx);
  if ('invalid' in built) return invalid(card, built.invalid, data);
  return { kind: 'action', action: built, card };
}

/** Whether answering needs the chat's members: the verb builds from them, or the card shown lists them. */
export function needsRoster(verb: string, data: Record<string, unknown>): boolean {
  return (
    (isActionVerb(verb) && VERBS[verb].roster) || data.card === 'roles' || data.open === 'roles'
  );
}

/** Whether building the verb's action needs a fresh read of the customer's tenant. */
export function needsTenant(verb: string): boolean {
  return isActionVerb(verb) && VERBS[verb].tenant;
}
