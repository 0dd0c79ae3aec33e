/** HNSW settings: hnswlib's usual construction values, good recall for 512-dim text vectors. */
export const HNSW_DEFAULTS = {
  /** Links per node (hnswlib's M). */
  m: 16,
  /** Construction effort of a new index (`efConstruction` overrides it). */
  efConstruction: 200,
  randomSeed: 100,
  /** Growth step cap, so a 1M-vector index does not double its allocation at once. */
  maxGrowth: 131_072,
  /** ef below which search is not set: more candidates help most on flat data (hash vectors). */
  minEfSearch: 200,
  /**
   * Vectors a segment holds before it is sealed and a new one opened (`INDEX_SEGMENT_VECTORS`); see
   * docs/performance.md, "A segmented vector index", for the measurement behind it. A new segment reserves this many
   * slots at once: the pages are only made resident as vectors fill them, and the segment never has to be copied
   * into a larger allocation while it grows.
   */
  segmentVectors: 200_000,
} as const;
