import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Role } from '../playbook/catalog.js';
import { EXPORT_ROLES } from '../playbook/permissions.js';

/** The documents a FastTrack manager or engineer takes away, and their formats. */
export const DOCUMENTS = ['summary', 'handoff'] as const;
export type DocumentName = (typeof DOCUMENTS)[number];
export const FORMATS = ['md', 'html'] as const;
export type DocumentFormat = (typeof FORMATS)[number];

/** The roles that may take the documents away (the playbook's rule). */
export const DOCUMENT_ROLES: readonly Role[] = EXPORT_ROLES;

/** How long a download link works. */
export const LINK_LIFETIME_MS = 15 * 60_000;

/** What a download link grants: one document of one engagement, to one person in one role, until `expires`. */
export interface Grant {
  engagementId: string;
  document: DocumentName;
  format: DocumentFormat;
  personId: string;
  role: Role;
  /** Epoch seconds. */
  expires: number;
}

const ENGAGEMENT_ID = /^eng-[0-9a-f]{32}$/;
const PERSON_ID = /^[0-9A-Za-z-]{1,64}$/;

/**
 * Signs and checks download links with HMAC-SHA256. The key is never used as given: a key for
 * this one purpose is derived from it, so a key shared with another use (App Service's) signs
 * nothing else. A link carries only ids, the expiry and the signature.
 */
export class LinkSigner {
  private readonly key: Buffer;

  constructor(secret: string | Buffer) {
    this.key = createHmac('sha256', secret).update('deploy-securely/download-links/v1').digest();
  }

  private signature(g: Grant): Buffer {
    const text = [g.engagementId, g.document, g.format, g.personId, g.role, g.expires].join('\n');
    return createHmac('sha256', this.key).update(text).digest();
  }

  /** The link's path and query, to put after the bot's public address. */
  path(g: Grant): string {
    const query = new URLSearchParams({
      by: g.personId,
      role: g.role,
      exp: String(g.expires),
      sig: this.signature(g).toString('base64url'),
    });
    return `/documents/${g.engagementId}/${g.document}.${g.format}?${query.toString()}`;
  }

  /**
   * The grant a request's path and query carry, or why not: 'invalid' (not a link of ours, or
   * altered) or 'expired'. Expiry is checked after the signature, so an altered expiry is invalid.
   */
  check(
    path: string,
    query: URLSearchParams,
    now: Date,
  ): { ok: true; grant: Grant } | { ok: false; why: 'invalid' | 'expired' } {
    const match = /^\/documents\/([^/]+)\/([a-z]+)\.([a-z]+)$/.exec(path);
    const [, engagementId = '', document = '', format = ''] = match ?? [];
    const personId = query.get('by') ?? '';
    const role = query.get('role') ?? '';
    const expires = Number(query.get('exp'));
    const sig = Buffer.from(query.get('sig') ?? '', 'base64url');
    if (
      !ENGAGEMENT_ID.test(engagementId) ||
      !(DOCUMENTS as readonly string[]).includes(document) ||
      !(FORMATS as readonly string[]).includes(format) ||
      !PERSON_ID.test(personId) ||
      !(DOCUMENT_ROLES as readonly string[]).includes(role) ||
      !Number.isSafeInteger(expires)
    )
      return { ok: false, why: 'invalid' };
    const grant = {
      engagementId,
      document: document as DocumentName,
      format: format as DocumentFormat,
      personId,
      role: role as Role,
      expires,
    };
    const expected = this.signature(grant);
    if (sig.length !== expected.length || !timingSafeEqual(sig, expected))
      return { ok: false, why: 'invalid' };
    if (expires * 1000 <= now.getTime()) return { ok: false, why: 'expired' };
    return { ok: true, grant };
  }
}
