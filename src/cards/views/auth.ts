import { AUTH_METHODS, titleOf } from '../../playbook/catalog.js';
import { g2Missing } from '../../playbook/gates.js';
import { LIMITS } from '../../playbook/limits.js';
import { byWhen, names } from '../format.js';
import { NAME_BYTES, typed } from '../text.js';
import type { View } from '../types.js';
import { baseView, choices, nav, personName, type ViewContext } from './common.js';
import { gateView } from './identity.js';

export function authView(ctx: ViewContext): View {
  const { e, zone, shared, req } = ctx;
  const identity = e?.identity;
  const preferences = identity ? Object.entries(identity.preferences) : [];
  const methods = AUTH_METHODS.map((m) => {
    const who = preferences
      .filter(([, p]) => p.method === m.id)
      .map(([id, p]) =>
        p.comment ? `${personName(e!, id)} ("${typed(p.comment, 120)}")` : personName(e!, id),
      );
    return {
      title: m.title,
      value: who.length ? `Preferred by ${names(who, 4)}` : 'No preference stated',
    };
  });
  const auth = identity?.authMethod;
  const mine = req.viewer && !shared ? identity?.preferences[req.viewer.id] : undefined;
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
    g2: gateView(
      'Gate G2',
      e ? g2Missing(e) : [],
      'Open: the forests are identified and malformed UPNs cleaned up (4.1).',
    ),
    methodChoices: choices(AUTH_METHODS),
    showPrefer: ctx.can['auth.prefer'] && !auth,
    preferValue: mine?.method ?? '',
    preferCommentValue: mine?.comment ?? '',
    commentMax: LIMITS.shortText,
    showFinalize: ctx.can['auth.finalize'],
    finalizeTitle: auth ? 'Change the method' : 'Finalize the method',
    methodValue: auth?.method ?? '',
    rationaleValue: auth?.rationale ?? '',
    decidedByValue: auth?.decidedBy ?? '',
    rationaleMax: LIMITS.longText,
    nameMax: LIMITS.name,
  };
}
