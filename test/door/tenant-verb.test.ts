/** "Refresh from tenant": the door turns what the read gave into the action, or says why not. */
import { readCardAction } from '../../src/door/read.js';
import type { DoorContext } from '../../src/door/result.js';

const base: DoorContext = { leadMinutes: 15, timeZone: 'UTC', members: [] };
const refresh = (tenant?: DoorContext['tenant']) =>
  readCardAction(
    'tenant.refresh',
    { card: 'identity' },
    { ...base, ...(tenant ? { tenant } : {}) },
  );

test('a read the tenant refused becomes the action, so the record can say consent was withdrawn', () => {
  const read = { ok: false as const, denied: 'No consent.', at: '2026-11-25T10:02:00.000Z' };
  expect(refresh(read)).toEqual({
    kind: 'action',
    card: 'identity',
    action: { type: 'recordTenantFacts', read },
  });
});

test('a read that could not be had now, or a bot without Graph, is a message and nothing else', () => {
  expect(refresh({ unavailable: 'Microsoft Graph is throttling.' })).toEqual({
    kind: 'invalid',
    card: 'identity',
    message: 'Microsoft Graph is throttling.',
    form: {},
  });
  expect(refresh()).toMatchObject({
    kind: 'invalid',
    message:
      "Reading the customer's tenant is not set up for this bot; the facts typed on the cards count.",
  });
});
