/** Options of one `score` call. */
export interface RerankOptions {
  /**
   * Cancels the call: adapters check it before starting and between steps (loading the model,
   * running it) and then reject with `signal.reason`. A step already running finishes first.
   */
  signal?: AbortSignal;
}

/**
 * Port for a cross-encoder: reads a question and a passage together and says how well the passage
 * answers it, which a pair of separately embedded vectors cannot. Implementations state their
 * limit (`maxBatchSize`); callers batch and cancel.
 */
export interface Reranker {
  /** Identifies model and settings, e.g. `Xenova/bge-reranker-base@main:quantized`. */
  readonly id: string;
  /** Most passages one `score` call accepts. */
  readonly maxBatchSize: number;
  /**
   * One relevance score per text, in their order: higher means more relevant to `query`. The scale
   * is the model's own (a logit), comparable between passages of one query, not between models.
   */
  score(query: string, texts: readonly string[], options?: RerankOptions): Promise<number[]>;
}
