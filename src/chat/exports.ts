import type { AdaptiveCard, CardRequest } from '../cards/types.js';
import type { CardName } from '../door/card-names.js';
import type { Downloads } from '../documents/downloads.js';
import type { Actor, Engagement } from '../playbook/engagement.js';
import { checkExporter } from '../playbook/permissions.js';
import { sayInstant } from '../playbook/time.js';
import type { Incoming } from './incoming.js';
import type { Replies } from './replies.js';

/** What an export answers: the clicker's own view, and what they alone are told. */
export interface ExportAnswer {
  card: AdaptiveCard;
  personal: string;
}

type View = (
  card: CardName,
  e: Engagement | undefined,
  extra?: Partial<CardRequest>,
) => AdaptiveCard;

/**
 * "Export" on the summary card: the FastTrack manager or engineer gets their own short-lived
 * links to the summary and the hand-off, as Markdown and as a web page, in their view of the
 * card. Nothing is posted to the chat: the links are theirs.
 */
export async function exportDocuments(
  deps: { replies: Replies; downloads: Downloads },
  incoming: Incoming,
  actor: Actor,
  view: View,
  timeZone: string,
): Promise<ExportAnswer> {
  const { engagement, message } = await deps.replies.readable(incoming);
  if (!engagement) {
    const text = message?.text ?? 'There is no engagement to export yet.';
    return { card: view('help', undefined, { message: { kind: 'error', text } }), personal: text };
  }
  const denied = checkExporter(engagement, actor);
  const made = denied
    ? { ok: false as const, why: denied.message }
    : deps.downloads.links(engagement, actor.id);
  if (!made.ok)
    return {
      card: view('summary', engagement, { message: { kind: 'error', text: made.why } }),
      personal: made.why,
    };
  const until = sayInstant(made.expires.toISOString(), timeZone);
  return {
    card: view('summary', engagement, {
      message: { kind: 'success', text: 'Your documents are ready: open or save them below.' },
      downloads: made.links,
      downloadsNote: `These links are yours alone and work until ${until}.`,
    }),
    personal:
      'Your documents are ready in your own view of the summary card, which this Teams client cannot show: press Export in Teams on the web or on the desktop.',
  };
}
