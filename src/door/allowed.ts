import type { Role } from '../playbook/catalog.js';
import type { Engagement } from '../playbook/engagement.js';
import type { OnBehalfActionType } from '../playbook/actions.js';
import { ON_BEHALF_PERMISSIONS, openInState, PERMISSIONS } from '../playbook/permissions.js';
import {
  NAVIGATION,
  NAVIGATION_VERBS,
  isNavigationVerb,
  type NavigationVerb,
} from './navigation.js';
import { ACTION_VERB_LIST, VERBS, isActionVerb, type ActionVerb } from './verbs/index.js';

/** Every verb a card button can carry. */
export type Verb = ActionVerb | NavigationVerb;

/** Whether the verb's button sends the inputs of its card (Action.Execute `associatedInputs`). */
export function isFormVerb(verb: string): boolean {
  if (isActionVerb(verb)) return VERBS[verb].form;
  return isNavigationVerb(verb) && NAVIGATION[verb].form;
}

/** Who may use an action verb: who may take the action it builds (for a stakeholder, when it records theirs). */
export function rolesFor(verb: ActionVerb): readonly Role[] {
  const entry = VERBS[verb];
  return entry.onBehalf
    ? ON_BEHALF_PERMISSIONS[entry.action as OnBehalfActionType]
    : PERMISSIONS[entry.action];
}

/**
 * Which buttons a view shows: the shared view (no viewer) shows every role's actions the
 * engagement's state allows; a viewer's view only those of their role. Navigation shows as its
 * entry says.
 */
export function allowedVerbs(
  e: Engagement | undefined,
  shared: boolean,
  role: Role | undefined,
): Record<Verb, boolean> {
  const can = {} as Record<Verb, boolean>;
  for (const verb of ACTION_VERB_LIST) {
    const type = VERBS[verb].action;
    can[verb] = openInState(e, type) && (shared || (!!role && rolesFor(verb).includes(role)));
  }
  for (const verb of NAVIGATION_VERBS) can[verb] = NAVIGATION[verb].shows(e);
  return can;
}
