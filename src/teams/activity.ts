import { TurnContext, type Activity } from 'botbuilder';
import type { CardAction, Incoming } from '../chat/incoming.js';
import type { ConversationReference } from '../playbook/engagement.js';
import { isTimeZone } from '../playbook/time.js';

/**
 * The zone the person's client is in: the activity's `localTimezone`, or the `timezone` of the
 * `clientInfo` entity Teams adds; undefined when neither names a zone the runtime knows.
 */
function clientZone(activity: Activity): string | undefined {
  const info = (activity.entities ?? []).find((e) => e.type === 'clientInfo') as
    { timezone?: unknown } | undefined;
  for (const zone of [activity.localTimezone, info?.timezone])
    if (typeof zone === 'string' && isTimeZone(zone)) return zone;
  return undefined;
}

/** What the bot reads of `channelData` (Teams sends it untyped). */
interface ChannelData {
  tenant?: { id?: string };
  team?: { id?: string; aadGroupId?: string };
  channel?: { id?: string; name?: string };
}

const TEAMS_LINK = 'https://teams.microsoft.com/l';

/**
 * A link that opens the chat in Teams: a group chat by its id, a channel by its id and its team's
 * Microsoft 365 group (which Teams sends only in team channels). Undefined when Teams sent too
 * little, and in the 1:1 chat, which is where a person's list is read anyway.
 */
export function chatUrlFor(activity: Activity, tenantId: string | undefined): string | undefined {
  const data = (activity.channelData ?? {}) as ChannelData;
  const id = activity.conversation?.id?.split(';messageid=')[0];
  if (!id) return undefined;
  const kind = activity.conversation?.conversationType;
  if (kind === 'groupChat') return `${TEAMS_LINK}/chat/${encodeURIComponent(id)}/conversations`;
  const group = data.team?.aadGroupId;
  if (kind !== 'channel' || !group || !tenantId) return undefined;
  const name = data.channel?.name || (id === data.team?.id ? 'General' : 'Channel');
  const query = new URLSearchParams({ groupId: group, tenantId });
  return `${TEAMS_LINK}/channel/${encodeURIComponent(id)}/${encodeURIComponent(name)}?${query}`;
}

/** What the bot needs of an activity, read from botbuilder's: who, where, and where to write back. */
export function readIncoming(activity: Activity): Incoming {
  const channelData = (activity.channelData ?? {}) as ChannelData;
  // The tenant hosting the conversation; some payloads carry it empty, then channelData has it.
  const tenantId = activity.conversation?.tenantId || channelData.tenant?.id || undefined;
  const chatUrl = chatUrlFor(activity, tenantId);
  const aadObjectId = activity.from?.aadObjectId;
  const kind = activity.conversation?.conversationType;
  return {
    activityId: activity.id ?? '',
    actor:
      aadObjectId && tenantId
        ? {
            id: aadObjectId,
            name: activity.from.name?.trim() || 'Someone',
            tenantId,
            ...(activity.from.id ? { teamsId: activity.from.id } : {}),
          }
        : undefined,
    conversationId: activity.conversation?.id ?? '',
    conversationKind: kind === 'groupChat' || kind === 'channel' ? kind : 'personal',
    tenantId,
    replyToId: activity.replyToId,
    timeZone: clientZone(activity),
    reference: JSON.parse(
      JSON.stringify(TurnContext.getConversationReference(activity)),
    ) as ConversationReference,
    posted: activity.type === 'message',
    ...(chatUrl ? { chatUrl } : {}),
  };
}

/** The typed text of a message, without the bot's @mention, trimmed. */
export function commandText(context: TurnContext): string {
  const text = TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '';
  return text
    .replace(/<at>[^<]*<\/at>/g, '')
    .replace(/&nbsp;/g, ' ')
    .trim();
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Action.Execute arrives as an `adaptiveCard/action` invoke; anything else is not a card action. */
export function readInvokeAction(value: unknown): CardAction | undefined {
  if (!isRecord(value) || !isRecord(value.action)) return undefined;
  const { verb, data } = value.action;
  if (typeof verb !== 'string') return undefined;
  return { verb, data: isRecord(data) ? data : {}, automatic: value.trigger === 'automatic' };
}

/** The Action.Submit fallback arrives as a message whose value carries the verb. */
export function readSubmitAction(value: unknown): CardAction | undefined {
  if (!isRecord(value)) return undefined;
  const { verb, ...data } = value;
  if (typeof verb !== 'string') return undefined;
  return { verb, data, automatic: false, submitted: true };
}
