import { joinText } from './join-text.js';
import type { BodyParagraph, PageBlock } from './page-structure.js';
import { hasSubHeadingShape } from './sub-heading-shape.js';

/**
 * Turns a block into a body paragraph. Lines tied by hard breaks are a section header when each is a
 * short phrase ("一所学校的“变身”" / "从旧厂房到新校园", kept as one paragraph with a space between);
 * otherwise they are one paragraph broken by the layout and are joined.
 */
export function blockToParagraph(block: PageBlock): BodyParagraph {
  const lines = block.lines.map((line) => line.trim()).filter((line) => line.length > 0);
  if (lines.length > 1 && hasSubHeadingShape(lines)) return { text: lines.join(' '), kind: 'subheading' };
  return { text: lines.reduce((text, line) => (text.length === 0 ? line : joinText(text, line)), ''), kind: 'text' };
}
