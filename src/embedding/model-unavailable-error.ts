/** Raised when the transformers.js embedding model cannot be loaded (no network, no cached copy, broken install). */
export class ModelUnavailableError extends Error {
  readonly model: string;
  /** Why loading failed, in a few words (also in the message). */
  readonly reason: string;

  /** `modelDir`: where a copied model folder is looked for (default `embeddings/models/<model>`). */
  constructor(model: string, reason: string, options: { cause?: unknown; modelDir?: string } = {}) {
    super(
      `could not load embedding model "${model}": ${reason}. ` +
        'Fix: on a machine with internet run "npx newsbot models download" ' +
        `(or copy the model folder into ${options.modelDir ?? `embeddings/models/${model}`}), ` +
        'or set EMBEDDING_MODEL=hash for the offline embedder.',
      { cause: options.cause },
    );
    this.name = 'ModelUnavailableError';
    this.model = model;
    this.reason = reason;
  }
}
