/**
 * Path 13: the engagement's documents leave the chat only for its FastTrack Manager and Engineer,
 * of its own organization. (The conversation tests check the same over HTTP: the export button
 * answers a stranger and a stakeholder with this, and gives them no link.)
 */
import { checkExporter } from '../../../src/playbook/actor.js';
import {
  BDM,
  edited,
  FE,
  FM,
  kickedOff,
  OTHER_TENANT,
  OUTSIDER,
  SME,
  STRANGER,
} from '../builders.js';

const ONLY =
  'Only the FastTrack Manager or the FastTrack Engineer can take the documents away. Nothing was changed.';

describe('path 13: export is open to anyone in the chat', () => {
  test('someone in the chat without a role may not export', () => {
    expect(checkExporter(kickedOff(), STRANGER)).toEqual({
      kind: 'notAllowed',
      message: ONLY,
      missing: [],
    });
  });

  test.each([SME, BDM])('$name, with a role that is not FM or FE, may not', (person) => {
    expect(checkExporter(kickedOff(), person)?.message).toBe(ONLY);
  });

  test("someone of another organization with the FM's id may not export", () => {
    expect(checkExporter(kickedOff(), OUTSIDER)).toEqual({
      kind: 'outsider',
      message:
        'You are signed in to another organization than the one this engagement knows you from. Nothing was changed.',
      missing: [],
    });
  });

  test('the FastTrack Manager, once Teams said they left the chat, may not', () => {
    const e = edited(kickedOff(), (d) => {
      d.people[FM.id]!.removed = { by: FM.id, byName: FM.name, at: '2025-03-04T00:00:00.000Z' };
    });
    expect(checkExporter(e, FM)?.message).toMatch(/^You are no longer in this chat/);
  });

  test('an FE of another organization, acting from it, may', () => {
    const e = edited(kickedOff(), (d) => {
      d.people[FE.id]!.homeTenantId = OTHER_TENANT;
    });
    expect(checkExporter(e, { ...FE, tenantId: OTHER_TENANT })).toBeUndefined();
  });

  test.each([FM, FE])('$name may', (person) => {
    expect(checkExporter(kickedOff(), person)).toBeUndefined();
  });
});
