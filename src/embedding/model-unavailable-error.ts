/** What a model is loaded for: the error's message names it and the setting that turns it off. */
export type ModelRole = 'embedding' | 'reranking';

/** How to do without each kind of model, for the message. */
const WITHOUT_MODEL: Readonly<Record<ModelRole, string>> = {
  embedding: 'or set EMBEDDING_MODEL=hash for the offline embedder',
  reranking: 'or unset RERANK_MODEL to answer without reranking',
};

/** Raised when a transformers.js model (the embedder's or the reranker's) cannot be loaded: no network, no cached copy, broken install. */
export class ModelUnavailableError extends Error {
  readonly model: string;
  /** Why loading failed, in a few words (also in the message). */
  readonly reason: string;
  readonly role: ModelRole;

  /** `modelDir`: where a copied model folder is looked for (default `embeddings/models/<model>`). `role`: default `embedding`. */
  constructor(model: string, reason: string, options: { cause?: unknown; modelDir?: string; role?: ModelRole } = {}) {
    const role = options.role ?? 'embedding';
    super(
      `could not load ${role} model "${model}": ${reason}. ` +
        'Fix: on a machine with internet run "npx newsbot models download" ' +
        `(or copy the model folder into ${options.modelDir ?? `embeddings/models/${model}`}), ` +
        `${WITHOUT_MODEL[role]}.`,
      { cause: options.cause },
    );
    this.name = 'ModelUnavailableError';
    this.model = model;
    this.reason = reason;
    this.role = role;
  }
}
