/** Lines of an in-article section header are short; a broken paragraph line is usually longer. */
export const MAX_SUB_HEADING_LINE = 25;

// A header is a phrase: no sentence or clause punctuation inside, at most a closing quote/bracket at the end.
const SENTENCE_PUNCTUATION = /[。！？!?；;，,、：:…]/;

/**
 * True when every line has the shape of an in-article section header ("一所学校的“变身”" /
 * "从旧厂房到新校园"): short, and a phrase rather than a sentence or a list.
 */
export function hasSubHeadingShape(lines: readonly string[]): boolean {
  return (
    lines.length > 0 &&
    lines.every((line) => {
      const text = line.trim();
      return text.length > 0 && [...text].length < MAX_SUB_HEADING_LINE && !SENTENCE_PUNCTUATION.test(text) && !text.endsWith('.');
    })
  );
}
