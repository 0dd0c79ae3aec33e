import { ASKS_FOR_NAME } from './follow-up-patterns.js';
import { tagWords } from '../../text/jieba/tag-words.js';
import { normalizeForMatching } from '../../text/normalize-text.js';
import { analyzeQuestion } from '../question-profile.js';

/** jieba tags of names, and `x` for words its guesser found (mostly names it does not know: 王晓梅/x). */
const NAME_TAG = /^(nr|nrfg|nrt|ns|nt|nz|x)$/;
const HAN_NAME = /^\p{Script=Han}{2,4}$/u;

/**
 * The person or thing an answer named when its question asked for one (谁, 哪家…), what a later 她/它 means:
 * of the names in the answer's first sentence (up to its first `[n]`) that the question does not hold, the one closest to a word of
 * the question (青年教师奖的获奖者是谁？ → "…获奖者是市实验小学教师王晓梅" → 王晓梅; "澳维膜常务副总经理黄海道出…"
 * → 黄海, not a word jieba guessed in a quotation before it). Null when the question asked something else or
 * no name is found.
 */
export function answerSubject(question: string, answer: string): string | null {
  const profile = analyzeQuestion(question);
  if (!ASKS_FOR_NAME.test(question) && profile.expects !== 'person') return null;
  // The first quoted sentence: up to its citation marker (a quotation may hold a full stop of its own).
  const firstSentence = normalizeForMatching(answer.split(/\[\d+\]/)[0] ?? '');
  const anchors = profile.units.flatMap((unit) => positionsOf(firstSentence, unit.text).flatMap((start) => [start, start + unit.text.length]));
  let best: { word: string; distance: number } | null = null;
  let position = 0;
  for (const { word, tag } of tagWords(firstSentence)) {
    const start = firstSentence.indexOf(word, position);
    position = start >= 0 ? start + word.length : position;
    if (start < 0 || !HAN_NAME.test(word) || !NAME_TAG.test(tag) || profile.text.includes(word)) continue;
    const distance = anchors.length === 0 ? start : Math.min(...anchors.map((anchor) => Math.min(Math.abs(anchor - start), Math.abs(anchor - (start + word.length)))));
    if (!best || distance < best.distance) best = { word, distance };
  }
  return best?.word ?? null;
}

function positionsOf(text: string, word: string): number[] {
  const positions: number[] = [];
  for (let position = text.indexOf(word); position >= 0 && word.length > 0; position = text.indexOf(word, position + 1)) positions.push(position);
  return positions;
}
