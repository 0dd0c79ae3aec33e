/**
 * Splits Chinese (and Latin) text into sentences, keeping the punctuation with each sentence.
 * With `semicolons: false`, ；/; do not end a sentence (summaries read better whole).
 * A sentence ends at 。！？；!? or an ellipsis (…/……), plus any closing quotes or brackets that
 * follow it (”’」』）) — so a quoted sentence keeps its closing mark. A `.` ends a sentence only
 * before whitespace, so decimals like 27.4 stay whole.
 */
export function splitSentences(text: string, options: { semicolons?: boolean } = {}): string[] {
  const ends = options.semicolons === false ? SENTENCE_END_NO_SEMICOLON : SENTENCE_END;
  const sentences: string[] = [];
  let start = 0;
  let index = 0;
  while (index < text.length) {
    const character = text[index]!;
    let end = -1;
    if (ends.has(character)) {
      end = index + 1;
      while (end < text.length && (ends.has(text[end]!) || ELLIPSIS.has(text[end]!))) end += 1;
    } else if (ELLIPSIS.has(character)) {
      end = index + 1;
      while (end < text.length && ELLIPSIS.has(text[end]!)) end += 1;
    } else if ((character === '.' || (character === ';' && ends === SENTENCE_END)) && (index + 1 >= text.length || /\s/.test(text[index + 1]!))) {
      end = index + 1;
    } else if (character === '\n') {
      end = index + 1;
    }
    if (end === -1) {
      index += 1;
      continue;
    }
    while (end < text.length && CLOSING.has(text[end]!)) end += 1;
    pushTrimmed(sentences, text.slice(start, end));
    start = end;
    index = end;
  }
  pushTrimmed(sentences, text.slice(start));
  return sentences;
}

function pushTrimmed(sentences: string[], sentence: string): void {
  const trimmed = sentence.trim();
  if (trimmed.length > 0) sentences.push(trimmed);
}

const SENTENCE_END = new Set(['。', '！', '？', '；', '!', '?']);
const SENTENCE_END_NO_SEMICOLON = new Set(['。', '！', '？', '!', '?']);
const ELLIPSIS = new Set(['…']);
const CLOSING = new Set(['”', '’', '」', '』', '）', ')', '"', "'", '》', '】']);
