import type { BodyParagraph } from './page-structure.js';
import { isLongEnoughToBeRepeat } from './repeat-threshold.js';

/**
 * Final guard after joining: drops a paragraph repeated verbatim or contained in another paragraph
 * (joining can assemble a paragraph that swallows an earlier fragment). Short in-article headers are
 * exempt from the containment test: the body often echoes its own header words.
 */
export function dropContainedParagraphs(paragraphs: readonly BodyParagraph[]): BodyParagraph[] {
  return paragraphs.filter((paragraph, index) =>
    paragraphs.every((other, otherIndex) => {
      if (otherIndex === index) return true;
      if (other.text === paragraph.text) return otherIndex > index;
      if (paragraph.kind === 'subheading' || !isLongEnoughToBeRepeat(paragraph.text)) return true;
      return !other.text.includes(paragraph.text);
    }),
  );
}
