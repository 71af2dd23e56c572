import type {
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
  Role,
  StakeholderTitle,
  SupportAreaId,
} from './catalog.js';
import type { ChatCard } from './chat-cards.js';
import type { AddOnId, LicenceId, PathId } from './licences.js';
import { LIMITS } from './limits.js';
import { clipBytes } from './text-size.js';
import type { TenantFacts } from './tenant-read.js';

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
  /** An EMS re-engagement: the customer owns EMS but has not deployed it. */
  emsNotDeployed?: boolean;
}

/** Preparing the M365 Security Conversation: what the customer needs and what FastTrack covers. */
export interface Preparation extends Stamp {
  businessRequirements: string;
  deploymentRequirements: string;
  supportAreas: SupportAreaId[];
  supportNote: string;
}

/** A stakeholder whose answer, given in the meeting, someone else recorded. */
export interface OnBehalf {
  id: string;
  name: string;
}

export interface Acknowledgement extends Stamp {
  topics: AgendaTopicId[];
  /** Set when the FM or FE recorded it for the stakeholder; the stamp names who recorded it. */
  onBehalfOf?: OnBehalf;
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
  /** The zone the time was given in, to say it back the same way. */
  timeZone?: string;
  /** The stakeholders invited (person ids), by role and title. */
  invited: string[];
  /** Who attended (person ids), recorded when the conversation was delivered. */
  attended?: string[];
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
  onBehalfOf?: OnBehalf;
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
  /** Earlier decisions the current one replaced, oldest first. */
  authMethodHistory: AuthDecision[];
  /** Task 1141 marked ready for the Enable phase (gate G3). */
  syncReady?: Stamp;
}

export interface FeatureDecision extends Stamp {
  choice: FeatureChoice;
  /** ISO date (yyyy-mm-dd), required when planned. */
  targetDate?: string;
  /** Required when not planned. */
  reason?: string;
  /** The deciding person's IANA zone: a target date is past once their day has passed. */
  timeZone?: string;
  onBehalfOf?: OnBehalf;
}

export interface CaPolicyRecord extends Stamp {
  state: CaPolicyState;
}

/** How many users (break-glass accounts excluded) registered for MFA, of how many. */
export interface MfaRegistration extends Stamp {
  registered: number;
  total: number;
}

/** The number of users was lowered: from what, and why (kept, so no total is typed down silently). */
export interface TotalLowered extends Stamp {
  from: number;
  to: number;
  reason: string;
}

export interface BlockAllRemoval extends Stamp {
  /** Identity synchronization was ready when the policy went (G4 on a hybrid method). */
  syncWasReady: boolean;
}

export interface Workshop {
  delivered?: Stamp;
  decisions: Partial<Record<FeatureId, FeatureDecision>>;
  caPolicies: Partial<Record<CaPolicyId, CaPolicyRecord>>;
  mfaRegistration?: MfaRegistration;
  totalLowered: TotalLowered[];
  blockAllRemoved?: BlockAllRemoval;
}

export interface SaasApp {
  name: string;
  inGallery: boolean;
}

/**
 * The hand-off form (task 3721) as an engineer submits it. The MFA approach and registration are
 * the engagement's facts (the snapshot); revisions stored before they were derived keep the values
 * typed then.
 */
export interface HandoffForm {
  authRationale: string;
  /** Typed in revisions stored before schema version 2 only. */
  mfaApproach?: 'caPolicy' | 'securityDefaults';
  /** Typed in revisions stored before schema version 2 only. */
  mfaRegistered?: number;
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
  /** The licences' path, and so the MFA approach (absent in revisions of schema version 1). */
  path?: PathId;
  mfaApproach?: 'caPolicy' | 'securityDefaults';
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
  /** When the facts above were read from the customer's tenant (absent: as typed). */
  readFromTenantAt?: string;
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

/** Something done that a later change reopened: what it was, and who had done it when. */
export interface ReopenedItem {
  what: string;
  was: Stamp;
  detail?: string;
}

/** A change that reopened earlier work (licences that change the path, a new authentication method). */
export interface Reopening extends Stamp {
  reason: string;
  items: ReopenedItem[];
}

/** Moving on to the next phase: who, when, and to which phases. */
export interface MovedOn extends Stamp {
  phases: string[];
}

/**
 * Reading the customer's tenant through Microsoft Graph, opt-in: granted once a read succeeds,
 * withdrawn when a read is refused after that (the admin revoked the permissions).
 */
export interface TenantAccess {
  state: 'granted' | 'withdrawn';
  /** When the state began. */
  since: string;
  /** The last read that told the state. */
  checkedAt: string;
}

/** What the tenant said at the last successful read, and who asked for it. */
export interface TenantRecord {
  access: TenantAccess;
  facts?: TenantFacts & { askedBy: Stamp };
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
