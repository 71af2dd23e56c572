import type { LinkId } from './links.js';
import { NAMES } from './names.js';

/**
 * What the customer's licences include, from Microsoft's "Product names and service plan
 * identifiers for licensing" (learn.microsoft.com/entra/identity/users/licensing-service-plan-reference):
 * a licence includes a capability when it carries the service plan named beside it.
 */
export const CAPABILITIES = {
  /** Service plan AAD_PREMIUM. Conditional Access needs it (learn.microsoft.com/entra/fundamentals/licensing). */
  entraP1: { title: 'Microsoft Entra ID P1', link: 'entraLicensing' },
  /** AAD_PREMIUM_P2: Identity Protection, which risk-based Conditional Access needs. */
  entraP2: { title: 'Microsoft Entra ID P2', link: 'entraLicensing' },
  /** INTUNE_A (not INTUNE_O365, the basic mobility of Office 365 plans). */
  intune: { title: 'Microsoft Intune', link: 'intuneLicensing' },
  /** ADALLOM_S_STANDALONE (not ADALLOM_S_O365, Office 365 Cloud App Security, nor the discovery-only plan). */
  defenderCloudApps: { title: 'Microsoft Defender for Cloud Apps', link: 'defenderCloudApps' },
  /** RMS_S_PREMIUM (Azure Information Protection P1) or MIP_S_CLP1 (Information Protection for Office 365). */
  purviewInformationProtection: {
    title: 'Microsoft Purview Information Protection',
    link: 'purviewInformationProtection',
  },
  /** Enterprise Mobility + Security, alone or inside Microsoft 365 E3/E5. */
  ems: { title: 'Enterprise Mobility + Security', link: 'servicePlans' },
} as const satisfies Record<string, { title: string; link: LinkId }>;
export type Capability = keyof typeof CAPABILITIES;

const ALL_BUT_EMS = [
  'entraP1',
  'entraP2',
  'intune',
  'defenderCloudApps',
  'purviewInformationProtection',
] as const;

/** Licences a customer may hold, each with what it includes (service plans as noted above). */
export const LICENCES = [
  {
    id: 'm365e3',
    title: 'Microsoft 365 E3',
    includes: ['entraP1', 'intune', 'purviewInformationProtection', 'ems'],
  },
  { id: 'm365e5', title: 'Microsoft 365 E5', includes: [...ALL_BUT_EMS, 'ems'] },
  {
    id: 'm365f3',
    title: 'Microsoft 365 F3',
    includes: ['entraP1', 'intune', 'purviewInformationProtection'],
  },
  {
    id: 'm365bp',
    title: 'Microsoft 365 Business Premium',
    includes: ['entraP1', 'intune', 'purviewInformationProtection'],
  },
  { id: 'm365bs', title: 'Microsoft 365 Business Standard', includes: [] },
  { id: 'o365e1', title: 'Office 365 E1', includes: [] },
  { id: 'o365e3', title: 'Office 365 E3', includes: ['purviewInformationProtection'] },
  { id: 'o365e5', title: 'Office 365 E5', includes: ['purviewInformationProtection'] },
  {
    id: 'emse3',
    title: 'Enterprise Mobility + Security E3',
    includes: ['entraP1', 'intune', 'purviewInformationProtection', 'ems'],
  },
  { id: 'emse5', title: 'Enterprise Mobility + Security E5', includes: [...ALL_BUT_EMS, 'ems'] },
  { id: 'aadp1', title: `${NAMES.entraP1}, standalone`, includes: ['entraP1'] },
  { id: 'aadp2', title: `${NAMES.entraP2}, standalone`, includes: ['entraP1', 'entraP2'] },
] as const satisfies readonly { id: string; title: string; includes: readonly Capability[] }[];
export type LicenceId = (typeof LICENCES)[number]['id'];

/** Security add-ons bought beside the licences. */
export const ADD_ONS = [
  { id: 'defenderO365', title: 'Microsoft Defender for Office 365', includes: [] },
  { id: 'defenderEndpoint', title: 'Microsoft Defender for Endpoint', includes: [] },
  { id: 'defenderIdentity', title: 'Microsoft Defender for Identity', includes: [] },
  { id: 'mcas', title: NAMES.defenderCloudApps, includes: ['defenderCloudApps'] },
  { id: 'intune', title: `${NAMES.intune}, standalone`, includes: ['intune'] },
  {
    id: 'aip',
    title: NAMES.purviewInformationProtection,
    includes: ['purviewInformationProtection'],
  },
] as const satisfies readonly { id: string; title: string; includes: readonly Capability[] }[];
export type AddOnId = (typeof ADD_ONS)[number]['id'];

type Row = {
  readonly id: string;
  readonly title: string;
  readonly includes: readonly Capability[];
};
const ROWS: readonly Row[] = [...LICENCES, ...ADD_ONS];

/** What the recorded licences and add-ons include together. */
export function capabilitiesOf(held: {
  licences: readonly string[];
  addOns: readonly string[];
}): Set<Capability> {
  const ids = new Set([...held.licences, ...held.addOns]);
  return new Set(ROWS.filter((row) => ids.has(row.id)).flatMap((row) => row.includes));
}

/** The licences and add-ons that include a capability, as a person reads the list. */
export function includedIn(capability: Capability): string {
  const titles = ROWS.filter((row) => row.includes.includes(capability)).map((row) => row.title);
  return titles.length <= 1
    ? (titles[0] ?? '')
    : `${titles.slice(0, -1).join(', ')} or ${titles.at(-1)}`;
}

/** "Microsoft Intune is not in the customer's licences: it comes with …". */
export function missingCapability(capability: Capability): string {
  return `${CAPABILITIES[capability].title} (included in ${includedIn(capability)})`;
}

/**
 * The two ways the identity foundation is built. Conditional Access needs Entra ID P1; Entra does
 * not allow security defaults and Conditional Access policies together.
 */
export const PATHS = {
  ca: {
    title: 'Conditional Access path',
    text: 'The licences include Microsoft Entra ID P1: the identity foundation is built with Conditional Access policies (block-all before synchronization, MFA for administrators and all users, legacy authentication blocked).',
  },
  securityDefaults: {
    title: 'Security defaults path',
    text: 'The licences do not include Microsoft Entra ID P1: the identity foundation is built with security defaults (MFA registration for everyone, MFA for administrators, legacy authentication blocked); Conditional Access policies are not available.',
  },
} as const;
export type PathId = keyof typeof PATHS;

/** The path the recorded licences take: CA with Entra ID P1, security defaults without it, none before licensing. */
export function pathFor(
  held: { licences: readonly string[]; addOns: readonly string[] } | undefined,
): PathId | undefined {
  if (!held) return undefined;
  return capabilitiesOf(held).has('entraP1') ? 'ca' : 'securityDefaults';
}

/** The refusal text of a Conditional Access choice on the security-defaults path. */
export const CA_NEEDS_P1 = `Conditional Access needs ${missingCapability('entraP1')}. The customer's licences take the security-defaults path (Entra does not allow security defaults and Conditional Access policies together); record the licences again once Entra ID P1 is bought.`;
