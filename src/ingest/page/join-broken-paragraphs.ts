import { joinText } from './join-text.js';
import type { BodyParagraph } from './page-structure.js';
import { endsSentence } from './sentence-end.js';
import { splitsWord } from './splits-word.js';
import { hasSubHeadingShape } from './sub-heading-shape.js';

/**
 * Rejoins paragraphs the layout broke mid-sentence: a prose paragraph that does not end like a
 * sentence absorbs the next prose paragraph. Before that, a lone short phrase between complete
 * paragraphs is recognised as an in-article header and kept apart, unless gluing it to the next
 * paragraph would mend a word cut in two ("…外国语学" + "校…"), which shows it is a broken line.
 */
export function joinBrokenParagraphs(paragraphs: readonly BodyParagraph[]): BodyParagraph[] {
  const joined: BodyParagraph[] = [];
  paragraphs.forEach((paragraph, index) => {
    const previous = joined.at(-1);
    if (paragraph.kind === 'text' && previous?.kind === 'text' && !endsSentence(previous.text)) {
      previous.text = joinText(previous.text, paragraph.text);
      return;
    }
    const next = paragraphs[index + 1];
    const isHeader = paragraph.kind === 'subheading' || (hasSubHeadingShape([paragraph.text]) && next?.kind === 'text' && !splitsWord(paragraph.text, next.text));
    joined.push({ text: paragraph.text, kind: isHeader ? 'subheading' : 'text' });
  });
  return joined;
}
