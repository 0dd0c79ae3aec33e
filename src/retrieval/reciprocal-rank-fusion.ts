/** One ranked list to fuse, with its weight. */
export interface RankedList {
  ids: readonly number[];
  weight: number;
}

/**
 * Reciprocal rank fusion: score(id) = Σ weight / (k + rank). Robust to the different
 * scales of BM25 and cosine scores, which is why it is used instead of score blending.
 */
export function reciprocalRankFusion(lists: readonly RankedList[], k = 60): Map<number, number> {
  const scores = new Map<number, number>();
  for (const list of lists) {
    list.ids.forEach((id, index) => {
      scores.set(id, (scores.get(id) ?? 0) + list.weight / (k + index + 1));
    });
  }
  return scores;
}
