import { refuse, type Refusal } from '../refusal.js';

/** A refusal when a text is longer than its limit, naming the field and the limit. */
export function tooLong(field: string, text: string, limit: number): Refusal | undefined {
  if (text.length <= limit) return undefined;
  return refuse('invalid', `The ${field} is ${text.length} characters long; at most ${limit} fit.`);
}

/** A refusal when a required text is empty. */
export function required(field: string, text: string | undefined): Refusal | undefined {
  if (text && text.trim()) return undefined;
  return refuse('invalid', `The ${field} is required.`);
}
