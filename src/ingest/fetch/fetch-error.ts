/** Why a fetch failed; each kind has its own fix, so callers and logs can tell them apart. */
export type FetchErrorKind = 'timeout' | 'too-large' | 'bad-status' | 'redirect-limit' | 'blocked-address' | 'unsupported-content' | 'network';

/** Raised by `fetchResource` for every failure; `url` is the hop that failed. */
export class FetchError extends Error {
  readonly kind: FetchErrorKind;
  readonly url: string;
  /** HTTP status for `bad-status`, else null. */
  readonly status: number | null;

  constructor(kind: FetchErrorKind, url: string, message: string, options: { cause?: unknown; status?: number } = {}) {
    super(`${message} (${url})`, { cause: options.cause });
    this.name = 'FetchError';
    this.kind = kind;
    this.url = url;
    this.status = options.status ?? null;
  }
}
