import type { PageBlock, PageSection } from './page-structure.js';

// ATX headings up to level 3 split articles; an optional closing run of #s is not part of the title.
const HEADING = /^ {0,3}(#{1,3})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
// Deeper headings are section headers inside an article: kept as body lines without their #s.
const DEEP_HEADING = /^ {0,3}#{4,6}[ \t]+/;
// Markdown hard break: two trailing spaces or a trailing backslash.
const HARD_BREAK = /(?: {2,}|\t|\\)$/;
// Leading indentation, including the full-width spaces Chinese plain text indents paragraphs with.
const INDENT = /^[\s\u3000]+/;

/**
 * Splits a page into sections at headings, and each section into blocks. Every line is its own
 * block unless a hard break ties it to the next: a page's soft line breaks are unreliable (plain-text
 * exports put one paragraph per line), so paragraphs broken mid-sentence are rejoined later instead.
 */
export function splitPageSections(text: string): PageSection[] {
  const sections: PageSection[] = [{ heading: null, blocks: [] }];
  let current = sections[0] as PageSection;
  let pending: string[] = [];

  const closeBlock = (): void => {
    if (pending.length > 0) current.blocks.push({ lines: pending } satisfies PageBlock);
    pending = [];
  };

  for (const rawLine of text.split(/\r\n|\r|\n/)) {
    const heading = HEADING.exec(rawLine);
    if (heading) {
      closeBlock();
      const title = (heading[2] ?? '').trim();
      if (title.length === 0) continue;
      current = { heading: { level: (heading[1] ?? '#').length, text: title }, blocks: [] };
      sections.push(current);
      continue;
    }
    const line = rawLine.replace(DEEP_HEADING, '').replace(INDENT, '').replace(/\\$/, '').trimEnd();
    if (line.length === 0) {
      closeBlock();
      continue;
    }
    pending.push(line);
    if (!HARD_BREAK.test(rawLine)) closeBlock();
  }
  closeBlock();
  return sections;
}
