/** The cards a button can name (`data.card`, `data.open`): each is a template `cards/<name>.json`. */
export const CARD_NAMES = [
  'help',
  'welcome',
  'roles',
  'licensing',
  'agenda',
  'identity',
  'auth',
  'workshop',
  'handoff',
  'followup',
  'status',
  'summary',
  'reminder',
  'engagements',
] as const;
export type CardName = (typeof CARD_NAMES)[number];

export function isCardName(value: unknown): value is CardName {
  return typeof value === 'string' && (CARD_NAMES as readonly string[]).includes(value);
}
