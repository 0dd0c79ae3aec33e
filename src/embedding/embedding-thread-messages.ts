import type { EmbedKind } from './embedder.js';
import type { ModelRole } from './model-unavailable-error.js';

/** What the main thread asks the embedding thread. */
export type EmbeddingThreadRequest = { id: number; type: 'load' } | { id: number; type: 'embed'; texts: string[]; kind: EmbedKind };

/** What the model turned out to be, once loaded in the thread. */
export interface LoadedEmbedderFacts {
  id: string;
  dimensions: number;
}

/** An error crossing the thread boundary: a `ModelUnavailableError` keeps its fields, anything else its name and message. */
export type ThreadError =
  | { kind: 'model-unavailable'; message: string; model: string; reason: string; role: ModelRole; modelDir: string; cause: ThreadErrorCause | null }
  | { kind: 'other'; name: string; message: string; cause: ThreadErrorCause | null };

/** An error's cause, by name and message (its class stays behind in the thread). */
export interface ThreadErrorCause {
  name: string;
  message: string;
}

/** The embedding thread's answer to request `id`. */
export type EmbeddingThreadReply = { id: number; ok: true; facts?: LoadedEmbedderFacts; vectors?: Float32Array[] } | { id: number; ok: false; error: ThreadError };
