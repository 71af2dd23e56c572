/** Finding out what became of a delete the database did not answer, decided from what it says next. */
import { settleDelete, type OutcomeProbe } from '../../src/store/cosmos-outcome.js';
import {
  StoreConflictError,
  StoreOutcomeUnknownError,
  type Versioned,
} from '../../src/store/store.js';
import { newEngagement } from './fixtures.js';

const stored: Versioned = { engagement: newEngagement(), etag: 'v1' };
const lost = Object.assign(new Error('precondition failed'), { code: 412 });

/** A probe whose reads answer in turn from `reads`, and whose fence does `fence`. */
function probe(reads: (Versioned | undefined | Error)[], fence: () => Promise<void>): OutcomeProbe {
  return {
    read: async () => {
      const next = reads.shift();
      if (next instanceof Error) throw next;
      return next;
    },
    fence,
    isConflict: (err) => err === lost,
  };
}
const fenced = () => Promise.resolve();

describe('an unanswered delete', () => {
  it('was applied when the engagement is gone', async () => {
    expect(await settleDelete(probe([undefined], fenced), 'v1')).toBe(true);
  });

  it('is fenced off when the engagement is still there on its version: not deleted', async () => {
    const fence = jest.fn(fenced);
    expect(await settleDelete(probe([stored], fence), 'v1')).toBe(false);
    expect(fence).toHaveBeenCalledWith(stored.engagement, 'v1');
  });

  it('was applied when it wins the race with the fence (gone on the second look)', async () => {
    const fence = () => Promise.reject(lost);
    expect(await settleDelete(probe([stored, undefined], fence), 'v1')).toBe(true);
  });

  it('is decided again when the engagement changed meanwhile', async () => {
    const changed = { ...stored, etag: 'v2' };
    await expect(settleDelete(probe([changed], fenced), 'v1')).rejects.toBeInstanceOf(
      StoreConflictError,
    );
    const fence = () => Promise.reject(lost);
    await expect(settleDelete(probe([stored, changed], fence), 'v1')).rejects.toBeInstanceOf(
      StoreConflictError,
    );
  });

  it('stays unknown when the database does not answer these questions either', async () => {
    await expect(settleDelete(probe([new Error('timeout')], fenced), 'v1')).rejects.toBeInstanceOf(
      StoreOutcomeUnknownError,
    );
    const down = () => Promise.reject(new Error('socket hang up'));
    await expect(settleDelete(probe([stored], down), 'v1')).rejects.toBeInstanceOf(
      StoreOutcomeUnknownError,
    );
  });
});
