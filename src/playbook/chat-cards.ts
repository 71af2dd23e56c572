/**
 * The engagement's card messages in its chat: which message shows which card, and a digest of
 * the shared card it was last given, so a change updates exactly the messages whose card changed.
 * The list is bounded: the newest few of each card, and a few overall.
 */

/** One card message in the chat. */
export interface ChatCard {
  /** The Teams activity id of the message. */
  activityId: string;
  /** The card the message shows (a template name); it never becomes another card. */
  card: string;
  /** The follow-up a reminder card is about. */
  followUpId?: string;
  /** A digest of the shared card last put in the message (undefined: not known, so stale). */
  digest?: string;
}

/** How many card messages an engagement remembers: per card, and in all. */
export const CHAT_CARD_LIMITS = { perCard: 2, total: 12 } as const;

/**
 * The list with these messages recorded (a message already known takes its new record and
 * becomes the newest), then cut to the limits, the oldest going first. The list is kept newest last.
 */
export function withChatCards(
  list: readonly ChatCard[] | undefined,
  records: readonly ChatCard[],
): ChatCard[] {
  const fresh = new Map(records.map((r) => [r.activityId, r]));
  const kept = (list ?? []).filter((c) => !fresh.has(c.activityId));
  const all = [...kept, ...fresh.values()];
  const perCard = new Map<string, number>();
  const out: ChatCard[] = [];
  for (const c of [...all].reverse()) {
    const seen = perCard.get(c.card) ?? 0;
    if (seen >= CHAT_CARD_LIMITS.perCard || out.length >= CHAT_CARD_LIMITS.total) continue;
    perCard.set(c.card, seen + 1);
    out.push(c);
  }
  return out.reverse();
}

/** The list without these messages (gone from the chat). */
export function withoutChatCards(
  list: readonly ChatCard[] | undefined,
  activityIds: readonly string[],
): ChatCard[] {
  const gone = new Set(activityIds);
  return (list ?? []).filter((c) => !gone.has(c.activityId));
}

/** Whether two lists record the same messages with the same digests. */
export function sameChatCards(a: readonly ChatCard[] | undefined, b: readonly ChatCard[]): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b);
}
