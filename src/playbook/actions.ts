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
import type { HandoffForm } from './engagement.js';

/** What Teams' member list says of a chat member, kept on their record when they get a role. */
export interface MemberFacts {
  /** Teams user id (29:…). */
  teamsId?: string;
  /** The member's tenant as the member list reports it. */
  homeTenantId?: string;
  /** `user` or `guest`. */
  userRole?: string;
  /** Lower-cased mailbox address. */
  email?: string;
}

/** Every user intent on an engagement, as a typed action. */
export type Action =
  | { type: 'confirmKickoff' }
  | ({
      type: 'assignRole';
      personId: string;
      name: string;
      role: Role | 'none';
      title?: StakeholderTitle;
    } & MemberFacts)
  | ({
      type: 'handOverFm';
      /** The member who becomes the FastTrack Manager. */
      personId: string;
      name: string;
      /** What the FM handing over becomes: another role, or none (they leave the engagement). */
      then: Exclude<Role, 'FM' | 'stakeholder'> | 'none';
    } & MemberFacts)
  | { type: 'recordLicensing'; licences: LicenceId[]; addOns: AddOnId[]; notes: string }
  | {
      type: 'scheduleConversation';
      startsAt: string;
      /** The zone the time was typed in, to say it back the same way. */
      timeZone?: string;
    }
  | { type: 'acknowledgeAgenda'; topics: AgendaTopicId[]; question: string }
  | { type: 'selfAssess'; levels: Record<AssessmentArea, AssessmentLevel> }
  | { type: 'deliverConversation' }
  | { type: 'completeIdentityStep'; step: ChecklistStepId; note: string }
  | { type: 'statePreference'; method: AuthMethodId; comment: string }
  | { type: 'finalizeAuthMethod'; method: AuthMethodId; rationale: string; decidedBy: string }
  | { type: 'markSyncReady' }
  | {
      type: 'decideFeature';
      feature: FeatureId;
      choice: FeatureChoice;
      targetDate?: string;
      reason?: string;
      /** The deciding person's IANA zone: a target date is in the past before *their* today. */
      timeZone?: string;
    }
  | { type: 'recordCaPolicy'; policy: CaPolicyId; state: CaPolicyState }
  | { type: 'recordMfaRegistration'; registered: number; total: number }
  | { type: 'removeBlockAll' }
  | { type: 'deliverWorkshop' }
  | { type: 'submitHandoff'; form: HandoffForm }
  | {
      type: 'scheduleFollowUp';
      kind: FollowUpKind;
      startsAt: string;
      timeZone: string;
      attendees: string[];
      agenda: string;
      /** How long before the meeting the chat is reminded (a setting of the bot). */
      leadMinutes: number;
    }
  | {
      type: 'rescheduleFollowUp';
      followUpId: string;
      startsAt: string;
      timeZone: string;
      leadMinutes: number;
    }
  | { type: 'cancelFollowUp'; followUpId: string }
  | { type: 'moveToNextPhase' }
  /** Deletes the engagement and all it recorded; `confirmation` is the customer's name, typed. */
  | { type: 'deleteEngagement'; confirmation: string };

export type ActionType = Action['type'];
export type ActionOf<T extends ActionType> = Extract<Action, { type: T }>;
