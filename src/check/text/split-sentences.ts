import type { TextSpan } from './text-span.js';

/** Sentence ends: Chinese and Latin end marks with any closing quotes after them, and line breaks. */
const SENTENCE_END = /[。！？!?…]+[”’」』）)]*|\n+/g;
/** Clause breaks inside a sentence (not 、, which joins list items of one clause). */
const CLAUSE_BREAK = /[，,；;：:]/g;
/** Breaks between statements that share no slot: sentence ends plus semicolons. */
const SEGMENT_END = /[。！？!?；;…]+[”’」』）)]*|\n+/g;

/** Sentences of a text, trimmed, with offsets; empty pieces dropped. */
export function splitSentences(text: string): TextSpan[] {
  return splitAt(text, SENTENCE_END);
}

/** Clauses of a sentence: pieces between commas, semicolons and colons. */
export function splitClauses(text: string): TextSpan[] {
  return splitAt(text, CLAUSE_BREAK);
}

/** Statements: sentences further cut at semicolons (株洲硬质合金…提名奖；华锐精密…省长质量奖). */
export function splitStatements(text: string): TextSpan[] {
  return splitAt(text, SEGMENT_END);
}

function splitAt(text: string, breaks: RegExp): TextSpan[] {
  const spans: TextSpan[] = [];
  let start = 0;
  for (const match of text.matchAll(breaks)) {
    const end = match.index + match[0].length;
    pushTrimmed(spans, text, start, end);
    start = end;
  }
  pushTrimmed(spans, text, start, text.length);
  return spans;
}

function pushTrimmed(spans: TextSpan[], text: string, start: number, end: number): void {
  let from = start;
  let to = end;
  while (from < to && /\s/.test(text[from] ?? '')) from += 1;
  while (to > from && /\s/.test(text[to - 1] ?? '')) to -= 1;
  if (to > from) spans.push({ text: text.slice(from, to), start: from, end: to });
}
