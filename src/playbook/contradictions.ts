import { FEATURES, titleOf, type FeatureId } from './catalog.js';
import type { Engagement } from './engagement.js';
import { blockAllInPlace, pathOf, securityDefaultsOn } from './facts.js';
import { dateIn, sayDate } from './time.js';

const notPlanned = (e: Engagement, id: FeatureId) =>
  e.workshop.decisions[id]?.choice === 'notPlanned';
const created = (e: Engagement, id: 'mfaAllUsers' | 'blockLegacy' | 'admins') =>
  e.workshop.caPolicies[id]?.state === 'created';

/**
 * Records that contradict each other, in words: what gate G5 waits on and the cards show. (A CA
 * policy set back below "created" after the block-all policy was removed is refused instead.)
 */
export function contradictions(e: Engagement, now: Date): string[] {
  const out: string[] = [];
  const path = pathOf(e);
  const sdOn = securityDefaultsOn(e);
  const title = (id: FeatureId) => `"${titleOf(FEATURES, id)}"`;
  if (notPlanned(e, 'mfaAllUsers')) {
    if (path === 'ca' && created(e, 'mfaAllUsers'))
      out.push(
        `${title('mfaAllUsers')} is not planned, yet the Conditional Access policy "Require MFA for all users" is created`,
      );
    if (sdOn)
      out.push(
        `${title('mfaAllUsers')} is not planned, yet security defaults are on (Prepare Identity 4.5), which require every user to register for MFA`,
      );
  }
  if (notPlanned(e, 'blockLegacyAuth')) {
    if (path === 'ca' && created(e, 'blockLegacy'))
      out.push(
        `${title('blockLegacyAuth')} is not planned, yet the Conditional Access policy "Block legacy authentication" is created`,
      );
    if (sdOn)
      out.push(
        `${title('blockLegacyAuth')} is not planned, yet security defaults are on (Prepare Identity 4.5), which block legacy authentication`,
      );
  }
  if (notPlanned(e, 'conditionalAccess') && path === 'ca') {
    const policies = (['mfaAllUsers', 'blockLegacy'] as const).some((id) => created(e, id));
    if (policies || blockAllInPlace(e) || e.identity.steps.mfaAdmins)
      out.push(
        `${title('conditionalAccess')} is not planned, yet Conditional Access policies are in place (Prepare Identity 4.5/4.6 or the workshop's policies)`,
      );
  }
  for (const f of FEATURES) {
    const d = e.workshop.decisions[f.id];
    if (d?.choice === 'planned' && d.targetDate && d.targetDate < dateIn(now, d.timeZone))
      out.push(
        `the target date of ${title(f.id)} (${sayDate(d.targetDate)}) has passed: decide it again`,
      );
  }
  return out;
}
