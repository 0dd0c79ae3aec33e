/** Whether a text is a search query or a stored passage: some models embed them differently. */
export type EmbedKind = 'query' | 'passage';

/** Options of one `embed` call. */
export interface EmbedOptions {
  /**
   * Cancels the call: adapters check it before starting and between steps (loading the model,
   * running it) and then reject with `signal.reason`. A step already running finishes first.
   */
  signal?: AbortSignal;
}

/**
 * Port for turning texts into vectors. Implementations state their limits (`maxBatchSize`,
 * `maxConcurrency`); callers batch, run batches side by side up to the limit, and cancel.
 */
export interface Embedder {
  /** Identifies model + settings; recorded in the index manifest. */
  readonly id: string;
  readonly dimensions: number;
  /** Most texts one `embed` call accepts. */
  readonly maxBatchSize: number;
  /**
   * How many `embed` calls are worth running at once; 1 when calls would only queue for the same
   * thread or cores (an in-process model), more for an adapter whose calls wait on something
   * else (a remote embedding service).
   */
  readonly maxConcurrency: number;
  /**
   * Whether the vectors capture meaning (a trained model) rather than shared characters (hashing).
   * Retrieval trusts semantic vectors as much as keywords; lexical ones only break keyword ties
   * and back up queries that match no keyword.
   */
  readonly semantic: boolean;
  /** Characters of input the model sees; longer text is truncated by the model. */
  readonly maxInputChars: number;
  /** Returns one L2-normalized vector per text; at most `maxBatchSize` texts. */
  embed(texts: string[], kind: EmbedKind, options?: EmbedOptions): Promise<Float32Array[]>;
  /** Releases what the adapter holds beyond memory (a worker thread); `embed` rejects after. Absent when there is nothing to release. */
  close?(): Promise<void>;
}
