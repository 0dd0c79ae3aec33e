import type { TextSpan } from './text-span.js';

/** Clause breaks inside a sentence (not 、, which joins list items of one clause). */
const CLAUSE_BREAK = /[，,；;：:]/g;

/** Clauses of a sentence: pieces between commas, semicolons and colons, trimmed, with offsets; empty pieces dropped. */
export function splitClauses(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  let start = 0;
  for (const match of text.matchAll(CLAUSE_BREAK)) {
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
