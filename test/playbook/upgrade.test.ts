/**
 * Documents stored by schema version 1 (real ones, written by the bot before the playbook held
 * its truth) read as version 2: what they held is kept, what version 2 added gets the value that
 * says what version 1 meant, and the playbook goes on from there.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { standing } from '../../src/playbook/actor.js';
import { apply } from '../../src/playbook/apply.js';
import type { Engagement } from '../../src/playbook/engagement.js';
import { SCHEMA_VERSION, upgrade } from '../../src/playbook/upgrade.js';
import { BDM, deepFreeze, FE, FM, OTHER_TENANT, SME, started, TENANT } from './builders.js';

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(path.join(__dirname, 'fixtures', `${name}.json`), 'utf8'));

describe('upgrade: schema version 1 to 2', () => {
  test('a moved-on engagement keeps every answer; moving on meant all three phases', () => {
    const stored = deepFreeze(fixture('v1-moved-on'));
    const before = structuredClone(stored);
    const e = upgrade(stored);
    expect(stored).toEqual(before);
    expect(e.schemaVersion).toBe(SCHEMA_VERSION);
    expect(e.movedOn?.phases).toEqual([
      'Conduct Technical Assessment',
      'Conduct Security Workshops',
      'Conduct Services Workshops',
    ]);
    expect(e.conversation.invited).toEqual([]);
    expect(e.identity.authMethodHistory).toEqual([]);
    expect(e.workshop.totalLowered).toEqual([]);
    expect(e.superseded).toEqual([]);
    // Sync was marked ready before the block-all policy went.
    expect(e.workshop.blockAllRemoved?.syncWasReady).toBe(true);
    // Stored hand-off revisions keep what was typed then.
    const v1 = before as unknown as Engagement;
    expect(e.handoff[0]?.mfaApproach).toBe(v1.handoff[0]?.mfaApproach);
    expect(e.handoff[0]?.mfaRegistered).toBe(1200);
    expect({ ...e, schemaVersion: 1 }).toMatchObject(v1 as unknown as Record<string, unknown>);
  });

  test('a removal before synchronization is kept as such, so G3 cannot be met over it', () => {
    const e = upgrade(fixture('v1-removed-before-sync'));
    expect(e.workshop.blockAllRemoved?.syncWasReady).toBe(false);
    expect(e.workshop.caPolicies.admins?.state).toBe('planned');
    const refusal = apply(e, { type: 'markSyncReady' }, FE, new Date('2025-04-01T00:00:00Z'));
    expect(!refusal.ok && refusal.refusal.missing).toEqual([
      'the block-all Conditional Access policy in place (Prepare Identity 4.5): it was removed before identity synchronization was ready',
    ]);
  });

  test('the playbook goes on from an upgraded engagement', () => {
    const e = upgrade(fixture('v1-moved-on'));
    const outcome = apply(
      e,
      {
        type: 'scheduleFollowUp',
        kind: 'deviceManagement',
        startsAt: '2025-06-01T09:00:00.000Z',
        timeZone: 'Europe/Paris',
        attendees: [],
        agenda: 'Discuss Device Management',
        leadMinutes: 30,
      },
      FM,
      new Date('2025-05-01T00:00:00Z'),
    );
    expect(outcome.ok && outcome.engagement.schemaVersion).toBe(2);
  });

  test("people recorded before their tenant was kept are the hosting tenant's, and act by its rules", () => {
    const stored = fixture('v1-moved-on');
    const e = upgrade(stored);
    for (const p of Object.values(e.people)) expect(p.homeTenantId).toBe(TENANT);
    // Nothing else of a person changes.
    const v1People = stored.people as Record<string, Record<string, unknown>>;
    for (const [id, p] of Object.entries(e.people))
      expect(p).toEqual({ ...v1People[id], homeTenantId: TENANT });
    expect(standing(e, FM)).toMatchObject({ kind: 'holder' });
    expect(standing(e, { ...FM, tenantId: OTHER_TENANT })).toEqual({ kind: 'otherTenant' });
    // The one FM hands the role over on the upgraded record; both keep the role they held.
    const handedOver = apply(
      e,
      { type: 'handOverFm', personId: FE.id, name: FE.name, then: 'SME' },
      FM,
      new Date('2025-05-01T00:00:00Z'),
    );
    if (!handedOver.ok) throw new Error(handedOver.refusal.message);
    const { people } = handedOver.engagement;
    expect(people[FE.id]).toMatchObject({ role: 'FM', homeTenantId: TENANT });
    expect(people[FE.id]?.formerRoles?.map((r) => r.role)).toEqual(['FE']);
    expect(people[FM.id]).toMatchObject({ role: 'SME', homeTenantId: TENANT });
    expect(people[FM.id]?.formerRoles?.map((r) => r.role)).toEqual(['FM']);
  });

  test("a version-1 record holding what Teams' member list said keeps all of it", () => {
    const stored = fixture('v1-moved-on');
    const people = stored.people as Record<string, Record<string, unknown>>;
    const left = { by: FM.id, byName: FM.name, at: '2025-04-01T00:00:00.000Z' };
    people[SME.id] = {
      ...people[SME.id],
      teamsId: '29:sofia',
      homeTenantId: OTHER_TENANT,
      userRole: 'user',
      email: 'sofia@fabrikam.example',
      formerRoles: [{ role: 'FE', until: left }],
    };
    people[BDM.id] = { ...people[BDM.id], userRole: 'guest', homeTenantId: TENANT, removed: left };
    const e = upgrade(deepFreeze(stored));
    expect(e.people[SME.id]).toEqual(people[SME.id]);
    expect(e.people[BDM.id]).toEqual(people[BDM.id]);
    // Sofia acts from her own organization; Ana left the chat and acts no more.
    expect(standing(e, { ...SME, tenantId: OTHER_TENANT })).toMatchObject({ kind: 'holder' });
    expect(standing(e, BDM)).toMatchObject({ kind: 'removed' });
  });

  test('a current document is given back as it is', () => {
    const e = started();
    expect(upgrade(e)).toBe(e);
    expect(upgrade(null)).toBeNull();
  });
});
