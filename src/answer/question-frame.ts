import { ASKING_WORDS } from './question-profile.js';

/**
 * The question around its question word: 苏明减肥前体重是|多少|公斤 → before 苏明减肥前体重是, after 公斤. A sentence
 * that answers often says the same with the fact where the question word stands (减肥前体重是85.1公斤).
 */
export interface QuestionFrame {
  before: string;
  after: string;
}

/** Characters of each side that count: the words right next to the question word say where the fact sits. */
const FRAME_SIDE = 6;
/** Most characters between the two sides for the fact between them (a name, a figure with its unit, a date). */
const FRAME_GAP = 20;
/** Framing and punctuation at the question's ends, not part of what it says (请问…, …呢？). */
const LEADING_FRAMING = /^(?:请问|文中|文章中|根据文章|[\s\p{P}])+/u;
const TRAILING_FRAMING = /(?:[吗呢吧啊呀]|[\s\p{P}])+$/u;
/** The measure word after 哪 (哪一种语言, 哪部电影) belongs to the question word: the sentence names the thing without it. */
const WHICH_MEASURE = /^一?[个种本部位名家所座条项件次类只首支门场届间]/u;
/** A copula or preposition before the question word (体重是多少, 出生在哪里): sentences put the fact there without it. */
const TRAILING_COPULA = /[是为在有约共]+$/u;

/** Splits a folded question at its first question word; null when it has none (an English question, 是否…). */
export function questionFrame(foldedQuestion: string): QuestionFrame | null {
  let at = -1;
  let word = '';
  for (const candidate of ASKING_WORDS) {
    const position = foldedQuestion.indexOf(candidate);
    if (position >= 0 && (at < 0 || position < at || (position === at && candidate.length > word.length))) {
      at = position;
      word = candidate;
    }
  }
  if (at < 0) return null;
  const before = foldedQuestion.slice(0, at).replace(LEADING_FRAMING, '').replace(TRAILING_COPULA, '');
  let after = foldedQuestion.slice(at + word.length).replace(TRAILING_FRAMING, '');
  if (word.startsWith('哪')) after = after.replace(WHICH_MEASURE, '');
  const frame = { before: [...before].slice(-FRAME_SIDE).join(''), after: [...after].slice(0, FRAME_SIDE).join('') };
  return frame.before.length + frame.after.length >= 2 ? frame : null;
}

/**
 * How much of the question's frame a folded sentence repeats around a gap where the fact would stand (0–1): the
 * longest end of the words before the question word and start of those after (two characters or more), the second
 * beginning 1–20 characters after the first ends; one side alone counts when the sentence goes on past it (or leads up
 * to it).
 */
export function frameFit(sentence: string, frame: QuestionFrame | null): number {
  if (frame === null) return 0;
  const { before, after } = frame;
  const whole = before.length + after.length;
  // One shared character (桥, 的) says nothing of where the fact stands: a side counts from two, or whole.
  const least = (side: string): number => Math.min(2, side.length);
  let best = 0;
  for (let a = before.length; a >= 0; a -= 1) {
    if (a + after.length <= best) break;
    if (a > 0 && a < least(before)) continue;
    const suffix = before.slice(before.length - a);
    const ends = a === 0 ? [] : endsOf(sentence, suffix);
    if (a > 0 && ends.length === 0) continue;
    for (let b = after.length; b >= 0; b -= 1) {
      if (a + b <= best || a + b === 0) break;
      if (b > 0 && b < least(after)) continue;
      const prefix = after.slice(0, b);
      const fits =
        a === 0
          ? sentence.indexOf(prefix, 1) >= 1
          : b === 0
            ? ends.some((end) => end < sentence.length)
            : ends.some((end) => {
                const start = sentence.indexOf(prefix, end + 1);
                return start > end && start - end <= FRAME_GAP;
              });
      if (fits) best = a + b;
    }
  }
  return best / whole;
}

function endsOf(text: string, part: string): number[] {
  const ends: number[] = [];
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) ends.push(at + part.length);
  return ends;
}

/** Particles, copulas and prepositions any long sentence holds somewhere: not what a question says. */
const EVERYWHERE_CHARACTERS = /[的是了在有和与及也都就还被把将对为以于之而其这那个地得着过]/gu;

/**
 * The question's own characters in its order: without its question words, framing words, punctuation, and the
 * particles and copulas a long sentence holds anywhere (苏明减肥前体重公斤 of 请问苏明减肥前体重是多少公斤？).
 */
export function questionOwnCharacters(foldedQuestion: string): string {
  let text = foldedQuestion.replace(LEADING_FRAMING, '').replace(TRAILING_FRAMING, '');
  for (const word of ASKING_WORDS) text = text.split(word).join('');
  return text.replace(/[^\p{L}\p{N}]/gu, '').replace(EVERYWHERE_CHARACTERS, '');
}
