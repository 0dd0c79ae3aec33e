import { ModelDownloadError } from './model-download-error.js';
import { ModelFileMissingError } from './model-file-missing-error.js';

/** Why a model did not load, in a few words for `ModelUnavailableError`'s message (with a hint when the hub was unreachable). */
export function describeModelFailure(error: unknown): string {
  if (error instanceof ModelFileMissingError) return error.message;
  if (error instanceof ModelDownloadError) return `${error.message}${error.network ? ' (is the hub reachable from here? HF_ENDPOINT can name a mirror)' : ''}`;
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? error.cause.message : null;
    return cause && !error.message.includes(cause) ? `${error.message} (${cause})` : error.message;
  }
  return String(error);
}
