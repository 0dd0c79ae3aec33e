import { normalizeForMatching } from './normalize-text.js';

/** Quotes, brackets and blanks, which papers use freely (“青春减重营”让) and claims often drop. */
const IGNORED = /[“”‘’"'「」『』《》〈〉()（）【】\s]/g;

/** Text as compared: simplified, half-width, lower case, without quotes, brackets or blanks. */
export function foldForMatching(text: string): string {
  return normalizeForMatching(text).replace(IGNORED, '');
}
