import type { ThreadError } from './embedding-thread-messages.js';
import { ModelUnavailableError } from './model-unavailable-error.js';

/** An error as it crosses from the embedding thread (see `fromThreadError`); a cause keeps its name and message. */
export function toThreadError(error: unknown, modelDir: string): ThreadError {
  const cause = error instanceof Error && error.cause instanceof Error ? { name: error.cause.name, message: error.cause.message } : null;
  if (error instanceof ModelUnavailableError)
    return { kind: 'model-unavailable', message: error.message, model: error.model, reason: error.reason, role: error.role, modelDir, cause };
  if (error instanceof Error) return { kind: 'other', name: error.name, message: error.message, cause };
  return { kind: 'other', name: 'Error', message: String(error), cause: null };
}

/** The error a `WorkerThreadEmbedder` rejects with: a `ModelUnavailableError` again, with the same message and fields. */
export function fromThreadError(error: ThreadError): Error {
  const cause = error.cause === null ? undefined : Object.assign(new Error(error.cause.message), { name: error.cause.name });
  if (error.kind === 'model-unavailable') {
    return new ModelUnavailableError(error.model, error.reason, { role: error.role, modelDir: error.modelDir, ...(cause === undefined ? {} : { cause }) });
  }
  const rebuilt = error.name === 'RangeError' ? new RangeError(error.message, { cause }) : new Error(error.message, { cause });
  rebuilt.name = error.name;
  return rebuilt;
}
