/** Raised when a model file cannot be downloaded or the download fails its check. */
export class ModelDownloadError extends Error {
  readonly url: string;
  /** HTTP status, when the server answered. */
  readonly status: number | null;
  /** Whether the server could not be reached or stopped sending (rather than sending something wrong). */
  readonly network: boolean;

  constructor(url: string, reason: string, options: { status?: number; network?: boolean; cause?: unknown } = {}) {
    super(`download of ${url} failed: ${reason}`, { cause: options.cause });
    this.name = 'ModelDownloadError';
    this.url = url;
    this.status = options.status ?? null;
    this.network = options.network ?? false;
  }
}
