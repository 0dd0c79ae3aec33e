/** The configured embedding model could not be loaded; the message says how to fix it. */
export class ModelUnavailableError extends Error {
  readonly model: string;

  constructor(model: string, reason: string, options?: { cause?: unknown }) {
    super(
      `could not load embedding model "${model}": ${reason}. ` +
        `Fix: on a machine with internet run "npx newsbot models download" and copy its embeddings/models folder here ` +
        `(or set MODEL_CACHE_DIR to a folder holding ${model}), or set EMBEDDING_MODEL=hash to use the offline embedder.`,
      options,
    );
    this.name = 'ModelUnavailableError';
    this.model = model;
  }
}
