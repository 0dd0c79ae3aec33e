/**
 * Characters that may end a paragraph: sentence punctuation, closing quotes and brackets (a quote
 * closes after its own 。), and colons (a paragraph introducing a quote or list is complete as laid out).
 */
const PARAGRAPH_END = new Set(['。', '．', '.', '！', '!', '？', '?', '；', ';', '…', '：', ':', '”', '’', '"', "'", '」', '』', '）', ')', '】', ']']);

/** True when the text ends where a paragraph may end; false when it stops mid-sentence (a layout break). */
export function endsSentence(text: string): boolean {
  const last = text.trimEnd().at(-1);
  return last !== undefined && PARAGRAPH_END.has(last);
}
