import type { Engagement } from '../../playbook/engagement.js';
import { gate, type Gate } from '../../playbook/gates.js';
import { linksOf, type Link, type LinkId } from '../../playbook/links.js';
import { whoCan } from '../../playbook/outputs.js';

/** How many guidance buttons one place of a card offers (Teams shows a few actions in a row). */
const MAX_LINKS = 3;

/** Guidance as Action.OpenUrl buttons: at most a few, each an official Microsoft page. */
export function linkButtons(ids: readonly LinkId[] | readonly Link[]): Link[] {
  const links = ids.map((l) => (typeof l === 'string' ? linksOf([l])[0] : l));
  return links.filter((l): l is Link => !!l).slice(0, MAX_LINKS);
}

export interface GateView {
  label: string;
  open: boolean;
  state: string;
  missing: { text: string }[];
  links: Link[];
}

/** A rule of the gate table as a card shows it: open, not applicable (and why), or what is missing. */
export function gateView(id: Gate['id'], e: Engagement | undefined, now: Date): GateView {
  const g = gate(id);
  const label = id.startsWith('G') ? `Gate ${id}: ${g.title}` : g.title;
  const na = e ? g.notApplicable?.(e) : undefined;
  const missing = e && !na ? g.missing(e, now) : [];
  return {
    label,
    open: missing.length === 0,
    state: na
      ? `Not applicable: ${na}.`
      : missing.length === 0
        ? g.openText
        : `Missing (${whoCan(g.who)} can unblock it):`,
    missing: missing.map((text) => ({ text: `• ${text}` })),
    links: linkButtons(g.links),
  };
}
