import { z } from 'zod';
import type { Action, ActionOf, ActionType } from '../playbook/actions.js';
import { instantIn } from '../playbook/time.js';
import type { CardName } from './card-names.js';
import type { DoorContext, Invalid } from './result.js';

/** A per-item form: its inputs are suffixed with the item id (`choice_mfaAllUsers`), the id is in the data. */
export interface ItemKey {
  key: string;
  label: string;
  /** The ids the item may have (catalog items), or a pattern (follow-ups). */
  valid: readonly string[] | RegExp;
}

/** One card verb that becomes a playbook action, as written in the table. */
interface VerbSpec<T extends ActionType, V> {
  /** The playbook action it builds; who may use the verb is who may take it (the playbook's PERMISSIONS). */
  action: T;
  /** The card the button lives on, shown again after the action (when the data names no card). */
  card: CardName;
  /** The button sends the inputs of its card; any other button sends none. */
  form: boolean;
  /** Building the action needs the chat's members. */
  roster?: boolean;
  /** Building the action needs a fresh read of the customer's tenant. */
  tenant?: boolean;
  /** The FM or FE records a stakeholder's answer for them (the action names the stakeholder). */
  onBehalf?: boolean;
  item?: ItemKey;
  /** What the card submits, with messages a person can read. */
  schema: z.ZodType<V>;
  build: (value: V, ctx: DoorContext) => NoInfer<ActionOf<T>> | Invalid;
}

/** One card verb that becomes a playbook action, ready for the door: `read` parses and builds. */
export interface VerbEntry<T extends ActionType = ActionType> {
  action: T;
  card: CardName;
  form: boolean;
  roster: boolean;
  tenant: boolean;
  onBehalf: boolean;
  item?: ItemKey;
  read: (input: Record<string, unknown>, ctx: DoorContext) => Action | Invalid;
}

/**
 * A verb's entry. The action it builds is checked against `action` by the compiler, so a verb
 * cannot build another action than the one it names.
 */
export function verb<T extends ActionType, V>(spec: VerbSpec<T, V>): VerbEntry<T> {
  const { schema, build, roster, tenant, onBehalf, ...facts } = spec;
  return {
    ...facts,
    roster: roster ?? false,
    tenant: tenant ?? false,
    onBehalf: onBehalf ?? false,
    read: (input, ctx) => {
      const parsed = schema.safeParse(input);
      if (!parsed.success)
        return {
          invalid: parsed.error.issues[0]?.message ?? 'Something in the form is not right.',
        };
      return build(parsed.data, ctx);
    },
  };
}

/** A button without inputs. */
export const none = z.object({});

/** Date + time typed in a zone (default: the person's) to an instant. */
export function when(
  date: string,
  time: string,
  zone: string,
  ctx: DoorContext,
): { iso: string; zone: string } | Invalid {
  const chosen = zone || ctx.timeZone || 'UTC';
  const at = instantIn(date, time, chosen);
  return 'invalid' in at ? at : { iso: at.iso, zone: chosen };
}

/** The ids of catalog items, typed. */
export const ids = <T extends { readonly id: string }>(list: readonly T[]) =>
  list.map((x) => x.id) as T['id'][];
