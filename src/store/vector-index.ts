/** A nearest-neighbour hit: the chunk label and its cosine similarity (1 = identical). */
export interface VectorHit {
  id: number;
  similarity: number;
}

/** Port for the vector index. Labels are chunk ids from the database (never reused). */
export interface VectorIndex {
  readonly dimensions: number;
  /** Number of live vectors. */
  count(): number;
  /** Live labels, for drift detection against the database. */
  ids(): number[];
  add(id: number, vector: Float32Array): void;
  remove(id: number): void;
  search(vector: Float32Array, k: number): VectorHit[];
  /** Persists atomically (temporary file + rename). No-op when nothing changed. */
  save(): void;
  /** True while the vectors are still being read in the background: a search now would wait for them. */
  loadingInBackground?(): boolean;
}

/** What the saved files hold, as `manifest.json` records it: compared with the database's chunks without loading. */
export interface LabelFingerprint {
  count: number;
  /** Sum of the live labels (chunk ids are never reused, so a changed set changes the count or the sum). */
  labelSum: number;
}
