/**
 * The seeds' invariants hold whatever people do: thousands of seeded random sequences of actions
 * (both paths, hybrid and cloud-only, right and wrong people, any timing) are applied, and after
 * each one taken, nothing the seeds or Entra forbid is in the record, and the gate that allowed
 * it held at that moment. A failure names its seed and step, so it can be replayed.
 */
import { onBehalfOf, type Action } from '../../../src/playbook/actions.js';
import { apply } from '../../../src/playbook/apply.js';
import { choiceRefusal } from '../../../src/playbook/availability.js';
import { FEATURES, PATH_STEPS } from '../../../src/playbook/catalog.js';
import { contradictions } from '../../../src/playbook/contradictions.js';
import type { Actor, Engagement } from '../../../src/playbook/engagement.js';
import {
  capabilities,
  hybridOf,
  identityStepApplies,
  pathOf,
} from '../../../src/playbook/facts.js';
import { gate, identityOrderMissing } from '../../../src/playbook/gates.js';
import { LIMITS } from '../../../src/playbook/limits.js';
import { BEFORE_KICKOFF, rolesFor } from '../../../src/playbook/permissions.js';
import { recommendedPhases } from '../../../src/playbook/steps/phase.js';
import { Random } from '../../support/random.js';
import { BDM, FE, FM, SEC, SME, started, step, T0 } from '../builders.js';
import { nextStep } from './generate.js';

const RUNS = 250;
const STEPS_PER_RUN = 60;

/** The engagement every run starts from: the FE, the SME and two stakeholders have roles. */
function cast(): Engagement {
  let e = started();
  e = step(e, FM, { type: 'assignRole', personId: FE.id, name: FE.name, role: 'FE' }, T0);
  e = step(e, FM, { type: 'assignRole', personId: SME.id, name: SME.name, role: 'SME' }, T0);
  for (const [p, title] of [
    [BDM, 'BDM'],
    [SEC, 'Director of Security'],
  ] as const)
    e = step(
      e,
      FM,
      { type: 'assignRole', personId: p.id, name: p.name, role: 'stakeholder', title },
      T0,
    );
  return e;
}

/** What must have held just before an action was taken (the gate that let it through). */
function heldBefore(pre: Engagement, action: Action, actor: Actor, now: Date): string[] {
  const broken: string[] = [];
  const check = (ok: boolean, what: string) => ok || broken.push(what);
  const person = pre.people[actor.id];
  check(actor.tenantId === pre.tenantId, 'the actor is of the engagement’s tenant');
  check(
    !!person && rolesFor(action).includes(person.role),
    'the actor had a role that may take it',
  );
  if (!BEFORE_KICKOFF.includes(action.type)) check(!!pre.kickoff, 'G1: the kickoff was confirmed');
  if (onBehalfOf(action))
    check(
      pre.people[onBehalfOf(action) ?? '']?.role === 'stakeholder',
      'recorded for a stakeholder',
    );
  const empty = (id: Parameters<typeof gate>[0]) => gate(id).missing(pre, now).length === 0;
  switch (action.type) {
    case 'markSyncReady':
      check(empty('G3') && hybridOf(pre) === true, 'G3 met, on a synchronized method');
      break;
    case 'removeBlockAll':
      check(pathOf(pre) === 'ca' && empty('G4'), 'G4 met, on the CA path');
      check(hybridOf(pre) === false || !!pre.identity.syncReady, 'synchronization ready (hybrid)');
      break;
    case 'moveToNextPhase':
      check(empty('G5') && contradictions(pre, now).length === 0, 'G5 met, nothing contradicting');
      check(
        action.phases.every((p) => recommendedPhases(pre).includes(p)),
        'phases recommended',
      );
      break;
    case 'deliverConversation':
      check(empty('task4017'), 'licences, a schedule whose start passed, stakeholders invited');
      break;
    case 'deliverWorkshop':
      check(!!pre.conversation.delivered, 'task 4017 before task 3720');
      break;
    case 'submitHandoff':
      check(!!pre.workshop.delivered, 'task 3720 before task 3721');
      break;
    case 'completeIdentityStep':
      check(identityOrderMissing(pre, action.step).length === 0, 'Prepare Identity in order');
      check(identityStepApplies(pre, action.step), 'the step applies');
      if (PATH_STEPS.includes(action.step)) check(!!pathOf(pre), '4.5/4.6 after the licences');
      break;
    case 'recordCaPolicy':
      check(pathOf(pre) === 'ca', 'Conditional Access on the CA path only');
      break;
  }
  return broken;
}

/** What must hold of any engagement, whatever happened before. */
function alwaysHolds(e: Engagement): string[] {
  const broken: string[] = [];
  const check = (ok: boolean, what: string) => ok || broken.push(what);
  const path = pathOf(e);
  const { steps, syncReady } = e.identity;
  const { caPolicies, blockAllRemoved: removed, mfaRegistration: mfa } = e.workshop;
  check((path === 'ca') === capabilities(e).has('entraP1'), 'CA path ⇔ Entra ID P1');
  check(!!path === !!e.licensing, 'a path once the licences are recorded');
  if (path !== 'ca') {
    check(Object.keys(caPolicies).length === 0, 'no CA policy record off the CA path');
    check(!removed, 'no block-all removal off the CA path');
  }
  if (!path) check(!steps.blockAllCa && !steps.mfaAdmins, '4.5/4.6 only with a path');
  if (syncReady) {
    check(hybridOf(e) === true, 'sync ready ⇒ a synchronized method');
    check(
      !!steps.aadConnect && !!steps.breakGlass && !!steps.blockAllCa && !!steps.mfaAdmins,
      'G3 ⇒ 4.3–4.6 in place',
    );
    check(!removed || removed.syncWasReady, 'sync ready ⇒ block-all in place or replaced under G4');
  }
  if (hybridOf(e) === false) check(!steps.aadConnect && !syncReady, 'cloud-only: no 4.3, no 1141');
  if (removed) {
    check(!!steps.blockAllCa, 'a removed block-all policy was recorded');
    check(
      caPolicies.mfaAllUsers?.state === 'created' && caPolicies.blockLegacy?.state === 'created',
      'block-all removed ⇒ the required CA policies stay created',
    );
    if (hybridOf(e) === true) check(removed.syncWasReady, 'removed after synchronization (hybrid)');
  }
  const caps = capabilities(e);
  for (const f of FEATURES) {
    const d = e.workshop.decisions[f.id];
    if (d) check(!choiceRefusal(path, caps, f.id, d.choice), `"${f.id}" allowed by the licences`);
    if (d?.choice === 'notPlanned') check(!!d.reason, 'not planned ⇒ a reason');
  }
  if (mfa) check(mfa.registered <= mfa.total, 'registered ≤ users');
  if (e.workshop.delivered) check(!!e.conversation.delivered, '3720 ⇒ 4017');
  if (e.handoff.length) check(!!e.workshop.delivered, '3721 ⇒ 3720');
  if (e.movedOn) check(e.movedOn.phases.length > 0, 'moved on to some phase');
  check(e.superseded.length <= LIMITS.superseded, 'reopenings within their cap');
  check(e.identity.authMethodHistory.length <= LIMITS.authMethodHistory, 'history within its cap');
  return broken;
}

describe('the seeds’ invariants after every action of random engagements', () => {
  const reached = {
    ca: 0,
    securityDefaults: 0,
    cloudOnly: 0,
    syncReady: 0,
    removed: 0,
    reopened: 0,
    onBehalf: 0,
    movedOnCa: 0,
    movedOnSd: 0,
    applied: 0,
    refused: 0,
  };

  test(`${RUNS} seeded runs of ${STEPS_PER_RUN} actions each`, () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const r = new Random(seed);
      let e = cast();
      let now = new Date(T0.getTime() + 3_600_000);
      for (let n = 0; n < STEPS_PER_RUN; n++) {
        const { action, actor, at } = nextStep(r, e, now);
        now = at;
        const decision = apply(e, action, actor, now, `run-${seed}-${n}`);
        const where = `seed ${seed}, step ${n}: ${action.type} by ${actor.name}`;
        if (!decision.ok) {
          reached.refused++;
          continue;
        }
        reached.applied++;
        const broken = [...heldBefore(e, action, actor, now), ...alwaysHolds(decision.engagement)];
        if (broken.length) throw new Error(`${where} broke: ${broken.join('; ')}`);
        expect(decision.engagement.history.at(-1)).toMatchObject({
          by: actor.id,
          action: action.type,
        });
        e = decision.engagement;
        if (onBehalfOf(action)) reached.onBehalf++;
      }
      const path = pathOf(e);
      if (path === 'ca') reached.ca++;
      if (path === 'securityDefaults') reached.securityDefaults++;
      if (hybridOf(e) === false) reached.cloudOnly++;
      if (e.identity.syncReady) reached.syncReady++;
      if (e.workshop.blockAllRemoved) reached.removed++;
      if (e.superseded.length) reached.reopened++;
      if (e.movedOn && path === 'ca') reached.movedOnCa++;
      if (e.movedOn && path === 'securityDefaults') reached.movedOnSd++;
    }
    // The runs went deep on both paths, and took and refused thousands of actions.
    expect(reached.applied + reached.refused).toBe(RUNS * STEPS_PER_RUN);
    expect(reached.applied).toBeGreaterThan(5000);
    const rare = Object.entries(reached).filter(([, count]) => count < 5);
    expect(rare).toEqual([]);
  });
});
