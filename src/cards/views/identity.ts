import { AUTH_METHODS, IDENTITY_STEPS, titleOf } from '../../playbook/catalog.js';
import { g2Missing, g3Missing, identityStepDone } from '../../playbook/gates.js';
import { LIMITS } from '../../playbook/limits.js';
import { byWhen } from '../format.js';
import { typed } from '../text.js';
import type { View } from '../types.js';
import { baseView, nav, type ViewContext } from './common.js';

export interface GateView {
  label: string;
  open: boolean;
  state: string;
  missing: { text: string }[];
}

/** A gate's state as a card shows it: open, or what is missing. */
export function gateView(label: string, missing: string[], openText: string): GateView {
  return {
    label,
    open: missing.length === 0,
    state: missing.length === 0 ? openText : 'Missing:',
    missing: missing.map((text) => ({ text: `• ${text}` })),
  };
}

export function identityView(ctx: ViewContext): View {
  const { e, zone } = ctx;
  const identity = e?.identity;
  /** Prepare Identity runs in order: only the first open step can be recorded now. */
  const next = e ? IDENTITY_STEPS.find((s) => !identityStepDone(e, s.id)) : IDENTITY_STEPS[0];
  const steps = IDENTITY_STEPS.map((s) => {
    if (s.id === 'authMethod') {
      const auth = identity?.authMethod;
      return {
        id: s.id,
        n: s.n,
        title: s.title,
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
    const waiting = !entry && next !== undefined && next.id !== s.id;
    return {
      id: s.id,
      n: s.n,
      title: s.title,
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
  return {
    ...baseView(ctx, 'identity', nav('auth', 'workshop', 'status')),
    steps,
    noteMax: LIMITS.shortText,
    g2: gateView(
      'Gate G2: authentication method',
      e ? g2Missing(e) : [],
      'Open: the authentication method can be finalized.',
    ),
    g3: gateView(
      'Gate G3: identity synchronization (task 1141)',
      e ? g3Missing(e) : [],
      'Ready to mark: break-glass accounts, block-all policy and MFA for admins are in place.',
    ),
    syncReady: !!syncReady,
    syncText: syncReady
      ? `Identity synchronization ready for the Enable phase (task 1141): ${byWhen(syncReady, zone)}.`
      : '',
    showSyncReady: ctx.can['identity.syncReady'] && !syncReady,
  };
}
