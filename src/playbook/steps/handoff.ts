import type { ActionOf } from '../actions.js';
import { NEXT_PHASES } from '../catalog.js';
import type { CaPolicyId, FeatureId } from '../catalog.js';
import { decided, type Engagement, type HandoffForm, type HandoffSnapshot } from '../engagement.js';
import { pathOf } from '../facts.js';
import { gateRefusal } from '../gates.js';
import { LIMITS } from '../limits.js';
import { refuse, type Refusal } from '../refusal.js';
import { mfaRead, readCaState, tenantFacts } from '../tenant-facts.js';
import type { StepContext, StepResult } from './context.js';
import { tooLong } from './text.js';

function checkForm(form: HandoffForm): Refusal | undefined {
  const texts: [string, string][] = [
    ['authentication rationale', form.authRationale],
    ['device management plan', form.devicePlan],
    ['mobile app management plan', form.mobileAppPlan],
    ['risks and blockers', form.risks],
    ['notes for the next engineer', form.notes],
  ];
  for (const [field, text] of texts) {
    const long = tooLong(field, text, LIMITS.longText);
    if (long) return long;
  }
  if (form.saasApps.length > LIMITS.saasApps) {
    return refuse('invalid', `List at most ${LIMITS.saasApps} SaaS apps.`);
  }
  for (const app of form.saasApps) {
    const long = tooLong(`SaaS app name "${app.name.slice(0, 40)}"`, app.name, LIMITS.name);
    if (long) return long;
  }
  const unknown = form.recommendedWorkshops.find(
    (w) => !(NEXT_PHASES as readonly string[]).includes(w),
  );
  if (unknown) return refuse('invalid', `"${unknown}" is not one of the next workshops.`);
  return undefined;
}

/** The engagement's facts the form is pre-filled from, as they stand at submission. */
export function snapshot(e: Engagement): HandoffSnapshot {
  const auth = e.identity.authMethod;
  const { steps } = e.identity;
  const decisions: HandoffSnapshot['decisions'] = {};
  for (const [id, d] of Object.entries(e.workshop.decisions)) {
    if (!d) continue;
    decisions[id as FeatureId] = decided(d);
  }
  const path = pathOf(e);
  const caPolicies: HandoffSnapshot['caPolicies'] = {};
  if (path === 'ca') {
    for (const [id, p] of Object.entries(e.workshop.caPolicies)) {
      if (p) caPolicies[id as CaPolicyId] = p.state;
    }
    // The policy for administrators is Prepare Identity 4.6 on this path.
    caPolicies.admins = steps.mfaAdmins ? 'created' : 'none';
    // Where the tenant was read, its policies say what is in place.
    for (const id of ['mfaAllUsers', 'blockLegacy', 'admins'] as const) {
      const read = readCaState(e, id);
      if (read) caPolicies[id] = read;
    }
  }
  const mfa = mfaRead(e) ?? e.workshop.mfaRegistration;
  const read = tenantFacts(e);
  return {
    customer: e.customer,
    tenantId: e.tenantId,
    ...(path
      ? { path, mfaApproach: path === 'ca' ? ('caPolicy' as const) : ('securityDefaults' as const) }
      : {}),
    ...(auth
      ? {
          authMethod: { method: auth.method, rationale: auth.rationale, decidedBy: auth.decidedBy },
        }
      : {}),
    identityReady: {
      breakGlass: !!steps.breakGlass,
      blockAllCa: !!steps.blockAllCa,
      mfaAdmins: !!steps.mfaAdmins,
      syncReady: !!e.identity.syncReady,
    },
    caPolicies,
    ...(mfa ? { mfaRegistration: { registered: mfa.registered, total: mfa.total } } : {}),
    ...(read ? { readFromTenantAt: read.readAt } : {}),
    decisions,
  };
}

export function submitHandoff(ctx: StepContext, a: ActionOf<'submitHandoff'>): StepResult {
  const { draft } = ctx;
  const closed = gateRefusal('task3721', draft, ctx.now);
  if (closed) return closed;
  const invalid = checkForm(a.form);
  if (invalid) return invalid;
  if (draft.handoff.length >= LIMITS.handoffRevisions) {
    return refuse(
      'invalid',
      `The hand-off form keeps at most ${LIMITS.handoffRevisions} revisions.`,
    );
  }
  const revision = draft.handoff.length + 1;
  // The MFA approach and count are the engagement's (the snapshot), never typed on the form.
  const form: HandoffForm = {
    authRationale: a.form.authRationale.trim(),
    saasApps: a.form.saasApps.map((app) => ({ name: app.name.trim(), inGallery: app.inGallery })),
    devicePlan: a.form.devicePlan,
    mobileAppPlan: a.form.mobileAppPlan,
    risks: a.form.risks,
    recommendedWorkshops: [...new Set(a.form.recommendedWorkshops)],
    notes: a.form.notes,
  };
  draft.handoff.push({ ...ctx.stamp, ...form, revision, known: snapshot(draft) });
  return {
    summary:
      revision === 1
        ? 'submitted the hand-off form (task 3721)'
        : `revised the hand-off form (task 3721, revision ${revision})`,
  };
}
