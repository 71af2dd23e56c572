/** The states and viewers every card is rendered in by the card tests. */
import type { CardRequest } from '../../src/cards/types.js';
import type { Role } from '../../src/playbook/catalog.js';
import type { Engagement } from '../../src/playbook/engagement.js';
import {
  ARCHITECT,
  BDM,
  beforeKickoff,
  complete,
  FE,
  FM,
  justStarted,
  LATER,
  MEMBERS,
  midway,
  movedOn,
  NOW,
  OUTSIDER,
  SME,
  withReminders,
} from '../support/engagements.js';

export interface State {
  name: string;
  engagement: Engagement | undefined;
  now: Date;
  extra?: Partial<CardRequest>;
}

export const STATES: State[] = [
  { name: 'no engagement', engagement: undefined, now: NOW },
  { name: 'just started', engagement: justStarted(), now: NOW },
  { name: 'before kickoff', engagement: beforeKickoff(), now: NOW },
  { name: 'mid-way, gates failing', engagement: midway(), now: NOW },
  { name: 'complete', engagement: complete(), now: NOW },
  { name: 'moved on', engagement: movedOn(), now: NOW },
  {
    name: 'follow-ups pending/sent/undeliverable/missed',
    engagement: withReminders(),
    now: LATER,
    extra: { followUpId: 'fu-2' },
  },
  {
    name: 'refusal with typed form',
    engagement: midway(),
    now: NOW,
    extra: {
      message: { kind: 'error', text: 'The reason is 2,400 characters long; at most 500 fit.' },
      form: {
        reason_saasSso: 'typed reason',
        fuAgenda: 'typed agenda',
        customer: 'Typed Customer',
      },
    },
  },
];

export interface Viewer {
  name: string;
  viewer: CardRequest['viewer'];
  role: Role | undefined;
}

export const VIEWERS: Viewer[] = [
  { name: 'shared', viewer: undefined, role: undefined },
  { name: 'FM', viewer: { id: FM.id, role: 'FM' }, role: 'FM' },
  { name: 'FE', viewer: { id: FE.id, role: 'FE' }, role: 'FE' },
  { name: 'SME', viewer: { id: SME.id, role: 'SME' }, role: 'SME' },
  { name: 'stakeholder', viewer: { id: BDM.id, role: 'stakeholder' }, role: 'stakeholder' },
  {
    name: 'second stakeholder',
    viewer: { id: ARCHITECT.id, role: 'stakeholder' },
    role: 'stakeholder',
  },
  { name: 'non-member', viewer: { id: OUTSIDER.id }, role: undefined },
];

export function request(card: CardRequest['card'], state: State, viewer: Viewer): CardRequest {
  return {
    card,
    ...(state.engagement ? { engagement: state.engagement } : {}),
    ...(viewer.viewer ? { viewer: viewer.viewer } : {}),
    members: MEMBERS,
    now: state.now,
    followUpId: 'fu-1',
    ...state.extra,
  };
}
