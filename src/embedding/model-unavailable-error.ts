/** Raised when the transformers.js embedding model cannot be loaded (no network, no cached copy, broken install). */
export class ModelUnavailableError extends Error {
  readonly model: string;
  /** Why loading failed, in a few words (also in the message). */
  readonly reason: string;

  constructor(model: string, reason: string, options?: { cause?: unknown }) {
    super(
      `could not load embedding model "${model}": ${reason}. ` +
        `Fix: on a machine with internet run "npx newsbot models download" ` +
        `(or copy the model folder into embeddings/models/${model}), ` +
        'or set EMBEDDING_MODEL=hash for the offline embedder.',
      options,
    );
    this.name = 'ModelUnavailableError';
    this.model = model;
    this.reason = reason;
  }
}
