import { refuse, type Refusal } from '../refusal.js';
import { charactersOver, jsonBytes } from '../text-size.js';

/** What a person reads when a text is over its limit (in bytes, as stored): how much to cut. */
export function tooLongMessage(field: string, text: string, limit: number): string | undefined {
  const bytes = jsonBytes(text);
  if (bytes <= limit) return undefined;
  const n = charactersOver(text, bytes, limit).toLocaleString('en-US');
  return `The ${field} is too long: shorten it by about ${n} character${n === '1' ? '' : 's'}.`;
}

/** A refusal when a text is longer than its limit, naming the field and how much to cut. */
export function tooLong(field: string, text: string, limit: number): Refusal | undefined {
  const message = tooLongMessage(field, text, limit);
  return message === undefined ? undefined : refuse('invalid', message);
}

/** A refusal when a required text is empty. */
export function required(field: string, text: string | undefined): Refusal | undefined {
  if (text && text.trim()) return undefined;
  return refuse('invalid', `The ${field} is required.`);
}
