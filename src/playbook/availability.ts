import { FEATURES, titleOf, type FeatureChoice, type FeatureId } from './catalog.js';
import type { Engagement } from './engagement.js';
import { capabilities, pathOf } from './facts.js';
import {
  CA_NEEDS_P1,
  CAPABILITIES,
  missingCapability,
  type Capability,
  type PathId,
} from './licences.js';
import { linksOf, type Link } from './links.js';

/** Whether the customer's licences include a feature, in words a card shows. */
export interface Availability {
  state: 'included' | 'missing' | 'unknown';
  text: string;
}

const feature = (id: FeatureId) => FEATURES.find((f) => f.id === id) ?? FEATURES[0];

export function availability(e: Engagement, id: FeatureId): Availability {
  const f = feature(id);
  const caps = capabilities(e);
  const path = pathOf(e);
  const extra =
    'extra' in f
      ? `; ${f.extra.what} need ${CAPABILITIES[f.extra.capability].title} (${caps.has(f.extra.capability) ? 'included' : 'missing'})`
      : '';
  if (!('needs' in f))
    return { state: 'included', text: 'Included: every Microsoft Entra ID tenant has it' };
  if (!path) return { state: 'unknown', text: 'Depends on the licences, not recorded yet' };
  if (caps.has(f.needs))
    return {
      state: 'included',
      text: `Included in the customer's licences (${CAPABILITIES[f.needs].title})${extra}`,
    };
  if (path === 'securityDefaults' && 'bySecurityDefaults' in f)
    return {
      state: 'included',
      text: 'Included by security defaults (Conditional Access needs Microsoft Entra ID P1, missing)',
    };
  return { state: 'missing', text: `Needs ${missingCapability(f.needs)}: missing` };
}

/** The guidance for a feature on the engagement's path. */
export function featureLinks(e: Engagement, id: FeatureId): Link[] {
  const f = feature(id);
  return linksOf(pathOf(e) === 'securityDefaults' && 'sdLinks' in f ? f.sdLinks : f.links);
}

/**
 * Why the licences do not allow this choice, or undefined when they do. Conditional Access choices
 * need Entra ID P1 (never on the security-defaults path); enabling a feature now needs what it
 * needs; planning it does not (the customer may buy it); not planned is always allowed.
 */
export function choiceRefusal(
  path: PathId | undefined,
  caps: Set<Capability>,
  id: FeatureId,
  choice: FeatureChoice,
): string | undefined {
  const f = feature(id);
  if (choice === 'notPlanned' || !('needs' in f) || caps.has(f.needs)) return undefined;
  const covered = 'bySecurityDefaults' in f;
  if (!path)
    return covered
      ? undefined
      : `Whether "${f.title}" is included depends on the customer's licences: the FastTrack Manager records them first (or choose not planned).`;
  if (path === 'securityDefaults' && covered) return undefined;
  if (f.needs === 'entraP1') return CA_NEEDS_P1;
  if (choice === 'planned') return undefined;
  return `"${titleOf(FEATURES, id)}" cannot be enabled now: it needs ${missingCapability(f.needs)}. Choose planned with a target date for when it is bought, or not planned.`;
}
