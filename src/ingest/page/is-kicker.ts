import { endsSentence } from './sentence-end.js';
import { longestCommonSubstringLength } from './longest-common-substring-length.js';

/** A kicker is a one-phrase teaser; anything longer is a paragraph. */
const MAX_KICKER_LENGTH = 60;
/** Shared run of characters showing that an unpunctuated line announces the next article. */
const SHARED_WITH_NEXT = 6;
/** Shared run needed when the line is a complete sentence: it must clearly quote the next article. */
const QUOTED_FROM_NEXT = 12;

/**
 * Decides whether the last line before a heading is the next article's kicker (teaser line set above
 * its headline) rather than the previous article's last paragraph. Judged from position and shape:
 * one short phrase, not continuing an unfinished paragraph, that trails off in an ellipsis, has no
 * closing punctuation, or repeats text of the next article.
 */
export function isKicker(line: string, previousParagraph: string | null, nextArticleText: string): boolean {
  const text = line.trim();
  if (text.length < 4 || text.length > MAX_KICKER_LENGTH) return false;
  // The line finishes the previous paragraph when that one stops mid-sentence.
  if (previousParagraph !== null && !endsSentence(previousParagraph)) return false;
  // More than one sentence is prose, not a teaser.
  if (/[。！？!?；;]/.test(text.slice(0, -1))) return false;
  if (/(?:…|\.\.\.|。。。)$/.test(text)) return true;
  const shared = longestCommonSubstringLength(text, nextArticleText);
  if (!endsSentence(text)) return !/[，、,]/.test(text) || shared >= SHARED_WITH_NEXT;
  return shared >= QUOTED_FROM_NEXT;
}
