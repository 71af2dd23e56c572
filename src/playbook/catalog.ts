import type { Capability } from './licences.js';
import type { LinkId } from './links.js';
import { NAMES } from './names.js';

export * from './catalog-identity.js';

/**
 * The Deploy Securely playbook as data, taken from the two seed documents
 * (FastTrack Partner Playbook "Deploy Securely" and "Identity and Device Security Guidance").
 */

export const ROLES = ['FM', 'FE', 'SME', 'stakeholder'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  FM: 'FastTrack Manager',
  FE: 'FastTrack Engineer',
  SME: 'SME / engineer',
  stakeholder: 'Customer stakeholder',
};

/** Stakeholders invited to the M365 Security Conversation, by title. */
export const STAKEHOLDER_TITLES = [
  'BDM',
  'Security Analyst',
  'Security Architect',
  'Director of Security',
  'IT',
  'Other',
] as const;
export type StakeholderTitle = (typeof STAKEHOLDER_TITLES)[number];

export type TaskId = '4017' | '3736' | '3720' | '3721' | '1141';

export interface FtopTask {
  id: TaskId;
  name: string;
  mandatory: boolean;
  owner: Role;
  /** The phase the task belongs to; 1141 is the Enable phase's, the bot only tracks its readiness. */
  phase: 'Initiate' | 'Enable';
  links: readonly LinkId[];
}

export const TASKS: readonly FtopTask[] = [
  {
    id: '4017',
    name: 'M365 Security Conversation',
    mandatory: true,
    owner: 'FM',
    phase: 'Initiate',
    links: ['securityConversationDeck'],
  },
  {
    id: '3736',
    name: 'Guidance for Choosing an Authentication Method',
    mandatory: true,
    owner: 'FE',
    phase: 'Initiate',
    links: ['chooseAuthMethod'],
  },
  {
    id: '3720',
    name: 'Identity and Device Security Best Practices Workshop',
    mandatory: true,
    owner: 'FE',
    phase: 'Initiate',
    links: ['deploySecurelyGuidance'],
  },
  {
    id: '3721',
    name: 'Identity and Device Security completed hand-off form work',
    mandatory: false,
    owner: 'SME',
    phase: 'Initiate',
    links: ['deploySecurelyGuidance'],
  },
  {
    id: '1141',
    name: 'Set Up Directory Synchronization (Azure AD Connect)',
    mandatory: true,
    owner: 'FE',
    phase: 'Enable',
    links: ['setUpDirSync'],
  },
];

export const STEPS = [
  {
    id: 'kickoff',
    title: 'Kickoff call completed',
    owner: 'FM',
    links: ['securityConversationDeck'],
  },
  {
    id: 'licensing',
    title: 'Prepare for the M365 Security Conversation',
    owner: 'FM',
    links: ['entraLicensing', 'servicePlans'],
  },
  {
    id: 'conversation',
    title: 'Schedule and deliver the M365 Security Conversation',
    owner: 'FM',
    links: ['securityConversationDeck'],
  },
  { id: 'identity', title: 'Prepare Identity', owner: 'FE', links: ['prepareDirSync'] },
  {
    id: 'workshop',
    title: 'Identity and Device Security',
    owner: 'FE',
    links: ['deploySecurelyGuidance', 'mfaAdoptionKit'],
  },
  { id: 'outputs', title: 'Key outputs', owner: 'FM', links: ['deploySecurelyGuidance'] },
  { id: 'nextSteps', title: 'Next steps', owner: 'FM', links: ['intune'] },
] as const satisfies readonly {
  id: string;
  title: string;
  owner: Role;
  links: readonly LinkId[];
}[];
export type StepId = (typeof STEPS)[number]['id'];

/** Agenda of the M365 Security Conversation (task 4017). */
export const AGENDA_TOPICS = [
  { id: 'importance', title: 'The importance of security' },
  { id: 'baseline', title: 'Why a security baseline should be established' },
  {
    id: 'deploySecurely',
    title: 'Why productivity and collaboration workloads should deploy securely',
  },
] as const;
export type AgendaTopicId = (typeof AGENDA_TOPICS)[number]['id'];

/** Areas a stakeholder rates their organisation's current knowledge of (playbook objective). */
export const SELF_ASSESSMENT_AREAS = [
  { id: 'identity', title: 'Identity security' },
  { id: 'device', title: 'Device security' },
  { id: 'information', title: 'Information security' },
] as const;
export type AssessmentArea = (typeof SELF_ASSESSMENT_AREAS)[number]['id'];
export const ASSESSMENT_LEVELS = ['new', 'basic', 'working', 'advanced'] as const;
export type AssessmentLevel = (typeof ASSESSMENT_LEVELS)[number];

/** Topics of the Identity and Device Security workshop (task 3720), from the second seed. */
export const WORKSHOP_TOPICS = [
  { id: 'mfa', title: 'Multi-factor authentication (MFA adoption kit)' },
  { id: 'ca', title: 'Conditional Access policies' },
  {
    id: 'saas',
    title: `Non-Microsoft SaaS apps for SSO: only apps in the ${NAMES.appGallery} are eligible`,
  },
  { id: 'devices', title: 'Identity, device and mobile app management' },
] as const;

/** What a feature needs from the licences, and where its guidance is. */
export interface FeatureSpec {
  readonly id: string;
  readonly title: string;
  readonly why: string;
  /** The capability the licences must include; none for what every tenant has. */
  readonly needs?: Capability;
  /** On the security-defaults path the feature comes with security defaults instead. */
  readonly bySecurityDefaults?: boolean;
  /** A part of the feature that needs more (risk-based policies need Entra ID P2). */
  readonly extra?: { readonly capability: Capability; readonly what: string };
  readonly links: readonly LinkId[];
  /** The guidance on the security-defaults path, when it differs. */
  readonly sdLinks?: readonly LinkId[];
}

export const FEATURES = [
  {
    id: 'mfaAllUsers',
    title: 'MFA for all users',
    why: 'Every customer should implement MFA for all end users, preferably by Conditional Access policy where licensed.',
    needs: 'entraP1',
    bySecurityDefaults: true,
    links: ['caAllUsersMfa', 'mfaAdoptionKit'],
    sdLinks: ['securityDefaults', 'mfaAdoptionKit'],
  },
  {
    id: 'conditionalAccess',
    title: 'Conditional Access policies',
    why: 'Conditional Access is how MFA and access rules are applied with precision.',
    needs: 'entraP1',
    extra: { capability: 'entraP2', what: 'risk-based policies' },
    links: ['caTemplates', 'caPlan', 'caRecommendations'],
  },
  {
    id: 'blockLegacyAuth',
    title: 'Block legacy authentication',
    why: 'Every customer should block legacy authentication protocols: a Conditional Access policy, or security defaults without Entra ID P1.',
    needs: 'entraP1',
    bySecurityDefaults: true,
    links: ['caBlockLegacy', 'blockLegacyAuth'],
    sdLinks: ['securityDefaults', 'blockLegacyAuth'],
  },
  {
    id: 'saasSso',
    title: `SSO and provisioning for non-Microsoft SaaS apps in the ${NAMES.appGallery}`,
    why: 'Gallery apps can be integrated with Microsoft Entra ID for SSO and automatic provisioning; assigning them to groups needs Entra ID P1.',
    links: ['saasTutorials', 'appGallery'],
  },
  {
    id: 'deviceManagement',
    title: 'Device management',
    why: 'A secure foundation includes managed devices.',
    needs: 'intune',
    links: ['intune'],
  },
  {
    id: 'mobileAppManagement',
    title: 'Mobile app management',
    why: 'Protect corporate data in mobile apps, managed device or not.',
    needs: 'intune',
    links: ['appProtection'],
  },
] as const satisfies readonly FeatureSpec[];
export type FeatureId = (typeof FEATURES)[number]['id'];

export const FEATURE_CHOICES = ['enable', 'planned', 'notPlanned'] as const;
export type FeatureChoice = (typeof FEATURE_CHOICES)[number];
export const FEATURE_CHOICE_LABELS: Record<FeatureChoice, string> = {
  enable: 'Enable now',
  planned: 'Planned',
  notPlanned: 'Not planned',
};

/**
 * Conditional Access policies the workshop tracks (gate G4 and the hand-off form). The policy for
 * administrators is Prepare Identity 4.6 on the CA path: it is recorded there, not here.
 */
export const CA_POLICIES = [
  { id: 'mfaAllUsers', title: 'Require MFA for all users', links: ['caAllUsersMfa'] },
  { id: 'blockLegacy', title: 'Block legacy authentication', links: ['caBlockLegacy'] },
  { id: 'admins', title: 'Require MFA for administrators', links: ['caAdminMfa'] },
] as const satisfies readonly { id: string; title: string; links: readonly LinkId[] }[];
export type CaPolicyId = (typeof CA_POLICIES)[number]['id'];
export const CA_POLICY_STATES = ['none', 'planned', 'created'] as const;
export type CaPolicyState = (typeof CA_POLICY_STATES)[number];

/** Next steps: follow-up meetings the FM schedules, and the phases the engagement moves on to. */
export const FOLLOW_UP_KINDS = [
  { id: 'bvd', title: 'Business value discovery' },
  { id: 'servicesWorkshop', title: 'Services workshop' },
  { id: 'securityWorkshop', title: 'Security workshop' },
  { id: 'technicalSme', title: 'Technical SME meeting' },
  { id: 'adoptionSme', title: 'Adoption SME meeting' },
  { id: 'deviceManagement', title: 'Discuss Device Management' },
] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number]['id'];

export const NEXT_PHASES = [
  'Conduct Technical Assessment',
  'Conduct Security Workshops',
  'Conduct Services Workshops',
] as const;

/** The seeds' next steps, in order, as the summary lists them. */
export const NEXT_STEPS = [
  {
    id: 'followUps',
    title:
      'The FM schedules follow-up meetings with the project team and stakeholders to close gaps (business value discovery, services workshops, technical and adoption SMEs)',
    links: ['securityConversationDeck'],
  },
  {
    id: 'deviceManagement',
    title: 'Discuss Device Management',
    links: ['intune', 'appProtection'],
  },
  {
    id: 'moveOn',
    title: `Once the key outputs are complete, move on to ${NEXT_PHASES.join(', ')}`,
    links: ['deploySecurelyGuidance'],
  },
] as const satisfies readonly { id: string; title: string; links: readonly LinkId[] }[];

/** What the FastTrack Center's support covers, as the FM records it when preparing the conversation. */
export const SUPPORT_AREAS = [
  { id: 'identity', title: 'Identity and access: Microsoft Entra ID, MFA, Conditional Access' },
  { id: 'devices', title: 'Device and mobile app management: Microsoft Intune' },
  { id: 'information', title: 'Information protection: Microsoft Purview Information Protection' },
  { id: 'cloudApps', title: 'Cloud app security: Microsoft Defender for Cloud Apps' },
  {
    id: 'workloads',
    title: 'Productivity and collaboration workloads: Exchange Online, SharePoint, OneDrive, Teams',
  },
] as const;
export type SupportAreaId = (typeof SUPPORT_AREAS)[number]['id'];

export function titleOf<T extends { readonly id: string; readonly title: string }>(
  list: readonly T[],
  id: string,
): string {
  return list.find((item) => item.id === id)?.title ?? id;
}
