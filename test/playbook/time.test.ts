import { sayInstantFor } from '../../src/playbook/time.js';

describe('an instant as a reader in another zone reads it', () => {
  const at = '2026-06-15T22:30:00.000Z';

  test('in the zone it was set in, then their own time, with their date when it is another day', () => {
    expect(sayInstantFor(at, 'America/New_York', 'Europe/Paris')).toBe(
      'Mon, 15 Jun 2026, 18:30 (America/New_York); Tue, 16 Jun, 00:30 your time (Europe/Paris)',
    );
    expect(sayInstantFor(at, 'Europe/London', 'Europe/Paris')).toBe(
      'Mon, 15 Jun 2026, 23:30 (Europe/London); Tue, 16 Jun, 00:30 your time (Europe/Paris)',
    );
    expect(sayInstantFor(at, 'Europe/Paris', 'Europe/Berlin')).toBe(
      'Tue, 16 Jun 2026, 00:30 (Europe/Paris); 00:30 your time (Europe/Berlin)',
    );
  });

  test('once when the reader is in that zone, has no zone, or one no runtime knows', () => {
    for (const reader of ['Europe/Paris', undefined, 'Mars/Olympus'])
      expect(sayInstantFor(at, 'Europe/Paris', reader)).toBe(
        'Tue, 16 Jun 2026, 00:30 (Europe/Paris)',
      );
  });
});
