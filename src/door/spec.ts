import { z } from 'zod';
import type { CardName } from '../cards/types.js';
import { instantIn } from './fields.js';
import type { Built, DoorContext } from './types.js';

/** A per-item form: its inputs are suffixed with the item id (`choice_mfaAllUsers`), the id is in the data. */
export interface ItemKey {
  key: string;
  label: string;
  /** The ids the item may have (catalog items), or a pattern (follow-ups). */
  valid: readonly string[] | RegExp;
}

export interface VerbSpec<T = unknown> {
  /** The card the button lives on (when the data does not say). */
  card: CardName;
  item?: ItemKey;
  schema: z.ZodType<T>;
  build: (value: T, ctx: DoorContext) => Built;
}

export const spec = <T>(s: VerbSpec<T>): VerbSpec => s as unknown as VerbSpec;
export const none = z.object({});

/** Date + time + zone (default: the person's zone) to an instant. */
export function when(
  date: string,
  time: string,
  zone: string,
  ctx: DoorContext,
): { iso: string } | { invalid: string } {
  const result = instantIn(date, time, zone || ctx.timeZone || 'UTC');
  return 'error' in result ? { invalid: result.error } : result;
}

/** The ids of catalog items, typed. */
export const ids = <T extends { readonly id: string }>(list: readonly T[]) =>
  list.map((x) => x.id) as T['id'][];
