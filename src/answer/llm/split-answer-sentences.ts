// Turns a model reply into sentences with their citation numbers, the unit that verification keeps or drops.
import { splitSentences, type SplitSentencesOptions } from '../../text/split-sentences.js';

/** One sentence of a reply. */
export interface AnswerSentence {
  /** The sentence with its citations normalized to `[n]` markers (as the model numbered them). */
  text: string;
  /** The sentence without citation markers: what is checked against the passages. */
  claim: string;
  /** Passage numbers cited, in order, without repeats. */
  citations: number[];
  /** 0-based line of the reply, so kept sentences can be rejoined with the reply's line breaks. */
  line: number;
}

const THINKING = /<think>[\s\S]*?(?:<\/think>|$)/gi;
const CITATION_GROUP = /[[【［]\s*(\d{1,3}(?:\s*[,，、;；]\s*\d{1,3})*)\s*[\]】］]/g;
const CITATION = /\[(\d+)\]/g;
const LIST_MARKER = /^\s*(?:[-*•·]|\d{1,2}[.、)）])\s+/;
/** Models write ； and … inside a sentence they cite once, and put the citation after the full stop. */
const REPLY_SENTENCES: Readonly<SplitSentencesOptions> = Object.freeze({ semicolons: false, ellipsis: false, citations: true });

/**
 * Splits a reply at 。！？!?, at a full stop followed by a space, and at line breaks.
 * Citations written after the full stop (`…。[1]`) stay with their sentence; `[1,2]` and `【1】` become `[1][2]` and `[1]`.
 * Reasoning blocks (`<think>…</think>`), Markdown emphasis, list bullets and trailing source lists are removed.
 */
export function splitAnswerSentences(reply: string): AnswerSentence[] {
  const cleaned = reply
    .replace(THINKING, '')
    .replace(/\*\*|__/g, '')
    .replace(CITATION_GROUP, (_match, numbers: string) =>
      numbers
        .split(/[,，、;；]/)
        .map((number) => `[${Number(number.trim())}]`)
        .join(''),
    );
  const sentences: AnswerSentence[] = [];
  cleaned.split(/\r?\n/).forEach((rawLine, line) => {
    const text = rawLine.replace(LIST_MARKER, '').trim();
    if (isSourceListLine(text)) return;
    for (const piece of splitSentences(text, REPLY_SENTENCES)) {
      const claim = piece.replace(CITATION, '').trim();
      if (!/[\p{L}\p{N}]/u.test(claim)) continue;
      const citations = [...new Set([...piece.matchAll(CITATION)].map((match) => Number(match[1])))];
      sentences.push({ text: piece, claim, citations, line });
    }
  });
  return sentences;
}

/** Lines the model adds despite the instructions: `[1] Title …` source lists and `来源：` / `Sources:` headings. */
function isSourceListLine(line: string): boolean {
  return /^\[\d+\]/.test(line) || /^[\p{L}\s]{1,20}[:：]$/u.test(line);
}
