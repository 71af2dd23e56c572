import type { ActionOf } from '../actions.js';
import type { Engagement } from '../engagement.js';
import { capabilities, pathOf } from '../facts.js';
import { PATHS } from '../licences.js';
import { refuse } from '../refusal.js';
import { reopen } from '../reopen.js';
import {
  mfaRead,
  POLICY_STATE_WORDS,
  readAtText,
  readPath,
  TENANT_POLICIES,
} from '../tenant-facts.js';
import type { TenantFacts } from '../tenant-read.js';
import type { StepContext, StepResult } from './context.js';
import { undoneBy } from './licensing.js';

/** "Conditional Access path; security defaults off; …": short, as the history keeps it. */
function described(e: Engagement, f: TenantFacts): string {
  const policies = TENANT_POLICIES.map(({ id, short }) => {
    const found = f.policies[id];
    return `${short} ${found ? POLICY_STATE_WORDS[found.state] : 'not found'}`;
  }).join(', ');
  const m = mfaRead(e);
  const mfa = m
    ? `${m.registered} of ${m.total} users registered for MFA`
    : 'MFA registration not read';
  return `${PATHS[readPath(f)].title}; security defaults ${f.securityDefaults ? 'on' : 'off'}; Conditional Access: ${policies}; ${mfa}`;
}

/**
 * Facts read from the customer's tenant for the person who asked: the record keeps them with the
 * time of the read; a refused read after access was granted means the admin withdrew consent.
 */
export function recordTenantFacts(ctx: StepContext, a: ActionOf<'recordTenantFacts'>): StepResult {
  const { draft, stamp } = ctx;
  const access = draft.tenant?.access;
  if (!a.read.ok) {
    if (access?.state !== 'granted')
      return refuse(
        'invalid',
        `The customer's tenant cannot be read: ${a.read.denied} Until the customer's admin consents, the facts typed here count, marked with who reported them.`,
      );
    draft.tenant = { access: { state: 'withdrawn', since: a.read.at, checkedAt: a.read.at } };
    return {
      summary: `found that reading the customer's tenant is no longer allowed (${a.read.denied}); the facts typed here count again`,
    };
  }
  const { facts } = a.read;
  const before = pathOf(draft);
  const after = readPath(facts);
  const items =
    before && before !== after ? undoneBy(draft, after, new Set(facts.capabilities)) : [];
  const granted = access?.state === 'granted' ? access.since : facts.readAt;
  draft.tenant = {
    access: { state: 'granted', since: granted, checkedAt: facts.readAt },
    facts: { ...facts, askedBy: stamp },
  };
  // Choices the read licences no longer allow are reopened as when licences are typed.
  const choices = before === after ? undoneBy(draft, after, capabilities(draft)) : [];
  const reopened = reopen(draft, stamp, `the tenant's licences take the ${PATHS[after].title}`, [
    ...items,
    ...choices,
  ]);
  return {
    summary: `${readAtText(facts)}: ${described(draft, facts)}${reopened}`,
  };
}
