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
import type { HandoffForm } from './engagement.js';
import type { AddOnId, LicenceId } from './licences.js';
import type { TenantFacts } from './tenant-read.js';

/**
 * A stakeholder's answer given in the meeting, recorded for them by the FM or FE: the person id
 * of the stakeholder. Absent when stakeholders answer for themselves.
 */
type OnBehalfOf = { onBehalfOf?: string };

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
  | {
      type: 'recordLicensing';
      licences: LicenceId[];
      addOns: AddOnId[];
      notes: string;
      /** An EMS re-engagement: EMS owned but not deployed. */
      emsNotDeployed?: boolean;
    }
  | {
      type: 'recordTenantFacts';
      /** What the bot read for the person: the facts, or the refusal that says consent is not (or no longer) given. */
      read: { ok: true; facts: TenantFacts } | { ok: false; denied: string; at: string };
    }
  | {
      type: 'recordPreparation';
      businessRequirements: string;
      deploymentRequirements: string;
      supportAreas: SupportAreaId[];
      supportNote: string;
    }
  | {
      type: 'scheduleConversation';
      startsAt: string;
      /** The zone the time was typed in, to say it back the same way. */
      timeZone?: string;
      /** The stakeholders invited, by person id. */
      invited: string[];
    }
  | ({ type: 'acknowledgeAgenda'; topics: AgendaTopicId[]; question: string } & OnBehalfOf)
  | { type: 'selfAssess'; levels: Record<AssessmentArea, AssessmentLevel> }
  | {
      type: 'deliverConversation';
      /** Who attended, by person id; the invited stakeholders when not given. */
      attended?: string[];
    }
  | { type: 'completeIdentityStep'; step: ChecklistStepId; note: string }
  | ({ type: 'statePreference'; method: AuthMethodId; comment: string } & OnBehalfOf)
  | { type: 'finalizeAuthMethod'; method: AuthMethodId; rationale: string; decidedBy: string }
  | { type: 'markSyncReady' }
  | ({
      type: 'decideFeature';
      feature: FeatureId;
      choice: FeatureChoice;
      targetDate?: string;
      reason?: string;
      /** The deciding person's IANA zone: a target date is in the past before *their* today. */
      timeZone?: string;
    } & OnBehalfOf)
  | { type: 'recordCaPolicy'; policy: CaPolicyId; state: CaPolicyState }
  | {
      type: 'recordMfaRegistration';
      registered: number;
      total: number;
      /** Why the number of users is lower than recorded before (required then). */
      reason?: string;
    }
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
  | {
      type: 'moveToNextPhase';
      /** The next phases, among those the latest hand-off recommended. */
      phases: string[];
    }
  /** Deletes the engagement and all it recorded; `confirmation` is the customer's name, typed. */
  | { type: 'deleteEngagement'; confirmation: string };

export type ActionType = Action['type'];
export type ActionOf<T extends ActionType> = Extract<Action, { type: T }>;

/** The actions a FastTrack Manager or Engineer may record for a stakeholder, given in the meeting. */
export const ON_BEHALF_ACTIONS = ['acknowledgeAgenda', 'statePreference', 'decideFeature'] as const;
export type OnBehalfActionType = (typeof ON_BEHALF_ACTIONS)[number];

/** The stakeholder an action is recorded for, when it is. */
export function onBehalfOf(action: Action): string | undefined {
  return 'onBehalfOf' in action ? action.onBehalfOf : undefined;
}
