import { describe, expect, it } from 'vitest';
import { lengthBuckets } from '../../src/pipeline/length-buckets.js';

describe('lengthBuckets', () => {
  it('cuts batches from the texts sorted by length, naming every position once', () => {
    const texts = ['aaaa', 'a', 'aaaaaa', 'aa', 'aaa', 'aaaaa', ''];
    const buckets = lengthBuckets(texts, 3);
    expect(buckets).toEqual([[6, 1, 3], [4, 0, 5], [2]]);
    expect(buckets.flat().sort()).toEqual(texts.map((_, position) => position));
  });

  it('keeps the order of texts of equal length', () => {
    expect(lengthBuckets(['bb', 'a', 'cc', 'd'], 2)).toEqual([
      [1, 3],
      [0, 2],
    ]);
  });

  it('gives nothing for no texts and refuses a batch size below 1', () => {
    expect(lengthBuckets([], 4)).toEqual([]);
    expect(() => lengthBuckets(['a'], 0)).toThrow(RangeError);
  });
});
