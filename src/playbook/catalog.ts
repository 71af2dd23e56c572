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
}

export const TASKS: readonly FtopTask[] = [
  {
    id: '4017',
    name: 'M365 Security Conversation',
    mandatory: true,
    owner: 'FM',
    phase: 'Initiate',
  },
  {
    id: '3736',
    name: 'Guidance for Choosing an Authentication Method',
    mandatory: true,
    owner: 'FE',
    phase: 'Initiate',
  },
  {
    id: '3720',
    name: 'Identity and Device Security Best Practices Workshop',
    mandatory: true,
    owner: 'FE',
    phase: 'Initiate',
  },
  {
    id: '3721',
    name: 'Identity and Device Security completed hand-off form work',
    mandatory: false,
    owner: 'SME',
    phase: 'Initiate',
  },
  {
    id: '1141',
    name: 'Set Up Directory Synchronization (Azure AD Connect)',
    mandatory: true,
    owner: 'FE',
    phase: 'Enable',
  },
];

export const STEPS = [
  { id: 'kickoff', title: 'Kickoff call completed', owner: 'FM' },
  { id: 'licensing', title: 'Prepare for the M365 Security Conversation', owner: 'FM' },
  { id: 'conversation', title: 'Schedule and deliver the M365 Security Conversation', owner: 'FM' },
  { id: 'identity', title: 'Prepare Identity', owner: 'FE' },
  { id: 'workshop', title: 'Identity and Device Security', owner: 'FE' },
  { id: 'outputs', title: 'Key outputs', owner: 'FM' },
  { id: 'nextSteps', title: 'Next steps', owner: 'FM' },
] as const satisfies readonly { id: string; title: string; owner: Role }[];
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

/** Prepare Identity, in the seed's order. Step 4.2 is the authentication method (task 3736). */
export const IDENTITY_STEPS = [
  {
    id: 'forests',
    n: '4.1',
    title: 'Existing forests identified and malformed UPNs cleaned up (IdFix)',
  },
  { id: 'authMethod', n: '4.2', title: 'Authentication method finalized (task 3736)' },
  { id: 'aadConnect', n: '4.3', title: 'AAD Connect configured, identities not synchronized' },
  { id: 'breakGlass', n: '4.4', title: 'Two cloud-only break-glass accounts created' },
  {
    id: 'blockAllCa',
    n: '4.5',
    title: 'Conditional Access policy blocking all access, break-glass accounts excluded',
  },
  { id: 'mfaAdmins', n: '4.6', title: 'Baseline policy "MFA for admins" enabled' },
] as const;
export type IdentityStepId = (typeof IDENTITY_STEPS)[number]['id'];
/** The steps recorded with the identity checklist (4.2 is recorded by finalizing the method). */
export type ChecklistStepId = Exclude<IdentityStepId, 'authMethod'>;
export const CHECKLIST_STEPS: readonly ChecklistStepId[] = [
  'forests',
  'aadConnect',
  'breakGlass',
  'blockAllCa',
  'mfaAdmins',
];

export const AUTH_METHODS = [
  { id: 'phs', title: 'Password hash synchronization' },
  { id: 'pta', title: 'Pass-through authentication' },
  { id: 'adfs', title: 'Federation with AD FS' },
  { id: 'thirdPartyFederation', title: 'Federation with a third-party identity provider' },
  { id: 'cloudOnly', title: 'Cloud-only identities' },
] as const;
export type AuthMethodId = (typeof AUTH_METHODS)[number]['id'];

/** Topics of the Identity and Device Security workshop (task 3720), from the second seed. */
export const WORKSHOP_TOPICS = [
  { id: 'mfa', title: 'Multi-factor authentication (MFA adoption kit)' },
  { id: 'ca', title: 'Conditional Access policies' },
  {
    id: 'saas',
    title: 'Non-Microsoft SaaS apps for SSO (only Azure AD gallery apps are eligible)',
  },
  { id: 'devices', title: 'Identity, device and mobile app management' },
] as const;

export const FEATURES = [
  {
    id: 'mfaAllUsers',
    title: 'MFA for all users',
    why: 'Every customer should implement MFA for all end users.',
  },
  {
    id: 'conditionalAccess',
    title: 'Conditional Access policies',
    why: 'Conditional Access is how MFA and access rules are applied with precision.',
  },
  {
    id: 'blockLegacyAuth',
    title: 'Block legacy authentication',
    why: 'Every customer should have a CA policy that blocks legacy authentication protocols.',
  },
  {
    id: 'saasSso',
    title: 'SSO and provisioning for non-Microsoft SaaS apps (Azure AD gallery)',
    why: 'Gallery apps can be integrated with Azure AD for SSO and automatic provisioning.',
  },
  {
    id: 'deviceManagement',
    title: 'Device management',
    why: 'A secure foundation includes managed devices.',
  },
  {
    id: 'mobileAppManagement',
    title: 'Mobile app management',
    why: 'Protect corporate data in mobile apps, managed device or not.',
  },
] as const;
export type FeatureId = (typeof FEATURES)[number]['id'];

export const FEATURE_CHOICES = ['enable', 'planned', 'notPlanned'] as const;
export type FeatureChoice = (typeof FEATURE_CHOICES)[number];
export const FEATURE_CHOICE_LABELS: Record<FeatureChoice, string> = {
  enable: 'Enable now',
  planned: 'Planned',
  notPlanned: 'Not planned',
};

/** Conditional Access policies the workshop tracks (gate G4 and the hand-off form). */
export const CA_POLICIES = [
  { id: 'mfaAllUsers', title: 'Require MFA for all users' },
  { id: 'blockLegacy', title: 'Block legacy authentication' },
  { id: 'admins', title: 'Require MFA for administrators' },
] as const;
export type CaPolicyId = (typeof CA_POLICIES)[number]['id'];
export const CA_POLICY_STATES = ['none', 'planned', 'created'] as const;
export type CaPolicyState = (typeof CA_POLICY_STATES)[number];

export const LICENCES = [
  { id: 'm365e3', title: 'Microsoft 365 E3', aadP1: true },
  { id: 'm365e5', title: 'Microsoft 365 E5', aadP1: true },
  { id: 'm365bp', title: 'Microsoft 365 Business Premium', aadP1: true },
  { id: 'm365bs', title: 'Microsoft 365 Business Standard', aadP1: false },
  { id: 'o365e1', title: 'Office 365 E1', aadP1: false },
  { id: 'o365e3', title: 'Office 365 E3', aadP1: false },
  { id: 'o365e5', title: 'Office 365 E5', aadP1: false },
  { id: 'emse3', title: 'EMS E3', aadP1: true },
  { id: 'emse5', title: 'EMS E5', aadP1: true },
  { id: 'aadp1', title: 'Azure AD Premium P1', aadP1: true },
  { id: 'aadp2', title: 'Azure AD Premium P2', aadP1: true },
] as const;
export type LicenceId = (typeof LICENCES)[number]['id'];

export const ADD_ONS = [
  { id: 'defenderO365', title: 'Microsoft Defender for Office 365' },
  { id: 'defenderEndpoint', title: 'Microsoft Defender for Endpoint' },
  { id: 'defenderIdentity', title: 'Microsoft Defender for Identity' },
  { id: 'mcas', title: 'Microsoft Cloud App Security' },
  { id: 'intune', title: 'Microsoft Intune (standalone)' },
  { id: 'aip', title: 'Azure Information Protection' },
] as const;
export type AddOnId = (typeof ADD_ONS)[number]['id'];

/** Next steps: follow-up meetings the FM schedules, and the phases the engagement moves on to. */
export const FOLLOW_UP_KINDS = [
  { id: 'bvd', title: 'Business value discovery' },
  { id: 'servicesWorkshop', title: 'Services workshop' },
  { id: 'securityWorkshop', title: 'Security workshop' },
  { id: 'technicalSme', title: 'Technical SME meeting' },
  { id: 'adoptionSme', title: 'Adoption SME meeting' },
] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number]['id'];

export const NEXT_PHASES = [
  'Conduct Technical Assessment',
  'Conduct Security Workshops',
  'Conduct Services Workshops',
] as const;

export function titleOf<T extends { readonly id: string; readonly title: string }>(
  list: readonly T[],
  id: string,
): string {
  return list.find((item) => item.id === id)?.title ?? id;
}
