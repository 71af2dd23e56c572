import { isFormVerb } from '../door/allowed.js';
import { clipBytes, jsonBytes } from '../playbook/text-size.js';
import { readableColours } from './readable.js';
import type { AdaptiveCard, CardRequest } from './types.js';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Teams asks each listed user's own view of a shared card; it takes at most 60 users. */
export const MAX_REFRESH_USERS = 60;
/** Longest echo of what a person typed, in characters; inputs cap what they take anyway. */
const MAX_ECHO = 2000;
/**
 * The most a card may weigh (UTF-8 bytes of its JSON): Teams refuses a message over 28 KB, and
 * the activity around the card (ids, addresses, names) takes up to about 1.5 KB of it.
 */
export const CARD_BYTES = 26 * 1024;

/**
 * Every Action.Execute gets `data.card` and an Action.Submit fallback carrying the verb (for
 * clients older than 1.4); buttons that are not forms send no inputs (so a required input of
 * some form never blocks a navigation button).
 */
function finishAction(action: Json, card: string): void {
  const data = isObject(action.data) ? action.data : {};
  action.data = { card, ...data };
  if (typeof action.verb !== 'string' || !isFormVerb(action.verb)) action.associatedInputs = 'none';
  const fallback: Json = {
    type: 'Action.Submit',
    title: action.title,
    data: { verb: action.verb, ...(action.data as Json) },
  };
  if (action.associatedInputs) fallback.associatedInputs = action.associatedInputs;
  action.fallback = fallback;
}

/** The value an input shows for what the person typed, or undefined if it cannot show it. */
function echo(type: string, value: unknown, maxLength: unknown): string | number | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.map(String).join(',');
  if (type === 'Input.Number') {
    const n = typeof value === 'number' ? value : Number(String(value).trim());
    return String(value).trim() !== '' && Number.isFinite(n) ? n : undefined;
  }
  const text = typeof value === 'object' ? undefined : String(value);
  if (text === undefined) return undefined;
  if (type === 'Input.Date') return /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : undefined;
  if (type === 'Input.Time')
    return /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/.test(text) ? text.slice(0, 5) : undefined;
  const limit = typeof maxLength === 'number' ? maxLength : MAX_ECHO;
  return text.slice(0, Math.min(limit, MAX_ECHO));
}

function walk(node: unknown, visit: (obj: Json) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (isObject(node)) {
    visit(node);
    for (const value of Object.values(node)) walk(value, visit);
  }
}

/**
 * Cuts the longest echoes of what was typed, longest first, until the card fits CARD_BYTES. What
 * fits is echoed whole: only a form typed far over its limits is cut (its message says so).
 */
function fitEchoes(card: Json, echoed: Json[]): void {
  let over = Buffer.byteLength(JSON.stringify(card), 'utf8') - CARD_BYTES;
  const texts = echoed.filter((input) => typeof input.value === 'string');
  while (over > 0 && texts.length > 0) {
    texts.sort((a, b) => jsonBytes(String(b.value)) - jsonBytes(String(a.value)));
    const longest = texts.shift() as Json;
    const bytes = jsonBytes(String(longest.value));
    longest.value = clipBytes(String(longest.value), Math.max(0, bytes - over));
    over -= bytes - jsonBytes(String(longest.value));
  }
}

/** The expanded template, made ready for Teams: actions, typed values kept, refresh for the shared card. */
export function finishCard(expanded: Json, req: CardRequest): AdaptiveCard {
  const form = req.form ?? {};
  const echoed: Json[] = [];
  walk(expanded, (obj) => {
    const type = typeof obj.type === 'string' ? obj.type : '';
    readableColours(obj);
    if (type === 'Action.Execute') finishAction(obj, req.card);
    else if (
      type.startsWith('Input.') &&
      typeof obj.id === 'string' &&
      Object.prototype.hasOwnProperty.call(form, obj.id)
    ) {
      const value = echo(type, form[obj.id], obj.maxLength);
      if (value !== undefined) {
        obj.value = value;
        echoed.push(obj);
      }
    }
  });
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    ...expanded,
  };
  const e = req.engagement;
  // Teams names users in refresh lists by their Teams ids (29:…), known once a person has a role:
  // only people who take part get their own view, never someone who left the chat.
  const userIds = e
    ? Object.values(e.people).flatMap((p) => (p.teamsId && !p.removed ? [p.teamsId] : []))
    : [];
  if (req.viewer === undefined && e && userIds.length >= 1 && userIds.length <= MAX_REFRESH_USERS) {
    // The refresh names what the view needs beyond the engagement: the follow-up of a reminder.
    const data = { card: req.card, ...(req.followUpId ? { followUpId: req.followUpId } : {}) };
    card.refresh = { action: { type: 'Action.Execute', verb: 'refresh', data }, userIds };
  } else {
    delete card.refresh;
  }
  if (echoed.length > 0) fitEchoes(card, echoed);
  return card;
}
