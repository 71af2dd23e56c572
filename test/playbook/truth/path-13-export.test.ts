/**
 * Path 13: the engagement's documents leave the chat only for its FastTrack Manager and Engineer,
 * of its own organization. (The conversation tests check the same over HTTP: the export button
 * answers a stranger and a stakeholder with this, and gives them no link.)
 */
import { checkExporter } from '../../../src/playbook/permissions.js';
import { BDM, FE, FM, kickedOff, OUTSIDER, SME, STRANGER } from '../builders.js';

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
      kind: 'otherTenant',
      message: 'This engagement belongs to another organization.',
      missing: [],
    });
  });

  test.each([FM, FE])('$name may', (person) => {
    expect(checkExporter(kickedOff(), person)).toBeUndefined();
  });
});
