import { ROLE_LABELS, STEPS } from '../../playbook/catalog.js';
import type { Engagement } from '../../playbook/engagement.js';
import { blockers } from '../../playbook/outputs.js';
import { sayInstant } from '../../playbook/time.js';
import { clip, fitting } from '../format.js';
import { NAME_BYTES, typed } from '../text.js';
import type { View } from '../types.js';
import { baseView, nav, type ViewContext } from './common.js';
import { stepStates } from './status.js';

/**
 * Bytes of card JSON for the listed engagements, and what each takes beyond its view model (its
 * container, facts and button): with the longest names and links, the card stays under Teams' 28 KB.
 */
const ITEMS_BUDGET = 22_000;
const ITEM_OVERHEAD = 350;

/** Where the engagement stands: its first open step, or that it moved on. */
function stage(e: Engagement): string {
  if (e.movedOn) return 'Moved on to the next phase';
  const states = stepStates(e);
  const open = STEPS.find((s) => states[s.id].state === 'open');
  return open ? `${open.title}: ${states[open.id].detail}` : 'Every step done';
}

function blocked(e: Engagement): string {
  const list = e.movedOn ? [] : blockers(e);
  if (list.length === 0) return 'Nothing is blocked';
  const first = list[0]!;
  const more = list.length > 1 ? ` (and ${list.length - 1} more)` : '';
  return clip(`${first.step}: ${first.missing[0] ?? 'blocked'}${more}`, 200);
}

function nextFollowUp(e: Engagement, now: Date): string {
  const t = now.toISOString();
  const next = e.followUps
    .filter((f) => !f.cancelled && f.startsAt >= t)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
  return next ? sayInstant(next.startsAt, next.timeZone) : 'None scheduled';
}

/** What the list says of itself: how many it shows, and of how many when the card had no room for all. */
function count(shown: number, found: number): string {
  if (shown === 0) return '';
  if (shown < found)
    return `The ${shown} most recently changed of the ${found} engagements found, newest first.`;
  return `${shown} engagement(s), the most recently changed first.`;
}

/** A person's engagements across chats and organizations, newest first, each with a link to its chat. */
export function engagementsView(ctx: ViewContext): View {
  const { req } = ctx;
  const listing = req.listing ?? [];
  const all = listing.map(({ engagement: e, personId }) => {
    const role = e.people[personId]?.role;
    return {
      customer: typed(e.customer, NAME_BYTES),
      role: role ? `You are the ${ROLE_LABELS[role]}` : '',
      stage: stage(e),
      blocked: blocked(e),
      next: nextFollowUp(e, req.now),
      url: e.chatUrl ?? '',
      hasUrl: !!e.chatUrl,
    };
  });
  const items = fitting(all, ITEMS_BUDGET, ITEM_OVERHEAD);
  const empty = req.listing
    ? 'You take part in no engagement yet: a FastTrack Manager gives you a role in a chat with the customer.'
    : 'Type "engagements" in your 1:1 chat with me to list the engagements you take part in.';
  return {
    ...baseView(ctx, 'engagements', nav('help')),
    items,
    hasItems: items.length > 0,
    empty: items.length > 0 ? '' : empty,
    count: count(items.length, all.length),
  };
}
