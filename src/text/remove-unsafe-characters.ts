/** How many characters of each kind {@link removeUnsafeCharacters} took out. */
export interface UnsafeCharacterCounts {
  /** C0 and C1 control characters and DEL, newline and tab excepted. */
  control: number;
  /** Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they reorder the text around them. */
  bidi: number;
  /** Surrogate code units without their pair: no character at all, and refused by Telegram. */
  loneSurrogate: number;
}

/** An empty tally to pass to {@link removeUnsafeCharacters}. */
export function noUnsafeCharacters(): UnsafeCharacterCounts {
  return { control: 0, bidi: 0, loneSurrogate: 0 };
}

// One group per kind. With the u flag a surrogate pair is one code point, so \p{Cs} matches only lone halves.
const UNSAFE = /((?![\n\t])\p{Cc})|([\u202A-\u202E\u2066-\u2069])|(\p{Cs})/gu;

/**
 * `text` without control characters (newline and tab kept), bidi overrides and lone surrogates: what an article
 * or a reader's message may carry but no reader should be shown (a U+202E reverses the text after it in the chat;
 * a lone surrogate makes Telegram refuse the message). Counts what it removed into `counts` when given.
 */
export function removeUnsafeCharacters(text: string, counts?: UnsafeCharacterCounts): string {
  return text.replace(UNSAFE, (_match, control: string | undefined, bidi: string | undefined) => {
    if (counts) {
      if (control !== undefined) counts.control += 1;
      else if (bidi !== undefined) counts.bidi += 1;
      else counts.loneSurrogate += 1;
    }
    return '';
  });
}
