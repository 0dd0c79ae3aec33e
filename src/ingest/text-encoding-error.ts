/** Thrown by `decodeText` when no encoding turns the bytes into clean text; callers turn it into an `IngestError`. */
export class TextEncodingError extends Error {
  override readonly name = 'TextEncodingError';

  constructor(
    /** The best guess that was tried (e.g. "windows-1252"), or null when nothing was detected. */
    readonly guessedEncoding: string | null,
    /** Share of characters that came out as U+FFFD or control characters under that guess, 0..1. */
    readonly badCharacterRatio: number,
  ) {
    super(`could not detect the text encoding (best guess ${guessedEncoding ?? 'none'}, ` + `${(badCharacterRatio * 100).toFixed(1)}% unreadable characters); save it as UTF-8`);
  }
}
