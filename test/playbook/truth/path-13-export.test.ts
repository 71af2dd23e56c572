/**
 * Path 13: the summary leaves the chat only for people with a role in the engagement. (The
 * conversation test checks the same over HTTP: the export button answers a stranger with this.)
 */
import { checkReader } from '../../../src/playbook/permissions.js';
import { BDM, FE, FM, kickedOff, OUTSIDER, SME, STRANGER } from '../builders.js';

describe('path 13: export is open to anyone in the chat', () => {
  test('someone in the chat without a role may not export', () => {
    expect(checkReader(kickedOff(), STRANGER)).toEqual({
      kind: 'notAllowed',
      message:
        'Only people with a role in the engagement with Contoso Ltd can export its summary. Ask the FastTrack manager to add you.',
      missing: [],
    });
  });

  test('someone of another organization may not export', () => {
    expect(checkReader(kickedOff(), OUTSIDER)).toEqual({
      kind: 'otherTenant',
      message: 'This engagement belongs to another organization.',
      missing: [],
    });
  });

  test.each([FM, FE, SME, BDM])('$name, with a role, may', (person) => {
    expect(checkReader(kickedOff(), person)).toBeUndefined();
  });
});
