import type {
  AddOnId,
  AgendaTopicId,
  AssessmentArea,
  AssessmentLevel,
  AuthMethodId,
  CaPolicyId,
  CaPolicyState,
  ChecklistStepId,
  FeatureChoice,
  FeatureId,
  FollowUpKind,
  LicenceId,
  Role,
  StakeholderTitle,
} from './catalog.js';
import type { ChatCard } from './chat-cards.js';
import { LIMITS } from './limits.js';
import { clipBytes } from './text-size.js';

/** Who did something, and when (ISO 8601, UTC). */
export interface Stamp {
  by: string;
  byName: string;
  at: string;
}

/**
 * The person acting: their Microsoft Entra object id, the same in every chat, and the tenant the
 * activity names (the conversation's tenant as Teams reports it, which hosts the chat).
 */
export interface Actor {
  id: string;
  name: string;
  tenantId: string;
  /** The person's Teams user id (29:…), which card refresh lists name; the id above is the key. */
  teamsId?: string;
}

/** A role a person held before the one they hold now, and who ended it when. */
export interface FormerRole {
  role: Role;
  title?: StakeholderTitle;
  until: Stamp;
}

/**
 * Someone the FM gave a role. A person is their Entra object id (`id`) in their tenant
 * (`homeTenantId`): for a guest, the tenant hosting the chat, where the guest account lives; for
 * a shared channel's external member, their own organization's.
 */
export interface Person {
  id: string;
  name: string;
  role: Role;
  title?: StakeholderTitle;
  /** Teams user id (29:…), for user-specific card views. */
  teamsId?: string;
  assigned: Stamp;
  /** The person's tenant as Teams' member list reports it; absent on older records (then the host's). */
  homeTenantId?: string;
  /** What Teams' member list calls the account: `user`, or `guest` for a guest account. */
  userRole?: string;
  /**
   * The mailbox address Teams' member list reports, lower-cased: it links a person's guest
   * account with their own for their list of engagements, and is never shown on a card.
   */
  email?: string;
  /** Teams said the person left the chat: the role stays on the record, and they can no longer act. */
  removed?: Stamp;
  /** Roles held before, oldest first (an FM who handed the role over keeps it here). */
  formerRoles?: FormerRole[];
}

export interface Licensing extends Stamp {
  licences: LicenceId[];
  addOns: AddOnId[];
  notes: string;
}

export interface Acknowledgement extends Stamp {
  topics: AgendaTopicId[];
}

export interface Question extends Stamp {
  text: string;
}

export interface SelfAssessment extends Stamp {
  levels: Record<AssessmentArea, AssessmentLevel>;
}

export interface SecurityConversation {
  scheduledFor?: string;
  scheduled?: Stamp;
  acknowledgements: Record<string, Acknowledgement>;
  questions: Question[];
  selfAssessments: Record<string, SelfAssessment>;
  delivered?: Stamp;
}

export interface ChecklistEntry extends Stamp {
  note: string;
}

export interface AuthPreference extends Stamp {
  method: AuthMethodId;
  comment: string;
}

export interface AuthDecision extends Stamp {
  method: AuthMethodId;
  rationale: string;
  /** Who on the customer's side made the decision, as the engineer recorded it. */
  decidedBy: string;
}

export interface IdentityPreparation {
  steps: Partial<Record<ChecklistStepId, ChecklistEntry>>;
  preferences: Record<string, AuthPreference>;
  authMethod?: AuthDecision;
  /** Task 1141 marked ready for the Enable phase (gate G3). */
  syncReady?: Stamp;
}

export interface FeatureDecision extends Stamp {
  choice: FeatureChoice;
  /** ISO date (yyyy-mm-dd), required when planned. */
  targetDate?: string;
  /** Required when not planned. */
  reason?: string;
}

export interface CaPolicyRecord extends Stamp {
  state: CaPolicyState;
}

export interface MfaRegistration extends Stamp {
  registered: number;
  total: number;
}

export interface Workshop {
  delivered?: Stamp;
  decisions: Partial<Record<FeatureId, FeatureDecision>>;
  caPolicies: Partial<Record<CaPolicyId, CaPolicyRecord>>;
  mfaRegistration?: MfaRegistration;
  blockAllRemoved?: Stamp;
}

export interface SaasApp {
  name: string;
  inGallery: boolean;
}

/** The hand-off form (task 3721) as an engineer submits it. */
export interface HandoffForm {
  authRationale: string;
  mfaApproach: 'caPolicy' | 'securityDefaults';
  mfaRegistered: number;
  saasApps: SaasApp[];
  devicePlan: string;
  mobileAppPlan: string;
  risks: string;
  recommendedWorkshops: string[];
  notes: string;
}

/** What the engagement knew when a hand-off revision was submitted, kept with it. */
export interface HandoffSnapshot {
  customer: string;
  tenantId: string;
  authMethod?: { method: AuthMethodId; rationale: string; decidedBy: string };
  /** The G3 items (4.4, 4.5, 4.6) done, and whether sync was marked ready. */
  identityReady: {
    breakGlass: boolean;
    blockAllCa: boolean;
    mfaAdmins: boolean;
    syncReady: boolean;
  };
  caPolicies: Partial<Record<CaPolicyId, CaPolicyState>>;
  mfaRegistration?: { registered: number; total: number };
  decisions: Partial<
    Record<FeatureId, { choice: FeatureChoice; targetDate?: string; reason?: string }>
  >;
}

export interface HandoffRevision extends Stamp, HandoffForm {
  revision: number;
  known: HandoffSnapshot;
}

export type ReminderState = 'pending' | 'sending' | 'sent' | 'missed' | 'undeliverable';

export interface FollowUp {
  id: string;
  kind: FollowUpKind;
  /** The meeting's start, ISO 8601 in UTC. */
  startsAt: string;
  /** The IANA time zone the FM scheduled it in, for display. */
  timeZone: string;
  attendees: string[];
  agenda: string;
  scheduled: Stamp;
  cancelled?: Stamp;
  reminder: {
    /** When the reminder is due, ISO 8601 UTC. */
    dueAt: string;
    state: ReminderState;
    /** While sending: which instance claimed it, until when. */
    claimedBy?: string;
    claimExpiresAt?: string;
    attempts: number;
    lastError?: string;
    settledAt?: string;
  };
}

/** One line of the audit trail: who did what, when. */
export interface HistoryEntry extends Stamp {
  action: string;
  summary: string;
}

/** Where the engagement's chat is, so the bot can write back to it (stored as Teams gave it). */
export type ConversationReference = Record<string, unknown>;

export interface Engagement {
  /** Document id = partition key value. */
  id: string;
  engagementId: string;
  type: 'engagement';
  schemaVersion: 1;
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
  conversation: SecurityConversation;
  identity: IdentityPreparation;
  workshop: Workshop;
  handoff: HandoffRevision[];
  followUps: FollowUp[];
  /** Earliest pending reminder (denormalized so schedulers can find due work with one query). */
  nextReminderAt?: string;
  movedOn?: Stamp;
  history: HistoryEntry[];
  /** Ids of the activities already applied, newest last (a redelivery changes nothing twice). */
  appliedActivityIds: string[];
  /** The engagement's card messages in the chat (./chat-cards.ts); absent until one is posted. */
  chatCards?: ChatCard[];
  updatedAt: string;
}

/** What was decided on a feature, without who decided it and when. */
export function decided(d: FeatureDecision): Omit<FeatureDecision, keyof Stamp> {
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
