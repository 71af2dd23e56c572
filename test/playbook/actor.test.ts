/**
 * Who may act: the engagement belongs to the chat and the tenant hosting it; a person takes part
 * through the role the FM gave them, as their object id in their own tenant, whichever
 * organization that is. Leaving the chat ends acting, and coming back restores it.
 */
import type { Action } from '../../src/playbook/actions.js';
import { checkActor, holderOf, standing } from '../../src/playbook/actor.js';
import type { Actor, Engagement } from '../../src/playbook/engagement.js';
import { BOT_ID, recordMembership } from '../../src/playbook/membership.js';
import {
  BUILD_TIME,
  deepFreeze,
  expectRefused,
  FE,
  FM,
  kickedOff,
  step,
  TENANT,
} from './builders.js';

const FASTTRACK = 'tenant-fasttrack-0003';
/** A FastTrack engineer in a shared channel: their own account, in FastTrack's tenant. */
const EXTERNAL: Actor = {
  id: 'aad-ext-kim',
  name: 'Kim External',
  tenantId: FASTTRACK,
  teamsId: '29:kim',
};
/** A FastTrack engineer invited as a guest: a guest account of the customer's tenant. */
const GUEST: Actor = {
  id: 'aad-guest-lou',
  name: 'Lou Guest',
  tenantId: TENANT,
  teamsId: '29:lou',
};

const ACK: Action = { type: 'acknowledgeAgenda', topics: ['importance'], question: '' };
const STEP: Action = { type: 'completeIdentityStep', step: 'forests', note: '' };

function withCrossTenantPeople(): Engagement {
  let e = kickedOff();
  e = step(e, FM, {
    type: 'assignRole',
    personId: EXTERNAL.id,
    name: EXTERNAL.name,
    role: 'FE',
    teamsId: '29:kim',
    homeTenantId: FASTTRACK,
    userRole: 'user',
  });
  return step(e, FM, {
    type: 'assignRole',
    personId: GUEST.id,
    name: GUEST.name,
    role: 'stakeholder',
    title: 'IT',
    teamsId: '29:lou',
    homeTenantId: TENANT,
    userRole: 'guest',
    email: 'lou@fasttrack.example',
  });
}

describe('the actor rule', () => {
  const e = deepFreeze(withCrossTenantPeople());

  test('a guest account acts in the tenant hosting the chat', () => {
    expect(standing(e, GUEST)).toMatchObject({ kind: 'holder' });
    expect(checkActor(e, 'acknowledgeAgenda', GUEST)).toBeUndefined();
  });

  test("a shared channel's external member acts whether the activity names their tenant or the host", () => {
    expect(checkActor(e, 'completeIdentityStep', EXTERNAL)).toBeUndefined();
    expect(
      checkActor(e, 'completeIdentityStep', { ...EXTERNAL, tenantId: TENANT }),
    ).toBeUndefined();
  });

  test('the same object id from a third tenant is someone else, refused without naming the engagement', () => {
    const third = { ...EXTERNAL, tenantId: 'tenant-elsewhere' };
    expect(standing(e, third)).toEqual({ kind: 'otherTenant' });
    const refusal = expectRefused(e, third, STEP, 'outsider', /another organization than the one/);
    expect(refusal.message).not.toContain('Contoso');
  });

  test('a record from before tenants were kept counts as the host tenant only', () => {
    expect(e.people[FE.id]?.homeTenantId).toBeUndefined();
    expect(standing(e, FE)).toMatchObject({ kind: 'holder' });
    expect(standing(e, { ...FE, tenantId: FASTTRACK })).toEqual({ kind: 'otherTenant' });
  });

  test('someone without a role is told so, and whether they are of the hosting tenant', () => {
    const stranger = { id: 'aad-nobody', name: 'Nobody', tenantId: TENANT };
    expect(standing(e, stranger)).toEqual({ kind: 'noRole', hostTenant: true });
    expect(standing(e, { ...stranger, tenantId: FASTTRACK })).toEqual({
      kind: 'noRole',
      hostTenant: false,
    });
    expect(holderOf(e, stranger)).toBeUndefined();
    expect(holderOf(e, undefined)).toBeUndefined();
    expectRefused(e, stranger, ACK, 'outsider', /no role in this chat's engagement/);
  });

  test('a role holder is still refused an action of another role', () => {
    expectRefused(e, GUEST, STEP, 'notAllowed', /Only the FastTrack Engineer can do that/);
  });
});

describe('members leaving and coming back', () => {
  const now = new Date(BUILD_TIME.getTime() + 60_000);

  test('someone who left the chat keeps their role on the record and can no longer act', () => {
    const e = deepFreeze(withCrossTenantPeople());
    const left = recordMembership(
      e,
      { left: [{ teamsId: '29:kim' }], joined: [] },
      now,
      'act-left',
    );
    if (!left) throw new Error('nothing recorded');
    expect(left.people[EXTERNAL.id]).toMatchObject({
      role: 'FE',
      removed: { by: BOT_ID, at: now.toISOString() },
    });
    expect(left.history.at(-1)).toMatchObject({
      by: BOT_ID,
      action: 'memberLeft',
      summary:
        'Kim External left the chat and can no longer act; the FastTrack Engineer role stays on the record',
    });
    expect(standing(left, EXTERNAL)).toMatchObject({ kind: 'removed' });
    expectRefused(left, EXTERNAL, STEP, 'outsider', /no longer in this chat/);
    // The same activity again, or a second notice, changes nothing.
    expect(
      recordMembership(left, { left: [{ teamsId: '29:kim' }], joined: [] }, now, 'act-left'),
    ).toBeUndefined();
    expect(
      recordMembership(left, { left: [{ teamsId: '29:kim' }], joined: [] }, now, 'act-2'),
    ).toBeUndefined();
  });

  test('a member is matched by object id too, and acts again once back in the chat', () => {
    const e = withCrossTenantPeople();
    const left = recordMembership(e, { left: [{ aadObjectId: GUEST.id }], joined: [] }, now, 'a1')!;
    expect(holderOf(left, GUEST)).toBeUndefined();
    const back = recordMembership(left, { left: [], joined: [{ teamsId: '29:lou' }] }, now, 'a2');
    if (!back) throw new Error('nothing recorded');
    expect(back.people[GUEST.id]?.removed).toBeUndefined();
    expect(back.history.at(-1)?.summary).toBe(
      'Lou Guest is back in the chat as Customer stakeholder',
    );
    expect(checkActor(back, 'acknowledgeAgenda', GUEST)).toBeUndefined();
  });

  test('people without a role, and the bot itself, change nothing', () => {
    const e = withCrossTenantPeople();
    expect(
      recordMembership(
        e,
        { left: [{ teamsId: '29:someone-else' }], joined: [{ aadObjectId: FE.id }] },
        now,
      ),
    ).toBeUndefined();
  });

  test('when the FM leaves, FM actions wait for them to come back', () => {
    const e = withCrossTenantPeople();
    const left = recordMembership(e, { left: [{ aadObjectId: FM.id }], joined: [] }, now)!;
    expectRefused(left, FM, { type: 'deliverConversation' }, 'outsider', /no longer in this chat/);
  });
});
