/**
 * Microsoft's current product names, with the name the playbook uses in parentheses where people
 * who know the playbook will look for it. FTOP task names are kept verbatim elsewhere (task 1141
 * still says "Azure AD Connect").
 */
export const NAMES = {
  entraId: 'Microsoft Entra ID (Azure AD)',
  entraConnect: 'Microsoft Entra Connect Sync (AAD Connect)',
  appGallery: 'Microsoft Entra app gallery (Azure AD gallery)',
  defenderCloudApps: 'Microsoft Defender for Cloud Apps (Cloud App Security)',
  purviewInformationProtection:
    'Microsoft Purview Information Protection (Azure Information Protection)',
  entraP1: 'Microsoft Entra ID P1 (Azure AD Premium P1)',
  entraP2: 'Microsoft Entra ID P2 (Azure AD Premium P2)',
  intune: 'Microsoft Intune',
} as const;

/** Names the playbook used that Microsoft retired, each with the current name that replaced it. */
export const RETIRED_NAMES: readonly { old: string; current: string }[] = [
  { old: 'Azure AD Premium P1', current: 'Microsoft Entra ID P1' },
  { old: 'Azure AD Premium P2', current: 'Microsoft Entra ID P2' },
  { old: 'AAD Connect', current: 'Microsoft Entra Connect Sync' },
  { old: 'Azure AD gallery', current: 'Microsoft Entra app gallery' },
  { old: 'Cloud App Security', current: 'Microsoft Defender for Cloud Apps' },
  { old: 'Azure Information Protection', current: 'Microsoft Purview Information Protection' },
  { old: 'Azure AD', current: 'Microsoft Entra ID' },
  { old: 'MFA for admins', current: 'Require MFA for administrators' },
];
