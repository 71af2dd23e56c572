import type { Engagement } from '../playbook/engagement.js';
import { LIMITS } from '../playbook/limits.js';
import { isCardName, type CardName } from './card-names.js';
import { text } from './fields.js';
import { FOLLOW_UP_ID } from './verbs/followups.js';
import { invalid, type DoorResult } from './result.js';

/** A card verb that changes nothing in the playbook: it starts, opens, refreshes or exports. */
export interface NavigationEntry {
  /** The button sends the inputs of its card; any other button sends none. */
  form: boolean;
  /** Whether the button shows for this engagement (undefined: the chat has none yet). */
  shows: (e: Engagement | undefined) => boolean;
  read: (data: Record<string, unknown>, fromCard: CardName | undefined) => DoorResult;
}

const customerName = text('customer name', LIMITS.customer, 'Name the customer.');

/** The verbs of navigation, each one entry beside the action verbs of ./verbs.ts. */
export const NAVIGATION = {
  'engagement.start': {
    form: true,
    shows: (e) => !e,
    read: (data, fromCard) => {
      const customer = customerName.safeParse(data.customer);
      if (!customer.success)
        return invalid(
          fromCard ?? 'help',
          customer.error.issues[0]?.message ?? 'Name the customer.',
          data,
        );
      return { kind: 'start', customer: customer.data.replace(/\s+/g, ' ') };
    },
  },
  show: {
    form: false,
    shows: () => true,
    read: (data, fromCard) =>
      isCardName(data.open)
        ? { kind: 'show', card: data.open }
        : invalid(fromCard ?? 'help', 'That button opens no card I know.', data),
  },
  refresh: {
    form: false,
    shows: () => true,
    read: (data, fromCard) => {
      if (!fromCard)
        return invalid('help', 'That card cannot be refreshed: it names no card I know.', data);
      const followUpId =
        typeof data.followUpId === 'string' && FOLLOW_UP_ID.test(data.followUpId)
          ? data.followUpId
          : undefined;
      return { kind: 'refresh', card: fromCard, ...(followUpId ? { followUpId } : {}) };
    },
  },
  'summary.export': {
    form: false,
    shows: (e) => !!e,
    read: () => ({ kind: 'export' }),
  },
} satisfies Record<string, NavigationEntry>;

export type NavigationVerb = keyof typeof NAVIGATION;
export const NAVIGATION_VERBS = Object.keys(NAVIGATION) as NavigationVerb[];

export function isNavigationVerb(verb: string): verb is NavigationVerb {
  return Object.prototype.hasOwnProperty.call(NAVIGATION, verb);
}
