/** Identifies the embedder an index was built with. */
export interface EmbedderIdentity {
  embedderId: string;
  dimensions: number;
}

/** Raised when the vector index on disk was built by another embedder than the configured one. */
export class EmbedderMismatchError extends Error {
  readonly dir: string;
  /** The configured embedder (EMBEDDING_MODEL). */
  readonly expected: EmbedderIdentity;
  /** The embedder recorded in the index manifest. */
  readonly actual: EmbedderIdentity;
  constructor(dir: string, expected: EmbedderIdentity, actual: EmbedderIdentity) {
    super(
      `the vector index in ${dir} was built with ${actual.embedderId} (${actual.dimensions} dims) ` +
        `but EMBEDDING_MODEL is ${expected.embedderId} (${expected.dimensions} dims); run "newsbot reindex" to rebuild it`,
    );
    this.name = 'EmbedderMismatchError';
    this.dir = dir;
    this.expected = expected;
    this.actual = actual;
  }
}
