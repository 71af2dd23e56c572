import type { CardName } from '../../door/card-names.js';
import { PATHS } from '../../playbook/licences.js';
import { POLICY_STATE_WORDS, readPath, TENANT_POLICIES } from '../../playbook/tenant-facts.js';
import type { PolicyFound, TenantFacts } from '../../playbook/tenant-read.js';
import { sayInstant } from '../../playbook/time.js';
import { byWhen, clip } from '../format.js';
import type { ViewContext } from './common.js';

function policyLine(title: string, found: PolicyFound | undefined): string {
  if (!found) return `• ${title}: no policy found by its conditions`;
  const excluded = found.excludedUsers ? `, ${found.excludedUsers} user(s) excluded` : '';
  const state = `${POLICY_STATE_WORDS[found.state]}${found.state === 'reportOnly' ? ' (not in force)' : ''}`;
  return `• ${title}: "${clip(found.name, 80)}", ${state}${excluded}`;
}

function factLines(f: TenantFacts & { askedBy: { byName: string } }, zone: string): string[] {
  const mfa =
    'unavailable' in f.mfa
      ? `MFA registration: not read (${clip(f.mfa.unavailable, 200)})`
      : `MFA registration: ${f.mfa.registered} of ${f.mfa.total} users registered, ${f.mfa.capable} capable${f.mfa.breakGlass ? ` (${f.mfa.breakGlass} break-glass account(s) left out)` : ''}`;
  return [
    `Read from the tenant at ${sayInstant(f.readAt, zone)} for ${f.askedBy.byName}.`,
    `Licences: ${clip(f.skus.join(', '), 300) || 'none in force'}: ${PATHS[readPath(f)].title}.`,
    `Security defaults: ${f.securityDefaults ? 'on' : 'off'}.`,
    ...TENANT_POLICIES.map(({ id, title }) => policyLine(title, f.policies[id])),
    mfa,
  ];
}

/**
 * The facts read from the customer's tenant, the Refresh button and the admin's consent link;
 * shown where reading is set up for the bot or facts were read.
 */
export function tenantView(ctx: ViewContext, card: CardName) {
  const { e, zone } = ctx;
  const link = ctx.req.consentLink ?? '';
  const tenant = e?.tenant;
  const canRefresh = !!link && ctx.can['tenant.refresh'];
  let lines: string[];
  if (tenant?.access.state === 'withdrawn')
    lines = [
      `Reading the tenant was withdrawn (found ${sayInstant(tenant.access.since, zone)}): the customer's admin revoked the bot's read-only permissions. The facts typed on the cards count again, each with who reported it.`,
    ];
  else if (tenant?.facts) lines = factLines(tenant.facts, zone);
  else
    lines = [
      "Not read yet. With the customer's admin consenting (read-only permissions, link below), the bot reads licences, security defaults, Conditional Access and MFA registration; until then the facts typed on the cards count, each with who reported it.",
    ];
  const asked = tenant?.facts?.askedBy;
  return {
    shown: !!link || !!tenant,
    card,
    lines: lines.map((text) => ({ text })),
    canRefresh,
    consentLink: canRefresh || ctx.shared ? link : '',
    askedText: asked ? `Last refresh asked by ${byWhen(asked, zone)}.` : '',
  };
}
