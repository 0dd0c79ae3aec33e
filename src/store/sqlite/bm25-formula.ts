/** FTS5's bm25() constants: term-frequency saturation and length normalisation. */
export const K1 = 1.2;
export const B = 0.75;

/**
 * FTS5's IDF of a term held by `chunks` of `rows` chunks: ln((N − n + 0.5) / (n + 0.5)), 1e-6 where that is not
 * positive. `logarithm` defaults to `Math.log`; pass SQLite's ln() for bm25()'s scores bit for bit (see `rankBm25`).
 */
export function inverseDocumentFrequency(chunks: number, rows: number, logarithm: (value: number) => number = Math.log): number {
  const value = logarithm((rows - chunks + 0.5) / (chunks + 0.5));
  return value <= 0 ? 1e-6 : value;
}
