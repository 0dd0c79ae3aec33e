import { describe, expect, it } from 'vitest';
import { rankBm25 } from '../../../src/store/sqlite/rank-bm25.js';

const collection = { rows: 100, tokens: 1000, length: (chunkId: number) => (chunkId === 7 ? 40 : 10) };

describe('rankBm25', () => {
  it('counts repeated ids as occurrences, so a chunk holding a term twice ranks above one holding it once', () => {
    const hits = rankBm25([{ occurrences: [3, 5, 5, 9], weight: 1 }], collection, 10);
    expect(hits.map((hit) => hit.id)).toEqual([5, 3, 9]);
    expect(hits[1]!.score).toBe(hits[2]!.score);
  });

  it('adds the shares of every term a chunk holds, rarer terms weighing more, longer chunks less', () => {
    const hits = rankBm25(
      [
        { occurrences: [1, 2, 7], weight: 1 },
        { occurrences: Array.from({ length: 60 }, (_, index) => index + 1), weight: 1 },
      ],
      collection,
      3,
    );
    // 1 and 2 hold both terms at length 10; 7 holds both but is four times as long; the rest hold only the common one.
    expect(hits.map((hit) => hit.id)).toEqual([1, 2, 7]);
    expect(hits[0]!.score).toBeGreaterThan(hits[2]!.score);
  });

  it('keeps the best `limit`, ties by lower id, and nothing for no terms or no limit', () => {
    const occurrences = Array.from({ length: 30 }, (_, index) => 30 - index).reverse();
    expect(rankBm25([{ occurrences, weight: 1 }], collection, 4).map((hit) => hit.id)).toEqual([1, 2, 3, 4]);
    expect(rankBm25([], collection, 4)).toEqual([]);
    expect(rankBm25([{ occurrences, weight: 1 }], collection, 0)).toEqual([]);
  });
});
