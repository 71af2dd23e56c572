import { CardRenderer } from '../../src/cards/renderer.js';
import type { CardRequest } from '../../src/cards/types.js';
import { isActionVerb, VERBS } from '../../src/door/verbs/index.js';
import type { Role } from '../../src/playbook/catalog.js';
import type { Engagement } from '../../src/playbook/engagement.js';
import { mayTake } from '../../src/playbook/permissions.js';
import {
  BDM,
  beforeKickoff,
  complete,
  EngagementBuilder,
  FE,
  FM,
  MEMBERS,
  midway,
  movedOn,
  NOW,
  OUTSIDER,
  SME,
} from '../support/engagements.js';
import { actionVerbs, buttons } from './adaptive.js';

const renderer = new CardRenderer();
const ids: Record<Role, string> = { FM: FM.id, FE: FE.id, SME: SME.id, stakeholder: BDM.id };

function verbsOf(card: CardRequest['card'], e: Engagement, role?: Role | 'outsider'): Set<string> {
  const viewer =
    role === undefined
      ? undefined
      : role === 'outsider'
        ? { id: OUTSIDER.id }
        : { id: ids[role], role };
  return actionVerbs(
    renderer.render({
      card,
      engagement: e,
      now: NOW,
      members: MEMBERS,
      ...(viewer ? { viewer } : {}),
    }),
  );
}

/** What a role's view must show: the shared card's actions that the role may take. */
const allowed = (shared: Set<string>, role: Role) =>
  new Set([...shared].filter((v) => !isActionVerb(v) || mayTake(role, VERBS[v].action)));

/** Mid-way with the block-all policy in place and gate G4 failing. */
const blockAllInPlace = () =>
  new EngagementBuilder(midway(), new Date('2025-03-10T09:00:00Z'))
    .act(FE, { type: 'completeIdentityStep', step: 'breakGlass', note: '' })
    .act(FE, { type: 'completeIdentityStep', step: 'blockAllCa', note: '' })
    .build();

describe('which actions each view shows', () => {
  test.each([
    [
      'workshop',
      'blockAllInPlace',
      blockAllInPlace,
      [
        'workshop.decide',
        'workshop.caPolicy',
        'workshop.mfa',
        'workshop.removeBlockAll',
        'workshop.deliver',
      ],
    ],
    ['workshop', 'complete', complete, ['workshop.decide', 'workshop.caPolicy', 'workshop.mfa']],
    [
      'roles',
      'beforeKickoff',
      beforeKickoff,
      ['kickoff.confirm', 'roles.assign', 'roles.handOver'],
    ],
    ['roles', 'midway', midway, ['roles.assign', 'roles.handOver']],
    ['licensing', 'midway', midway, ['licensing.record']],
    ['agenda', 'midway', midway, ['agenda.acknowledge', 'agenda.assess']],
    ['identity', 'midway', midway, ['identity.complete', 'identity.syncReady']],
    ['auth', 'midway', midway, ['auth.finalize']],
    ['handoff', 'complete', complete, ['handoff.submit']],
    [
      'followup',
      'complete',
      complete,
      ['followup.schedule', 'followup.reschedule', 'followup.cancel'],
    ],
    ['summary', 'complete', complete, ['summary.export', 'phase.moveOn', 'engagement.delete']],
    ['summary', 'movedOn', movedOn, ['summary.export', 'engagement.delete']],
    [
      'followup',
      'movedOn',
      movedOn,
      ['followup.schedule', 'followup.reschedule', 'followup.cancel'],
    ],
    ['workshop', 'movedOn', movedOn, []],
  ] as const)(
    '%s card, %s: shared shows every role’s actions, each role exactly its own',
    (card, _name, state, expected) => {
      const e = state();
      const shared = verbsOf(card, e);
      expect([...shared].sort()).toEqual([...expected].sort());
      for (const role of ['FM', 'FE', 'SME', 'stakeholder'] as const) {
        expect([...verbsOf(card, e, role)].sort()).toEqual([...allowed(shared, role)].sort());
      }
      const outsider = [...verbsOf(card, e, 'outsider')];
      expect(outsider.filter(isActionVerb)).toEqual([]);
    },
  );

  test('the stakeholder decides features on the workshop card but cannot mark it delivered', () => {
    const verbs = verbsOf('workshop', midway(), 'stakeholder');
    expect(verbs.has('workshop.decide')).toBe(true);
    expect(verbs.has('workshop.deliver')).toBe(false);
    const fe = verbsOf('workshop', midway(), 'FE');
    expect(fe.has('workshop.deliver')).toBe(true);
  });

  test('before the kickoff (gate G1) no playbook step offers a form (deleting is no step); the card says why', () => {
    const e = beforeKickoff();
    for (const card of [
      'licensing',
      'agenda',
      'identity',
      'auth',
      'workshop',
      'handoff',
      'followup',
      'summary',
    ] as const) {
      const verbs = [...verbsOf(card, e)].filter(isActionVerb);
      expect(verbs).toEqual(card === 'summary' ? ['engagement.delete'] : []);
      const json = renderer.render({ card, engagement: e, now: NOW });
      expect(JSON.stringify(json)).toContain('Gate G1');
    }
  });

  test('navigation shows for everyone and sends no inputs', () => {
    for (const viewer of [
      undefined,
      { id: OUTSIDER.id },
      { id: BDM.id, role: 'stakeholder' as const },
    ]) {
      const json = renderer.render({
        card: 'workshop',
        engagement: midway(),
        now: NOW,
        ...(viewer ? { viewer } : {}),
      });
      const nav = buttons(json).filter((b) => b.verb === 'show');
      expect(nav.map((b) => (b.data as { open: string }).open)).toEqual([
        'handoff',
        'summary',
        'status',
      ]);
      for (const b of nav) expect(b.associatedInputs).toBe('none');
    }
  });

  test('form buttons send their inputs; one-click buttons send none', () => {
    const json = renderer.render({ card: 'workshop', engagement: blockAllInPlace(), now: NOW });
    for (const b of buttons(json)) {
      const form = ['workshop.decide', 'workshop.caPolicy', 'workshop.mfa'].includes(
        String(b.verb),
      );
      expect(b.associatedInputs).toBe(form ? undefined : 'none');
    }
  });
});

describe('user-specific views (refresh)', () => {
  test('the shared card asks Teams to refresh each person of the engagement (by Teams id), a person’s own view does not', () => {
    const e = midway();
    const people = Object.values(e.people);
    people.forEach((p, i) => {
      if (i > 0) p.teamsId = `29:teams-${p.id}`;
    });
    const shared = renderer.render({ card: 'status', engagement: e, now: NOW });
    expect(shared.refresh).toEqual({
      action: { type: 'Action.Execute', verb: 'refresh', data: { card: 'status' } },
      // Someone whose Teams id is not known yet cannot be listed.
      userIds: people.slice(1).map((p) => `29:teams-${p.id}`),
    });
    const own = renderer.render({
      card: 'status',
      engagement: e,
      now: NOW,
      viewer: { id: FM.id, role: 'FM' },
    });
    expect(own.refresh).toBeUndefined();
  });

  test('no refresh without an engagement, or with more than 60 people (Teams’ limit)', () => {
    expect(renderer.render({ card: 'help', now: NOW }).refresh).toBeUndefined();
    let b = new EngagementBuilder(midway(), new Date('2025-03-10T09:00:00Z'));
    for (let i = 0; i < 60; i++)
      b = b.act(FM, {
        type: 'assignRole',
        personId: `aad-extra-${i}`,
        name: `Guest ${i}`,
        role: 'stakeholder',
        title: 'IT',
      });
    const crowded = b.build();
    expect(Object.keys(crowded.people).length).toBeGreaterThan(60);
    expect(
      renderer.render({ card: 'status', engagement: crowded, now: NOW }).refresh,
    ).toBeUndefined();
  });
});
