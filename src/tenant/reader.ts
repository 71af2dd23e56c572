import type { TenantSnapshot } from '../playbook/tenant-read.js';

/**
 * Reading a customer's tenant, as the application sees it: plain data in, plain data out.
 * Nothing of Microsoft Graph or its client passes this port.
 */
export interface TenantReader {
  /** Reads licences, security defaults, Conditional Access and MFA registration of one tenant. */
  read(tenantId: string): Promise<TenantReadResult>;
  /** The link that asks the tenant's admin to consent to the read-only permissions. */
  consentLink(tenantId: string): string;
}

export type TenantReadResult =
  | { ok: true; snapshot: TenantSnapshot }
  /**
   * `denied`: the tenant refuses the app (no consent, or consent withdrawn); `busy`: Graph
   * throttles or fails for now. The message says which, in words a person reads.
   */
  | { ok: false; kind: 'denied' | 'busy'; message: string };
