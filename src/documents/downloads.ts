import type { Engagement } from '../playbook/engagement.js';
import { toHtml, toMarkdown, type FiledDocument } from './document.js';
import { handoffDocument } from './handoff.js';
import {
  DOCUMENT_ROLES,
  LINK_LIFETIME_MS,
  type DocumentFormat,
  type DocumentName,
  type LinkSigner,
} from './links.js';
import { summaryDocument } from './summary.js';

export interface DownloadsDeps {
  signer: LinkSigner;
  /** The bot's address as people reach it (no trailing slash); undefined: links cannot be made. */
  baseUrl: () => string | undefined;
  /** The engagement by id, as stored now. */
  load: (engagementId: string) => Promise<Engagement | undefined>;
  clock: () => Date;
}

/** A document link for a card button. */
export interface DocumentLink {
  title: string;
  url: string;
}

/** What GET /documents/… answers: a document to save, or a line saying why not. */
export interface DownloadReply {
  status: number;
  contentType: string;
  /** Set for a document: the name it is saved under. */
  filename?: string;
  body: string;
}

const TITLES: Record<DocumentName, string> = { summary: 'Summary', handoff: 'Hand-off' };
const FORMAT_TITLES: Record<DocumentFormat, string> = { md: 'Markdown', html: 'web page' };
const CONTENT_TYPES: Record<DocumentFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

const AGAIN = 'Press Export on the summary card in the engagement chat for a new link.';

function refused(status: number, text: string): DownloadReply {
  return { status, contentType: 'text/plain; charset=utf-8', body: `${text}\n` };
}

function documentOf(name: DocumentName, e: Engagement, now: Date): FiledDocument | undefined {
  return name === 'summary' ? summaryDocument(e, now) : handoffDocument(e, now);
}

/** "deploy-securely-contoso-ltd-summary.md": ASCII, whatever the customer is called. */
function filenameOf(e: Engagement, name: DocumentName, format: DocumentFormat): string {
  const slug = e.customer
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `deploy-securely-${slug || 'engagement'}-${name}.${format}`;
}

/**
 * The documents a FastTrack manager or engineer files: short-lived signed links made for them
 * (bound to the engagement, the person and their role), and the answer to such a link. A link
 * works only while the person still holds that role in that engagement.
 */
export class Downloads {
  constructor(private readonly deps: DownloadsDeps) {}

  /** The person's links, or why they get none. */
  links(
    e: Engagement,
    personId: string,
  ): { ok: true; links: DocumentLink[]; expires: Date } | { ok: false; why: string } {
    const role = e.people[personId]?.role;
    if (!role || !DOCUMENT_ROLES.includes(role))
      return {
        ok: false,
        why: 'Only the FastTrack Manager or the FastTrack Engineer can take the documents away. Nothing was changed.',
      };
    const base = this.deps.baseUrl();
    if (!base)
      return {
        ok: false,
        why: 'Downloads are not set up on this bot: its operator sets PUBLIC_URL to the address people reach it at.',
      };
    const expires = new Date(this.deps.clock().getTime() + LINK_LIFETIME_MS);
    const names: DocumentName[] = e.handoff.length ? ['summary', 'handoff'] : ['summary'];
    const links = names.flatMap((document) =>
      (['html', 'md'] as const).map((format) => ({
        title: `${TITLES[document]} (${FORMAT_TITLES[format]})`,
        url:
          base +
          this.deps.signer.path({
            engagementId: e.engagementId,
            document,
            format,
            personId,
            role,
            expires: Math.floor(expires.getTime() / 1000),
          }),
      })),
    );
    return { ok: true, links, expires };
  }

  /** The answer to GET `path`?`query`: the document, or a refusal a person can read. */
  async serve(path: string, query: URLSearchParams): Promise<DownloadReply> {
    const now = this.deps.clock();
    const checked = this.deps.signer.check(path, query, now);
    if (!checked.ok)
      return checked.why === 'expired'
        ? refused(410, `This download link has expired: links work for 15 minutes. ${AGAIN}`)
        : refused(403, `This is not a valid download link. ${AGAIN}`);
    const { grant } = checked;
    const e = await this.deps.load(grant.engagementId);
    if (!e) return refused(404, 'This engagement is no longer kept.');
    if (e.people[grant.personId]?.role !== grant.role)
      return refused(403, 'You no longer hold the role this link was made for.');
    const doc = documentOf(grant.document, e, now);
    if (!doc) return refused(404, 'No hand-off form has been submitted in this engagement yet.');
    return {
      status: 200,
      contentType: CONTENT_TYPES[grant.format],
      filename: filenameOf(e, grant.document, grant.format),
      body: grant.format === 'md' ? toMarkdown(doc) : toHtml(doc),
    };
  }
}
