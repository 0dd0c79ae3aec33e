/**
 * Shortest run of text treated as a layout duplicate. Shorter shared runs are ordinary prose (names,
 * slogans, a recurring phrase in one report).
 */
export const MIN_REPEAT_LENGTH = 12;

/** A complete short sentence repeated verbatim is still a duplicate; a short phrase may be the writer's echo. */
const MIN_REPEATED_SENTENCE_LENGTH = 8;

/** True when `text` is long enough that finding it again inside other text means it was printed twice. */
export function isLongEnoughToBeRepeat(text: string): boolean {
  return text.length >= MIN_REPEAT_LENGTH || (text.length >= MIN_REPEATED_SENTENCE_LENGTH && /[。！？!?]$/.test(text));
}
