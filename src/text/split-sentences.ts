// The one sentence splitter: chunking, fact check, answers, digest summaries and LLM verification differ only in options.
import type { TextSpan } from './text-span.js';

/** Options for {@link splitSentenceSpans} and {@link splitSentences}; every one defaults to `true` except `citations`. */
export interface SplitSentencesOptions {
  /** ；and ; end a sentence. Default true; digest summaries and the fact check's sentences read better whole. */
  semicolons?: boolean;
  /**
   * A Latin `.` (and, with `semicolons`, a Latin `;`) ends a sentence only before whitespace or the end
   * of the text, so 27.4 and `a;b` stay whole. When false, `.` never ends a sentence and `;` always does
   * (the fact check reads Chinese prose, where a spaced full stop is more often `No. 5` than a sentence end).
   * Default true.
   */
  latinStops?: boolean;
  /** An ellipsis (… or ……) ends a sentence. Default true; LLM replies use it mid-sentence. */
  ellipsis?: boolean;
  /** Citation markers written after the end (`…。[1][2]`) stay with their sentence. Default false. */
  citations?: boolean;
}

/** Marks that end a sentence wherever they stand. */
const FULL_STOPS = new Set(['。', '！', '？', '!', '?']);
/** Closing quotes and brackets after an end mark belong to the sentence they close (“今天开会。”). */
export const CLOSING_MARKS: ReadonlySet<string> = new Set(['”', '’', '」', '』', '）', ')', '"', "'", '》', '】']);
const ELLIPSIS = '…';
/** Every character that can end a sentence (what `ends` below asks about): the text between two is skipped at once. */
const MAY_END = /[\n。！？!?…；;.]/g;
const TRAILING_CITATIONS = /^\s*(?:\[\d+\]\s*)+/;
/**
 * Brackets: a semicolon between an opening mark and a closing one separates the items of an aside. Any closing mark
 * closes the innermost open bracket, so a mismatched pair still closes.
 */
const OPENING_BRACKETS = '（(［[【〔';
const CLOSING_BRACKETS = '）)］]】〕';
/** Finds the next opening mark, to skip the text up to it. */
const OPENING_BRACKET = new RegExp(`[${OPENING_BRACKETS.replace(/[[\]\\]/g, '\\$&')}]`, 'g');

/**
 * Sentences of `text` with their offsets (UTF-16, end exclusive), trimmed; empty pieces dropped.
 * A sentence ends at 。！？!?, ；/; and … (see options), at a line break, and takes with it the run of
 * end marks and closing quotes or brackets that follows (好吗？！”), so nothing is left as a sentence of its own.
 * A semicolon inside brackets does not end one: it separates an aside's items (氨碱法（Solvay process；又称“索尔维制碱法”）是……).
 */
export function splitSentenceSpans(text: string, options: SplitSentencesOptions = {}): TextSpan[] {
  const semicolons = options.semicolons ?? true;
  const latinStops = options.latinStops ?? true;
  const ellipsis = options.ellipsis ?? true;
  const isRunMark = (character: string): boolean =>
    FULL_STOPS.has(character) || CLOSING_MARKS.has(character) || (semicolons && (character === '；' || character === ';')) || (ellipsis && character === ELLIPSIS);
  const spans: TextSpan[] = [];
  const brackets = bracketDepth(text);
  let start = 0;
  let index = 0;
  for (;;) {
    MAY_END.lastIndex = index;
    const found = MAY_END.exec(text);
    if (found === null) break;
    index = found.index;
    const character = found[0];
    const ends =
      character === '\n' ||
      FULL_STOPS.has(character) ||
      (ellipsis && character === ELLIPSIS) ||
      (semicolons && character === '；' && brackets.at(index) === 0) ||
      (semicolons && character === ';' && (!latinStops || spaceFollows(text, index)) && brackets.at(index) === 0) ||
      (latinStops && character === '.' && spaceFollows(text, index));
    if (!ends) {
      index += 1;
      continue;
    }
    let end = index + 1;
    if (character !== '\n') while (end < text.length && isRunMark(text[end] as string)) end += 1;
    if (options.citations) end += TRAILING_CITATIONS.exec(text.slice(end))?.[0].length ?? 0;
    pushTrimmed(spans, text, start, end);
    start = end;
    index = end;
    brackets.restart(end);
  }
  pushTrimmed(spans, text, start, text.length);
  return spans;
}

/**
 * How many brackets are open at a point of a sentence, read on from the last point asked about (only semicolons ask,
 * so a sentence is read at most once): `at(index)`; `restart(start)` when a new sentence begins.
 */
function bracketDepth(text: string): { at: (index: number) => number; restart: (start: number) => void } {
  let depth = 0;
  let readTo = 0;
  // Where the next opening bracket is: the text up to it is skipped while no bracket is open.
  let nextOpening = -1;
  return {
    at(index) {
      if (depth === 0) {
        if (nextOpening < readTo) {
          OPENING_BRACKET.lastIndex = readTo;
          nextOpening = OPENING_BRACKET.exec(text)?.index ?? text.length;
        }
        readTo = Math.max(readTo, Math.min(nextOpening, index));
      }
      for (; readTo < index; readTo += 1) {
        const character = text[readTo] as string;
        if (OPENING_BRACKETS.includes(character)) depth += 1;
        else if (depth > 0 && CLOSING_BRACKETS.includes(character)) depth -= 1;
      }
      return depth;
    },
    restart(start) {
      depth = 0;
      readTo = start;
    },
  };
}

/** Whether a space or the end of the text follows `index`: asked of a Latin stop only, not of every character. */
function spaceFollows(text: string, index: number): boolean {
  const next = text[index + 1];
  return next === undefined || /\s/.test(next);
}

/** Sentences of `text` as strings; see {@link splitSentenceSpans}. */
export function splitSentences(text: string, options: SplitSentencesOptions = {}): string[] {
  return splitSentenceSpans(text, options).map((span) => span.text);
}

function pushTrimmed(spans: TextSpan[], text: string, start: number, end: number): void {
  let from = start;
  let to = end;
  while (from < to && /\s/.test(text[from] as string)) from += 1;
  while (to > from && /\s/.test(text[to - 1] as string)) to -= 1;
  if (to > from) spans.push({ text: text.slice(from, to), start: from, end: to });
}
