import { AUTH_METHODS, identityStepOn, IDENTITY_STEPS, titleOf } from '../../playbook/catalog.js';
import type { Engagement } from '../../playbook/engagement.js';
import { identityStepApplies, identityStepDone, pathOf } from '../../playbook/facts.js';
import { LIMITS } from '../../playbook/limits.js';
import { pathText } from '../../playbook/outputs.js';
import { byWhen, clip } from '../format.js';
import { NAME_BYTES, typed } from '../text.js';
import type { View } from '../types.js';
import { tenantView } from './tenant.js';
import { baseView, nav, type ViewContext } from './common.js';
import { gateView, linkButtons } from './guidance.js';

/** How many reopenings a card lists (the summary document has them all). */
const MAX_REOPENED_SHOWN = 3;

/** What later changes reopened, newest first: what, who had done it, and why it was reopened. */
export function reopenedView(e: Engagement | undefined, zone: string) {
  return (e?.superseded ?? [])
    .slice(-MAX_REOPENED_SHOWN)
    .reverse()
    .map((r) => ({
      title: `Reopened by ${byWhen(r, zone)}: ${clip(r.reason, 200)}`,
      items: r.items.map((i) => ({
        text: `• ${clip(i.what, 200)} (had been done by ${typed(i.was.byName, NAME_BYTES)})`,
      })),
    }));
}

export function identityView(ctx: ViewContext): View {
  const { e, zone } = ctx;
  const identity = e?.identity;
  const path = e ? pathOf(e) : undefined;
  const applies = (id: (typeof IDENTITY_STEPS)[number]['id']) => !e || identityStepApplies(e, id);
  /** Prepare Identity runs in order: only the first open step can be recorded now. */
  const next = IDENTITY_STEPS.find((s) => applies(s.id) && !(e && identityStepDone(e, s.id)));
  const steps = IDENTITY_STEPS.map((s) => {
    const form = identityStepOn(s.id, path);
    const base = { id: s.id, n: s.n, title: form.title, links: linkButtons(form.links) };
    if (s.id === 'authMethod') {
      const auth = identity?.authMethod;
      return {
        ...base,
        done: !!auth,
        detail: auth
          ? `${titleOf(AUTH_METHODS, auth.method)}; ${byWhen(auth, zone)}`
          : 'Finalized on the authentication card, after 4.1 (gate G2).',
        canComplete: false,
        isAuth: !auth && next?.id === 'authMethod',
        hint: '',
      };
    }
    const entry = identity?.steps[s.id];
    if (!applies(s.id))
      return {
        ...base,
        done: false,
        detail: 'Not applicable: cloud-only identities are not synchronized.',
        canComplete: false,
        isAuth: false,
        hint: '',
      };
    const waiting = !entry && next !== undefined && next.id !== s.id;
    return {
      ...base,
      done: !!entry,
      detail: entry
        ? `${byWhen(entry, zone)}${entry.note ? `: ${typed(entry.note, 300)}` : ''}`
        : 'To do',
      canComplete: ctx.can['identity.complete'] && !entry && next?.id === s.id,
      isAuth: false,
      hint: waiting && ctx.can['identity.complete'] ? `Comes after ${next.n}.` : '',
    };
  });
  const syncReady = identity?.syncReady;
  const g3 = gateView('G3', e, ctx.req.now);
  const reopened = reopenedView(e, zone);
  return {
    tenant: tenantView(ctx, 'identity'),
    ...baseView(ctx, 'identity', nav('auth', 'workshop', 'status')),
    pathText: e ? pathText(e) : '',
    steps,
    noteMax: LIMITS.shortText,
    g2: gateView('G2', e, ctx.req.now),
    g3,
    syncReady: !!syncReady,
    syncText: syncReady
      ? `Identity synchronization ready for the Enable phase (task 1141): ${byWhen(syncReady, zone)}.`
      : '',
    showSyncReady:
      ctx.can['identity.syncReady'] && !syncReady && !g3.state.startsWith('Not applicable'),
    reopened,
    hasReopened: reopened.length > 0,
  };
}
