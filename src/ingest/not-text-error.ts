/** Thrown by `decodeText` when the bytes are binary (NUL bytes, control characters), not text in any encoding. */
export class NotTextError extends Error {
  override readonly name = 'NotTextError';

  constructor(
    /** Share of the bytes that are NUL or other control bytes (not tab, newline, form feed, CR), 0..1. */
    readonly controlByteRatio: number,
  ) {
    super(`the content is binary, not text (${(controlByteRatio * 100).toFixed(1)}% NUL or control bytes); expected a text file (UTF-8, UTF-16 with BOM, GB18030, Big5…)`);
  }
}
