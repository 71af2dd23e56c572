import { isCardName, type CardName } from '../cards/types.js';
import { isActionVerb } from './allowed.js';
import { LIMITS } from '../playbook/limits.js';
import { text } from './fields.js';
import { FOLLOW_UP_ID } from './followups.js';
import type { DoorContext, DoorResult } from './types.js';
import type { ItemKey } from './spec.js';
import { VERBS } from './verbs.js';

export type { DoorContext, DoorResult } from './types.js';

/** Larger answers than this are not from our cards (the handoff form at its limits is ~20 KB). */
const MAX_DATA_CHARS = 64_000;
/** Keys of an action's data that are not what a person typed. */
const TECHNICAL_KEYS = new Set(['verb', 'card', 'msteams', 'open']);

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function typedForm(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([k]) => !TECHNICAL_KEYS.has(k)));
}

function invalid(card: CardName, message: string, data: Record<string, unknown>): DoorResult {
  return { kind: 'invalid', card, message, form: typedForm(data) };
}

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
 * The one door for card actions: Action.Execute (verb + data) and its Action.Submit fallback
 * (the verb inside the data) become a typed playbook action, a navigation, or a message a person
 * can read with what they typed kept. Checks shapes only; the playbook checks the rules. Never throws.
 */
export function readCardAction(
  verb: string,
  data: Record<string, unknown>,
  ctx: DoorContext,
): DoorResult {
  if (!isRecord(data))
    return invalid('help', 'That answer could not be read. Please try the card again.', {});
  const name =
    typeof verb === 'string' && verb ? verb : typeof data.verb === 'string' ? data.verb : '';
  const fromCard = isCardName(data.card) ? data.card : undefined;
  if (sizeOf(data) > MAX_DATA_CHARS) {
    return invalid(
      fromCard ?? 'help',
      'That answer is too large to keep. Shorten the longest text and try again.',
      {},
    );
  }
  switch (name) {
    case 'engagement.start': {
      const customer = text('customer name', LIMITS.customer, 'Name the customer.').safeParse(
        data.customer,
      );
      if (!customer.success)
        return invalid(
          fromCard ?? 'help',
          customer.error.issues[0]?.message ?? 'Name the customer.',
          data,
        );
      return { kind: 'start', customer: customer.data.replace(/\s+/g, ' ') };
    }
    case 'show':
      if (isCardName(data.open)) return { kind: 'show', card: data.open };
      return invalid(fromCard ?? 'help', 'That button opens no card I know.', data);
    case 'refresh':
      if (fromCard) {
        const followUpId =
          typeof data.followUpId === 'string' && FOLLOW_UP_ID.test(data.followUpId)
            ? data.followUpId
            : undefined;
        return { kind: 'refresh', card: fromCard, ...(followUpId ? { followUpId } : {}) };
      }
      return invalid('help', 'That card cannot be refreshed: it names no card I know.', data);
    case 'summary.export':
      return { kind: 'export' };
  }
  if (!isActionVerb(name)) {
    const shown = name ? `"${name.slice(0, 40)}"` : 'with no verb';
    return invalid(
      fromCard ?? 'help',
      `I do not know that button (${shown}). The card may be out of date: open it again.`,
      data,
    );
  }
  const verbSpec = VERBS[name];
  const card = fromCard ?? verbSpec.card;
  let input: Record<string, unknown> = data;
  if (verbSpec.item) {
    const fields = unsuffix(verbSpec.item, data);
    if (typeof fields === 'string') return invalid(card, fields, data);
    input = fields;
  }
  const parsed = verbSpec.schema.safeParse(input);
  if (!parsed.success)
    return invalid(
      card,
      parsed.error.issues[0]?.message ?? 'Something in the form is not right.',
      data,
    );
  const built = verbSpec.build(parsed.data, ctx);
  if ('invalid' in built) return invalid(card, built.invalid, data);
  return { kind: 'action', action: built, card };
}
