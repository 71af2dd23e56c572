import { z } from 'zod';
import { tooLongMessage } from '../playbook/steps/text.js';
import { isIsoDate } from '../playbook/time.js';

/**
 * Zod schemas for card inputs, each with a message a person can read. Teams sends what a person
 * typed as strings (multi-select choice sets as "a,b", numbers as "12"); other clients may send
 * numbers or arrays, so both are taken.
 */

type Ctx = z.core.$RefinementCtx;

function fail(ctx: Ctx, message: string): never {
  ctx.addIssue({ code: 'custom', message });
  return z.NEVER;
}

/** Any value, absent allowed (a blank input may be left out of the data): each field says what it takes. */
export const input = () => z.unknown().optional();

const count = (n: number) => n.toLocaleString('en-US');

/** The text of an input: missing is '', numbers and booleans become text, anything else is refused. */
function asText(v: unknown): string | undefined {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');

/** Trimmed text of at most `limit` bytes as stored (see playbook/text-size.ts); `required` is the message when it is empty. */
export function text(label: string, limit: number, required?: string) {
  return input().transform((v, ctx): string => {
    const raw = asText(v);
    if (raw === undefined) return fail(ctx, `The ${label} must be text.`);
    const t = raw.trim();
    if (required && !t) return fail(ctx, required);
    const long = tooLongMessage(label, t, limit);
    if (long) return fail(ctx, long);
    return t;
  });
}

/** One of `ids` as chosen, '' when nothing is; anything else is refused with a message. */
function choice<T extends string>(ids: readonly T[], label: string) {
  return input().transform((v, ctx): T | '' => {
    const raw = asText(v);
    if (raw === undefined) return fail(ctx, `The ${label} must be one of the choices.`);
    const t = raw.trim();
    if (t && !(ids as readonly string[]).includes(t))
      return fail(
        ctx,
        `"${t.slice(0, 60)}" is not ${article(label)} ${label} I know: choose one from the list.`,
      );
    return t as T | '';
  });
}

/** One of `ids`; `required` is the message when nothing is chosen. */
export function oneOf<T extends string>(ids: readonly T[], label: string, required: string) {
  return choice(ids, label).transform((t, ctx): T => t || fail(ctx, required));
}

/** One of `ids`, or undefined when nothing is chosen. */
export function optionalOneOf<T extends string>(ids: readonly T[], label: string) {
  return choice(ids, label).transform((t): T | undefined => t || undefined);
}

/** A multi-select: "a,b" or ["a","b"], each one of `ids` (when given), without repeats. */
export function many<T extends string>(
  ids: readonly T[] | undefined,
  label: string,
  opts: { required?: string; max?: number } = {},
) {
  return input().transform((v, ctx): T[] => {
    let items: string[];
    if (Array.isArray(v)) {
      if (!v.every((x) => typeof x === 'string'))
        return fail(ctx, `The ${label} must be chosen from the list.`);
      items = v as string[];
    } else {
      const raw = asText(v);
      if (raw === undefined) return fail(ctx, `The ${label} must be chosen from the list.`);
      items = raw.split(',');
    }
    const chosen = [...new Set(items.map((x) => x.trim()).filter(Boolean))];
    if (opts.required && chosen.length === 0) return fail(ctx, opts.required);
    if (opts.max !== undefined && chosen.length > opts.max)
      return fail(
        ctx,
        `Choose at most ${count(opts.max)} ${label}; you chose ${count(chosen.length)}.`,
      );
    const unknown = ids
      ? chosen.find((x) => !(ids as readonly string[]).includes(x))
      : chosen.find((x) => x.length > 200);
    if (unknown !== undefined)
      return fail(ctx, `"${unknown.slice(0, 60)}" is not one of the ${label} I know.`);
    return chosen as T[];
  });
}

/** A whole number from 0 to 10,000,000 ("12" or 12). */
export function wholeNumber(label: string, required: string) {
  return input().transform((v, ctx): number => {
    const raw = asText(v);
    if (raw === undefined || typeof v === 'boolean')
      return fail(ctx, `The ${label} must be a whole number.`);
    const t = raw.trim();
    if (!t) return fail(ctx, required);
    const n = Number(t);
    if (!/^\d+(\.0+)?$/.test(t) || !Number.isInteger(n))
      return fail(
        ctx,
        `The ${label} must be a whole number, like 250; "${t.slice(0, 20)}" is not.`,
      );
    if (n > 10_000_000) return fail(ctx, `The ${label} is ${count(n)}; at most 10,000,000 fit.`);
    return n;
  });
}

/** A calendar date yyyy-mm-dd (Input.Date); '' when empty and not required. */
export function isoDate(label: string, required?: string) {
  return input().transform((v, ctx): string => {
    const raw = asText(v);
    if (raw === undefined) return fail(ctx, `The ${label} must be a date.`);
    const t = raw.trim();
    if (!t) return required ? fail(ctx, required) : '';
    if (!isIsoDate(t)) {
      return fail(ctx, `The ${label} must be a date like 2025-04-30; "${t.slice(0, 20)}" is not.`);
    }
    return t;
  });
}

/** A time of day HH:mm (Input.Time; seconds are dropped). */
export function timeOfDay(label: string, required: string) {
  return input().transform((v, ctx): string => {
    const raw = asText(v);
    if (raw === undefined) return fail(ctx, `The ${label} must be a time.`);
    const t = raw.trim();
    if (!t) return fail(ctx, required);
    const m = /^(\d{2}):(\d{2})(:\d{2})?$/.exec(t);
    if (!m || Number(m[1]) > 23 || Number(m[2]) > 59)
      return fail(ctx, `The ${label} must be a time like 14:30; "${t.slice(0, 20)}" is not.`);
    return `${m[1]}:${m[2]}`;
  });
}

/** An IANA time zone name as typed ('' = the default zone); checked when the time is converted. */
export const zoneName = text('time zone', 64);
