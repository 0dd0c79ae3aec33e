import { describe, expect, it } from 'vitest';
import { reciprocalRankFusion } from '../../src/retrieval/reciprocal-rank-fusion.js';

describe('reciprocalRankFusion', () => {
  it('rewards ids ranked well in both lists over one list’s winner', () => {
    const scores = reciprocalRankFusion([
      { ids: [1, 2, 3], weight: 1 },
      { ids: [4, 2, 5], weight: 1 },
    ]);
    const order = [...scores.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
    expect(order[0]).toBe(2);
    expect(scores.get(2)).toBeCloseTo(2 / 62);
  });

  it('applies list weights', () => {
    const scores = reciprocalRankFusion([
      { ids: [1], weight: 2 },
      { ids: [2], weight: 1 },
    ]);
    expect(scores.get(1)! > scores.get(2)!).toBe(true);
  });
});
