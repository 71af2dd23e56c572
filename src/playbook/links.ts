/**
 * Microsoft's guidance the playbook points people to, by id. Every URL is an official Microsoft
 * page: Microsoft Learn where the seeds' docs.microsoft.com pages now live, and the seeds' own
 * aka.ms / go.microsoft.com links for FastTrack resources that have no public page.
 */
export const LINKS = {
  securityConversationDeck: {
    title: 'M365 Security Conversation deck',
    url: 'https://aka.ms/frp-sandcconversation',
  },
  deploySecurelyGuidance: {
    title: 'Identity and Device Security Guidance',
    url: 'https://aka.ms/FRPDeploySecurelyGuidance',
  },
  emsBusinessValueDeck: { title: 'EMS Business Value Deck', url: 'https://aka.ms/AA54548' },
  entraLicensing: {
    title: 'Microsoft Entra licensing',
    url: 'https://learn.microsoft.com/entra/fundamentals/licensing',
  },
  servicePlans: {
    title: 'Product names and service plans',
    url: 'https://learn.microsoft.com/entra/identity/users/licensing-service-plan-reference',
  },
  intuneLicensing: {
    title: 'Microsoft Intune licensing',
    url: 'https://learn.microsoft.com/mem/intune/fundamentals/licenses',
  },
  prepareDirSync: {
    title: 'Prepare for directory synchronization (IdFix)',
    url: 'https://learn.microsoft.com/microsoft-365/enterprise/prepare-for-directory-synchronization',
  },
  chooseAuthMethod: {
    title: 'Choose an authentication method',
    url: 'https://learn.microsoft.com/entra/identity/hybrid/connect/choose-ad-authn',
  },
  passwordHashSync: {
    title: 'Password hash synchronization',
    url: 'https://learn.microsoft.com/entra/identity/hybrid/connect/whatis-phs',
  },
  passThroughAuth: {
    title: 'Pass-through authentication',
    url: 'https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-pta',
  },
  federation: {
    title: 'Federation',
    url: 'https://learn.microsoft.com/entra/identity/hybrid/connect/whatis-fed',
  },
  setUpDirSync: {
    title: 'Set up directory synchronization',
    url: 'https://learn.microsoft.com/microsoft-365/enterprise/set-up-directory-synchronization',
  },
  connectPrerequisites: {
    title: 'Entra Connect Sync prerequisites',
    url: 'https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-install-prerequisites',
  },
  emergencyAccess: {
    title: 'Emergency access (break-glass) accounts',
    url: 'https://learn.microsoft.com/entra/identity/role-based-access-control/security-emergency-access',
  },
  caBlockAccess: {
    title: 'Conditional Access: block access',
    url: 'https://learn.microsoft.com/entra/identity/conditional-access/howto-conditional-access-policy-block-access',
  },
  caAdminMfa: {
    title: 'Require MFA for administrators',
    url: 'https://learn.microsoft.com/entra/identity/conditional-access/howto-conditional-access-policy-admin-mfa',
  },
  caAllUsersMfa: {
    title: 'Require MFA for all users',
    url: 'https://learn.microsoft.com/entra/identity/conditional-access/howto-conditional-access-policy-all-users-mfa',
  },
  caBlockLegacy: {
    title: 'Block legacy authentication (policy)',
    url: 'https://learn.microsoft.com/entra/identity/conditional-access/howto-conditional-access-policy-block-legacy',
  },
  blockLegacyAuth: {
    title: 'Why block legacy authentication',
    url: 'https://learn.microsoft.com/entra/identity/conditional-access/block-legacy-authentication',
  },
  caTemplates: {
    title: 'Conditional Access templates',
    url: 'https://learn.microsoft.com/entra/identity/conditional-access/concept-conditional-access-policy-common',
  },
  caPlan: {
    title: 'Plan a Conditional Access deployment',
    url: 'https://learn.microsoft.com/entra/identity/conditional-access/plan-conditional-access',
  },
  caRecommendations: {
    title: 'Microsoft recommendations for Conditional Access',
    url: 'https://aka.ms/m365goldenconfig',
  },
  securityDefaults: {
    title: 'Security defaults',
    url: 'https://learn.microsoft.com/entra/fundamentals/security-defaults',
  },
  mfaAdoptionKit: { title: 'MFA adoption kit', url: 'https://aka.ms/mfatemplates' },
  saasTutorials: {
    title: 'SaaS app integration tutorials',
    url: 'https://learn.microsoft.com/entra/identity/saas-apps/tutorial-list',
  },
  appGallery: {
    title: 'Microsoft Entra app gallery',
    url: 'https://learn.microsoft.com/entra/identity/enterprise-apps/overview-application-gallery',
  },
  intune: {
    title: 'What is Microsoft Intune',
    url: 'https://learn.microsoft.com/mem/intune/fundamentals/what-is-intune',
  },
  appProtection: {
    title: 'Intune app protection policies',
    url: 'https://learn.microsoft.com/mem/intune/apps/app-protection-policy',
  },
  defenderCloudApps: {
    title: 'Microsoft Defender for Cloud Apps',
    url: 'https://learn.microsoft.com/defender-cloud-apps/what-is-defender-for-cloud-apps',
  },
  purviewInformationProtection: {
    title: 'Microsoft Purview Information Protection',
    url: 'https://learn.microsoft.com/purview/information-protection',
  },
} as const satisfies Record<string, { title: string; url: string }>;

export type LinkId = keyof typeof LINKS;
export interface Link {
  title: string;
  url: string;
}

/** The links of a list of ids, in order, without repeats. */
export function linksOf(ids: readonly LinkId[]): Link[] {
  return [...new Set(ids)].map((id) => ({ title: LINKS[id].title, url: LINKS[id].url }));
}
