import { isFurnitureLine } from './is-furniture-line.js';
import { isPhotoCredit } from './is-photo-credit.js';
import type { PageBlock } from './page-structure.js';
import { parseByline } from './parse-byline.js';

/** A section's blocks with bylines, photo credits and furniture taken out. */
export interface SectionMetadata {
  blocks: PageBlock[];
  authors: string[];
  photoCaptions: string[];
}

/**
 * Takes bylines (→ authors), photo credits (→ captions) and page furniture (→ dropped) out of a
 * section's blocks, line by line, so they never reach the body or the repair steps.
 */
export function extractSectionMetadata(blocks: readonly PageBlock[]): SectionMetadata {
  const kept: PageBlock[] = [];
  const authors: string[] = [];
  const photoCaptions: string[] = [];
  for (const block of blocks) {
    let lines: string[] = [];
    const flush = (): void => {
      if (lines.length > 0) kept.push({ lines });
      lines = [];
    };
    for (const line of block.lines) {
      if (isFurnitureLine(line)) {
        flush();
        continue;
      }
      if (isPhotoCredit(line)) {
        flush();
        photoCaptions.push(line.trim());
        continue;
      }
      const names = parseByline(line);
      if (names) {
        flush();
        for (const name of names) if (!authors.includes(name)) authors.push(name);
        continue;
      }
      lines.push(line);
    }
    flush();
  }
  return { blocks: kept, authors, photoCaptions };
}
