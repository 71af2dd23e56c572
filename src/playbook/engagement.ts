import type { ChatCard } from './chat-cards.js';
import { LIMITS } from './limits.js';
import type { Actor, Person, Stamp } from './people-records.js';
import type {
  FeatureDecision,
  FollowUp,
  HandoffRevision,
  HistoryEntry,
  IdentityPreparation,
  Licensing,
  MovedOn,
  OnBehalf,
  Preparation,
  Reopening,
  SecurityConversation,
  TenantRecord,
  Workshop,
} from './step-records.js';
import { clipBytes } from './text-size.js';

export type * from './people-records.js';
export type * from './step-records.js';

/** Where the engagement's chat is, so the bot can write back to it (stored as Teams gave it). */
export type ConversationReference = Record<string, unknown>;

export interface Engagement {
  /** Document id = partition key value. */
  id: string;
  engagementId: string;
  type: 'engagement';
  schemaVersion: 2;
  /** The tenant that hosts the chat: the engagement is its, whoever of another tenant takes part. */
  tenantId: string;
  conversationId: string;
  conversationType: 'personal' | 'groupChat' | 'channel';
  conversationReference?: ConversationReference;
  /** A Teams link that opens the chat (from a person's list of engagements), when Teams gave enough to build one. */
  chatUrl?: string;
  customer: string;
  started: Stamp;
  kickoff?: Stamp;
  people: Record<string, Person>;
  licensing?: Licensing;
  /** Facts read from the customer's tenant (absent until the customer's admin consents). */
  tenant?: TenantRecord;
  preparation?: Preparation;
  conversation: SecurityConversation;
  identity: IdentityPreparation;
  workshop: Workshop;
  handoff: HandoffRevision[];
  followUps: FollowUp[];
  /** Earliest pending reminder (denormalized so schedulers can find due work with one query). */
  nextReminderAt?: string;
  movedOn?: MovedOn;
  /** Work that later changes reopened, kept so the record shows what was done before. */
  superseded: Reopening[];
  history: HistoryEntry[];
  /** Ids of the activities already applied, newest last (a redelivery changes nothing twice). */
  appliedActivityIds: string[];
  /** The engagement's card messages in the chat (./chat-cards.ts); absent until one is posted. */
  chatCards?: ChatCard[];
  updatedAt: string;
}

/** What was decided on a feature, without who decided it and when. */
export function decided(
  d: FeatureDecision,
): Pick<FeatureDecision, 'choice' | 'targetDate' | 'reason'> {
  return {
    choice: d.choice,
    ...(d.targetDate ? { targetDate: d.targetDate } : {}),
    ...(d.reason ? { reason: d.reason } : {}),
  };
}

/** A person's name as the engagement keeps it: Teams' display name, cut to LIMITS.name bytes. */
export function nameOf(actor: Pick<Actor, 'name'>): string {
  return clipBytes(actor.name.trim(), LIMITS.name) || 'Someone';
}

export function stamp(actor: Actor, now: Date): Stamp {
  return { by: actor.id, byName: nameOf(actor), at: now.toISOString() };
}

/**
 * Who answered: the person, or the stakeholder and who recorded it for them in the meeting. A
 * card passes `name` to show each name as text.
 */
export function answeredBy(
  record: Stamp & { onBehalfOf?: OnBehalf },
  name: (n: string) => string = (n) => n,
): string {
  return record.onBehalfOf
    ? `${name(record.onBehalfOf.name)} (recorded by ${name(record.byName)} in the meeting)`
    : name(record.byName);
}
