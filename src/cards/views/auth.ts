import { AUTH_METHODS, titleOf } from '../../playbook/catalog.js';
import { LIMITS } from '../../playbook/limits.js';
import { answered, byWhen, names } from '../format.js';
import { NAME_BYTES, typed } from '../text.js';
import type { View } from '../types.js';
import { baseView, choices, nav, peopleChoices, type ViewContext } from './common.js';
import { gateView, linkButtons } from './guidance.js';

/** How many earlier decisions the card lists (the record keeps them all). */
const MAX_EARLIER_SHOWN = 3;

export function authView(ctx: ViewContext): View {
  const { e, zone, shared, req } = ctx;
  const identity = e?.identity;
  const preferences = identity ? Object.values(identity.preferences) : [];
  const methods = AUTH_METHODS.map((m) => {
    const who = preferences
      .filter((p) => p.method === m.id)
      .map((p) => (p.comment ? `${answered(p)} ("${typed(p.comment, 120)}")` : answered(p)));
    return {
      title: m.title,
      value: who.length ? `Preferred by ${names(who, 4)}` : 'No preference stated',
    };
  });
  const auth = identity?.authMethod;
  const mine = req.viewer && !shared ? identity?.preferences[req.viewer.id] : undefined;
  const earlier = (identity?.authMethodHistory ?? []).slice(-MAX_EARLIER_SHOWN).reverse();
  return {
    ...baseView(ctx, 'auth', nav('identity', 'workshop', 'status')),
    methods,
    decided: !!auth,
    decision: auth
      ? [
          { title: 'Method', value: titleOf(AUTH_METHODS, auth.method) },
          { title: 'Rationale', value: typed(auth.rationale, 600) },
          { title: 'Decided by', value: typed(auth.decidedBy, NAME_BYTES) },
          { title: 'Recorded by', value: byWhen(auth, zone) },
        ]
      : [],
    earlier: earlier.map((d) => ({
      title: titleOf(AUTH_METHODS, d.method),
      value: `decided by ${typed(d.decidedBy, NAME_BYTES)}, recorded by ${byWhen(d, zone)}: ${typed(d.rationale, 200)}`,
    })),
    hasEarlier: earlier.length > 0,
    g2: gateView('G2', e, req.now),
    methodChoices: choices(AUTH_METHODS),
    showPrefer: ctx.can['auth.prefer'] && !auth,
    showPreferFor: ctx.can['auth.preferFor'] && !auth,
    stakeholderChoices: peopleChoices(e, 'stakeholder'),
    preferValue: mine?.method ?? '',
    preferCommentValue: mine?.comment ?? '',
    commentMax: LIMITS.shortText,
    showFinalize: ctx.can['auth.finalize'],
    finalizeTitle: auth ? 'Change the method' : 'Finalize the method',
    changeNote: auth
      ? 'A new method reopens Microsoft Entra Connect Sync (4.3) and identity synchronization readiness (task 1141), which depend on it; the earlier decision stays in the record.'
      : '',
    methodValue: auth?.method ?? '',
    rationaleValue: auth?.rationale ?? '',
    decidedByValue: auth?.decidedBy ?? '',
    rationaleMax: LIMITS.longText,
    nameMax: LIMITS.name,
    links: linkButtons(['chooseAuthMethod', 'passwordHashSync', 'passThroughAuth']),
  };
}
