/** What each step of the playbook records in the engagement. */
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
  SupportAreaId,
} from './catalog.js';
import type { AddOnId, LicenceId, PathId } from './licences.js';
import type { Stamp } from './people-records.js';
import type { TenantFacts } from './tenant-read.js';

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
