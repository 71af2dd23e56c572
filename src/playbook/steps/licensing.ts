import type { ActionOf } from '../actions.js';
import { choiceRefusal } from '../availability.js';
import {
  CA_POLICIES,
  FEATURE_CHOICE_LABELS,
  FEATURES,
  PATH_STEPS,
  SUPPORT_AREAS,
} from '../catalog.js';
import type { Engagement } from '../engagement.js';
import { identityStepLabel, pathOf } from '../facts.js';
import {
  ADD_ONS,
  capabilitiesOf,
  includedIn,
  LICENCES,
  PATHS,
  pathFor,
  type Capability,
  type PathId,
} from '../licences.js';
import { LIMITS } from '../limits.js';
import { refuse } from '../refusal.js';
import { reopen, type ToReopen } from '../reopen.js';
import { titleOf } from '../catalog.js';
import type { StepContext, StepResult } from './context.js';
import { tooLong } from './text.js';

/** What new licences take back: the path's steps when the path changes, and choices they no longer allow. */
export function undoneBy(
  e: Engagement,
  after: PathId | undefined,
  caps: Set<Capability>,
): ToReopen[] {
  const before = pathOf(e);
  const items: ToReopen[] = [];
  if (before && before !== after) {
    for (const id of PATH_STEPS) {
      const done = e.identity.steps[id];
      if (done)
        items.push({
          what: identityStepLabel(e, id),
          was: done,
          ...(done.note ? { detail: done.note } : {}),
          undo: (d) => delete d.identity.steps[id],
        });
    }
    const { syncReady } = e.identity;
    if (syncReady)
      items.push({
        what: 'identity synchronization (task 1141) ready',
        was: syncReady,
        undo: (d) => delete d.identity.syncReady,
      });
    const removed = e.workshop.blockAllRemoved;
    if (removed)
      items.push({
        what: 'the block-all Conditional Access policy removed',
        was: removed,
        undo: (d) => delete d.workshop.blockAllRemoved,
      });
    for (const p of CA_POLICIES) {
      const record = e.workshop.caPolicies[p.id];
      if (record)
        items.push({
          what: `the Conditional Access policy "${p.title}" (${record.state})`,
          was: record,
          undo: (d) => delete d.workshop.caPolicies[p.id],
        });
    }
  }
  for (const f of FEATURES) {
    const d = e.workshop.decisions[f.id];
    if (d && choiceRefusal(after, caps, f.id, d.choice))
      items.push({
        what: `the decision on "${f.title}" (${FEATURE_CHOICE_LABELS[d.choice].toLowerCase()})`,
        was: d,
        undo: (draft) => delete draft.workshop.decisions[f.id],
      });
  }
  return items;
}

export function recordLicensing(ctx: StepContext, a: ActionOf<'recordLicensing'>): StepResult {
  if (a.licences.length === 0) {
    return refuse('invalid', 'Choose at least one licence the customer has.');
  }
  const long = tooLong('notes', a.notes, LIMITS.longText);
  if (long) return long;
  const held = { licences: [...new Set(a.licences)], addOns: [...new Set(a.addOns)] };
  if (a.emsNotDeployed && !capabilitiesOf(held).has('ems'))
    return refuse(
      'invalid',
      `An EMS re-engagement needs Enterprise Mobility + Security in the licences (${includedIn('ems')}).`,
    );
  const path = pathFor(held);
  const reopened = reopen(
    ctx.draft,
    ctx.stamp,
    `the licences changed: ${path ? PATHS[path].title : ''}`,
    undoneBy(ctx.draft, pathFor(held), capabilitiesOf(held)),
  );
  ctx.draft.licensing = {
    ...ctx.stamp,
    ...held,
    notes: a.notes.trim(),
    ...(a.emsNotDeployed ? { emsNotDeployed: true } : {}),
  };
  const names = held.licences.map((l) => titleOf(LICENCES, l));
  const addOns = held.addOns.map((l) => titleOf(ADD_ONS, l));
  const ems = a.emsNotDeployed ? '; EMS owned but not deployed (EMS re-engagement)' : '';
  return {
    summary: `recorded licences: ${names.join(', ')}${addOns.length ? `; add-ons: ${addOns.join(', ')}` : ''}${ems}; ${path ? PATHS[path].title : ''}${reopened}`,
  };
}

export function recordPreparation(ctx: StepContext, a: ActionOf<'recordPreparation'>): StepResult {
  const texts: [string, string][] = [
    ['business requirements', a.businessRequirements],
    ['deployment requirements', a.deploymentRequirements],
    ['note on what FastTrack covers', a.supportNote],
  ];
  for (const [field, text] of texts) {
    const long = tooLong(field, text, LIMITS.shortText);
    if (long) return long;
  }
  const business = a.businessRequirements.trim();
  const deployment = a.deploymentRequirements.trim();
  if (!business && !deployment)
    return refuse('invalid', "Say what the customer's business or deployment requirements are.");
  const areas = SUPPORT_AREAS.map((s) => s.id).filter((id) => a.supportAreas.includes(id));
  ctx.draft.preparation = {
    ...ctx.stamp,
    businessRequirements: business,
    deploymentRequirements: deployment,
    supportAreas: areas,
    supportNote: a.supportNote.trim(),
  };
  return {
    summary: `prepared the M365 Security Conversation: the customer's requirements and what FastTrack covers (${areas.length} area(s))`,
  };
}
