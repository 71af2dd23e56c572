import { STEPS, SUPPORT_AREAS, titleOf } from '../../playbook/catalog.js';
import { capabilities } from '../../playbook/facts.js';
import {
  ADD_ONS,
  CAPABILITIES,
  includedIn,
  LICENCES,
  type Capability,
} from '../../playbook/licences.js';
import { LIMITS } from '../../playbook/limits.js';
import { pathText } from '../../playbook/outputs.js';
import { byWhen, names } from '../format.js';
import type { View } from '../types.js';
import { typed } from '../text.js';
import { baseView, choices, nav, preparationFacts, type ViewContext } from './common.js';
import { linkButtons } from './guidance.js';

const SHOWN_CAPABILITIES: readonly Capability[] = [
  'entraP1',
  'entraP2',
  'intune',
  'defenderCloudApps',
  'purviewInformationProtection',
];

export function licensingView(ctx: ViewContext): View {
  const { e, zone } = ctx;
  const licensing = e?.licensing;
  const preparation = e?.preparation;
  const held = e ? capabilities(e) : new Set<Capability>();
  const facts = licensing
    ? [
        {
          title: 'Licences',
          value: names(
            licensing.licences.map((l) => titleOf(LICENCES, l)),
            20,
          ),
        },
        {
          title: 'Add-ons',
          value:
            names(
              licensing.addOns.map((a) => titleOf(ADD_ONS, a)),
              20,
            ) || 'none',
        },
        ...(licensing.emsNotDeployed
          ? [{ title: 'EMS', value: 'Owned but not deployed: an EMS re-engagement' }]
          : []),
        ...(licensing.notes ? [{ title: 'Notes', value: typed(licensing.notes, 3000) }] : []),
        { title: 'Recorded by', value: byWhen(licensing, zone) },
      ]
    : [];
  const prepared = preparation
    ? [
        ...preparationFacts(preparation, 500),
        { title: 'Recorded by', value: byWhen(preparation, zone) },
      ]
    : [];
  return {
    ...baseView(ctx, 'licensing', nav('agenda', 'status', 'roles')),
    recorded: !!licensing,
    facts,
    recommendation: e ? pathText(e) : '',
    capabilities: licensing
      ? SHOWN_CAPABILITIES.map((c) => ({
          title: CAPABILITIES[c].title,
          value: held.has(c) ? 'Included' : `Missing (in ${includedIn(c)})`,
        }))
      : [],
    licenceChoices: choices(LICENCES),
    addOnChoices: choices(ADD_ONS),
    licencesValue: licensing?.licences.join(',') ?? '',
    addOnsValue: licensing?.addOns.join(',') ?? '',
    notesValue: licensing?.notes ?? '',
    emsValue: licensing?.emsNotDeployed ? 'true' : 'false',
    notesMax: LIMITS.longText,
    formTitle: licensing ? 'Update licensing' : 'Record licensing',
    prepared: !!preparation,
    preparation: prepared,
    areaChoices: SUPPORT_AREAS.map((a) => ({ title: a.title, value: a.id })),
    businessValue: preparation?.businessRequirements ?? '',
    deploymentValue: preparation?.deploymentRequirements ?? '',
    areasValue: preparation?.supportAreas.join(',') ?? '',
    prepNoteValue: preparation?.supportNote ?? '',
    shortMax: LIMITS.shortText,
    prepareTitle: preparation ? 'Update the preparation' : 'Prepare the conversation',
    links: linkButtons([
      ...(STEPS.find((s) => s.id === 'licensing')?.links ?? []),
      'intuneLicensing',
    ]),
  };
}
