/** Whether a text is a search query or a stored passage: some models embed them differently. */
export type EmbedKind = 'query' | 'passage';

/** Port for turning texts into vectors. Implementations state their limits; callers batch. */
export interface Embedder {
  /** Identifies model + settings; recorded in the index manifest. */
  readonly id: string;
  readonly dimensions: number;
  /** Most texts one `embed` call accepts. */
  readonly maxBatchSize: number;
  /**
   * Whether the vectors capture meaning (a trained model) rather than shared characters (hashing).
   * Retrieval trusts semantic vectors as much as keywords; lexical ones only break keyword ties
   * and back up queries that match no keyword.
   */
  readonly semantic: boolean;
  /** Characters of input the model sees; longer text is truncated by the model. */
  readonly maxInputChars: number;
  /** Returns one L2-normalized vector per text. */
  embed(texts: string[], kind: EmbedKind): Promise<Float32Array[]>;
}
