const SENTENCE_ENDS = '。！？!?';
/** Closing quotes and brackets that belong to the sentence they follow (。” stays together). */
const CLOSERS = '”’"\'」』）)】》';

/**
 * Splits text into sentences after 。！？!? and …… (Chinese) or a full stop followed by a space
 * (Latin text; "1.65米" is not split). Closing quotes stay with their sentence; nothing is dropped
 * except surrounding whitespace.
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (let index = 0; index < text.length; index += 1) {
    if (!endsSentenceAt(text, index)) continue;
    let end = index + 1;
    while (end < text.length && (SENTENCE_ENDS.includes(text[end] ?? '') || text[end] === '…' || text[end] === '.')) end += 1;
    while (end < text.length && CLOSERS.includes(text[end] ?? '')) end += 1;
    pushTrimmed(sentences, text.slice(start, end));
    start = end;
    index = end - 1;
  }
  pushTrimmed(sentences, text.slice(start));
  return sentences;
}

function endsSentenceAt(text: string, index: number): boolean {
  const character = text[index] ?? '';
  if (SENTENCE_ENDS.includes(character)) return true;
  if (character === '…') return text[index + 1] === '…';
  if (character === '.') {
    const next = text[index + 1];
    return next === undefined || /\s/.test(next);
  }
  return false;
}

function pushTrimmed(sentences: string[], sentence: string): void {
  const trimmed = sentence.trim();
  if (trimmed.length > 0) sentences.push(trimmed);
}
