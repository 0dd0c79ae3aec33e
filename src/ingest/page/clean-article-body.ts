import { blockToParagraph } from './block-to-paragraph.js';
import { dropContainedParagraphs } from './drop-contained-paragraphs.js';
import { joinBrokenParagraphs } from './join-broken-paragraphs.js';
import type { PageBlock } from './page-structure.js';
import { removeRepeats } from './remove-repeats.js';

/**
 * Repairs an article's body blocks into paragraphs. Repeats are removed first, on the raw blocks,
 * because a duplicated column is still a whole block (or the edge of one) there; joining first would
 * bury it mid-paragraph. Broken sentences are joined next, and a last pass drops any paragraph that
 * joining made redundant.
 */
export function cleanArticleBody(blocks: readonly PageBlock[]): string[] {
  const paragraphs = blocks.map(blockToParagraph).filter((paragraph) => paragraph.text.length > 0);
  return dropContainedParagraphs(joinBrokenParagraphs(removeRepeats(paragraphs))).map((paragraph) => paragraph.text);
}
