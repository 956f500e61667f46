import { describe, expect, it } from 'vitest';
import { dataUrlToBlob, randomMoments } from './snapshotQueue';

describe('snapshot moments and queue', () => {
  it('spreads the random snapshots over what is left of the attempt, away from its start and end', () => {
    for (let run = 0; run < 50; run++) {
      const moments = randomMoments(3, 60 * 60_000);
      expect(moments).toHaveLength(3);
      expect(moments.every((m) => m >= 30_000 && m <= 60 * 60_000 - 30_000)).toBe(true);
      expect([...moments].sort((a, b) => a - b)).toEqual(moments);
    }
    expect(randomMoments(3, 50_000)).toEqual([]);
    expect(randomMoments(0, 60 * 60_000)).toEqual([]);
  });

  it('turns a queued data URL back into the JPEG bytes', async () => {
    const blob = dataUrlToBlob(`data:image/jpeg;base64,${Buffer.from([0xff, 0xd8, 0xff, 0xd9]).toString('base64')}`);
    expect(blob.type).toBe('image/jpeg');
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([0xff, 0xd8, 0xff, 0xd9]);
  });
});
