import type { BodyParagraph } from './page-structure.js';
import { isLongEnoughToBeRepeat, MIN_REPEAT_LENGTH } from './repeat-threshold.js';

/**
 * Removes text a page layout printed twice within one article, working on the raw blocks in page
 * order against the text kept so far:
 * - a block equal to an earlier one, or contained in one (a repeat starting mid-sentence);
 * - a repeated run at the end of a block that is an earlier block's beginning or a whole earlier block
 *   ("…新的内容[earlier block]" → "…新的内容");
 * - a repeated run at the start of a block that is an earlier block's ending or a whole earlier block.
 * Runs of at least `MIN_REPEAT_LENGTH` characters are cut only at the edge of a block and only when they
 * line up with the edge of an earlier block, which is how a duplicated column looks; runs in the middle
 * of a block are never cut: there, a long shared run is more likely the writer's own repetition.
 */
export function removeRepeats(paragraphs: readonly BodyParagraph[]): BodyParagraph[] {
  const kept: BodyParagraph[] = [];
  for (const paragraph of paragraphs) {
    const seen = kept.map((previous) => previous.text);
    if (seen.includes(paragraph.text)) continue;
    if (paragraph.kind === 'subheading') {
      kept.push(paragraph);
      continue;
    }
    let text = paragraph.text;
    if (isContained(text, seen)) continue;
    text = text.slice(0, text.length - repeatedTailLength(text, seen));
    text = text.slice(repeatedHeadLength(text, seen));
    if (meaningfulLength(text) < 2 || seen.includes(text) || isContained(text, seen)) continue;
    kept.push({ text, kind: 'text' });
  }
  return kept;
}

function isContained(text: string, seen: readonly string[]): boolean {
  return isLongEnoughToBeRepeat(text) && seen.some((previous) => previous.includes(text));
}

/** Longest end of `text` that is the beginning of (or all of) an earlier block. */
function repeatedTailLength(text: string, seen: readonly string[]): number {
  let best = 0;
  for (const previous of seen) {
    // Candidate starts in `text` are where the earlier block's first character occurs; the first hit is the longest.
    const first = previous.charAt(0);
    const from = Math.max(1, text.length - previous.length);
    for (let start = text.indexOf(first, from); start !== -1; start = text.indexOf(first, start + 1)) {
      const length = text.length - start;
      if (length < Math.max(MIN_REPEAT_LENGTH, best + 1)) break;
      if (previous.startsWith(text.slice(start))) {
        best = length;
        break;
      }
    }
  }
  return best;
}

/** Longest beginning of `text` that is the end of (or all of) an earlier block. */
function repeatedHeadLength(text: string, seen: readonly string[]): number {
  let best = 0;
  for (const previous of seen) {
    const first = text.charAt(0);
    const from = Math.max(0, previous.length - (text.length - 1));
    for (let start = previous.indexOf(first, from); start !== -1; start = previous.indexOf(first, start + 1)) {
      const length = previous.length - start;
      if (length < Math.max(MIN_REPEAT_LENGTH, best + 1)) break;
      if (text.startsWith(previous.slice(start))) {
        best = length;
        break;
      }
    }
  }
  return best;
}

function meaningfulLength(text: string): number {
  return text.replace(/[\s\p{P}\p{S}]/gu, '').length;
}
