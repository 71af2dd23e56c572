import { ADD_ONS, LICENCES, titleOf } from '../../playbook/catalog.js';
import { LIMITS } from '../../playbook/limits.js';
import { mfaRecommendation } from '../../playbook/outputs.js';
import { byWhen, names } from '../format.js';
import type { View } from '../types.js';
import { baseView, choices, nav, type ViewContext } from './common.js';
import { typed } from '../text.js';

export function licensingView(ctx: ViewContext): View {
  const { e, zone } = ctx;
  const licensing = e?.licensing;
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
        ...(licensing.notes ? [{ title: 'Notes', value: typed(licensing.notes, 3000) }] : []),
        { title: 'Recorded by', value: byWhen(licensing, zone) },
      ]
    : [];
  return {
    ...baseView(ctx, 'licensing', nav('agenda', 'status', 'roles')),
    recorded: !!licensing,
    facts,
    recommendation: e ? mfaRecommendation(e) : '',
    licenceChoices: choices(LICENCES),
    addOnChoices: choices(ADD_ONS),
    licencesValue: licensing?.licences.join(',') ?? '',
    addOnsValue: licensing?.addOns.join(',') ?? '',
    notesValue: licensing?.notes ?? '',
    notesMax: LIMITS.longText,
    formTitle: licensing ? 'Update licensing' : 'Record licensing',
  };
}
