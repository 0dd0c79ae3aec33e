/** What went wrong talking to the chat-completions server. */
export type LlmErrorKind = 'config' | 'timeout' | 'network' | 'http' | 'rate_limit' | 'malformed' | 'empty';

/**
 * Raised by the chat-completions client. The message names the endpoint (without credentials or query string)
 * and the status; it never contains the API key.
 */
export class LlmError extends Error {
  readonly kind: LlmErrorKind;
  /** HTTP status when the server answered, else null. */
  readonly status: number | null;

  constructor(kind: LlmErrorKind, message: string, options: { status?: number | null; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'LlmError';
    this.kind = kind;
    this.status = options.status ?? null;
  }
}
