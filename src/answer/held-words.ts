import type { ExpectedAnswer } from './question-profile.js';
import type { SharedRunMeter } from '../text/shared-run-meter.js';
import { frameFit, type QuestionFrame } from './question-frame.js';
import type { InOrderMeter } from '../text/in-order-meter.js';

/** How one sentence holds each of the question's words (by the question's unit index, each 0–1), and its asked-for fact. */
export interface SentenceHolding {
  /** In the sentence itself. */
  own: Float64Array;
  /** In it or around it: the title, the sentences before, the next one (discounted by where). */
  near: Float64Array;
  /** In it, around it or anywhere in its article. */
  far: Float64Array;
  /** Which of the question's characters (`QuestionWeighing.characters`) it holds: 1 or 0 each. */
  characters: Uint8Array;
  /** The longest run of characters it shares with the question. */
  sharedRun: number;
  /** Whether it holds one of the question's hint words. */
  hint: boolean;
  /** How much of the question's words around its question word it repeats around a gap (`frameFit`). */
  frame: number;
  /** Characters of the question's words it holds in the question's order (`QuestionWeighing.inOrder`). */
  inOrder: number;
  /** Whether it holds the asked-for kind of fact. */
  hasSlot: boolean;
  slotNearFocus: boolean;
  slotNearAsked: boolean;
}

/** What the measures need of the question, worked out once for all its sentences. */
export interface QuestionWeighing {
  /** Weight of each of the question's words, by unit index, and their sum. */
  unitWeight: readonly number[];
  totalWeight: number;
  /** The unit indices of what the question asks about (its focus words). */
  focusIndices: readonly number[];
  hasFocus: boolean;
  hints: readonly string[];
  /** The question's Chinese characters, each once. */
  characters: readonly string[];
  sharedRun: SharedRunMeter;
  /** The question's words around its question word. */
  frame: QuestionFrame | null;
  /** The question's own characters (`questionOwnCharacters`), measured in order against a text. */
  inOrder: InOrderMeter;
  /** Characters of a shared run that count in full. */
  sharedRunSpan: number;
  expects: ExpectedAnswer;
  /** The question's words are dictionary translations: missing words may be synonyms, so missing reads 0. */
  translated: boolean;
}

/** The question's words a passage's title does not hold: what is asked about its subject. */
export interface AskedWords {
  indices: readonly number[];
  weight: number;
  /** Their characters, as indices into `QuestionWeighing.characters`. */
  characters: readonly number[];
}

/** What a folded sentence holds of the question's characters, runs and hints (the parts of `SentenceHolding` read from its text). */
export function textHolding(folded: string, question: QuestionWeighing): Pick<SentenceHolding, 'characters' | 'sharedRun' | 'hint' | 'frame' | 'inOrder'> {
  return {
    characters: Uint8Array.from(question.characters, (character) => (folded.includes(character) ? 1 : 0)),
    sharedRun: question.sharedRun.longestIn(folded),
    hint: question.hints.some((word) => folded.includes(word)),
    frame: frameFit(folded, question.frame),
    inOrder: question.inOrder.heldIn(folded),
  };
}

/**
 * The shares the answer step measures for what one or more consecutive sentences hold together: a word in any of
 * them is in the text, what only their surroundings hold is context, the rest of the article after that; the
 * asked-for fact in any of them is a slot; a run shared with the question is the longest in any one of them (a
 * run does not cross the full stop between two). Shares only, so an archive's size does not move them.
 */
export function heldWordFeatures(held: readonly SentenceHolding[], question: QuestionWeighing, asked: AskedWords): Record<string, number> {
  const { unitWeight, totalWeight } = question;
  const units = unitWeight.length;
  const ownOf = (index: number): number => held.reduce((best, sentence) => Math.max(best, sentence.own[index]!), 0);
  let inside = 0;
  let around = 0;
  let inArticle = 0;
  let largestGap = 0;
  let plainInside = 0;
  let plainMissing = 0;
  for (let index = 0; index < units; index += 1) {
    let own = 0;
    let near = 0;
    let far = 0;
    for (const sentence of held) {
      own = Math.max(own, sentence.own[index]!);
      near = Math.max(near, sentence.near[index]!);
      far = Math.max(far, sentence.far[index]!);
    }
    near = Math.max(near, own);
    far = Math.max(far, near);
    const weight = unitWeight[index]!;
    inside += own * weight;
    around += (near - own) * weight;
    inArticle += (far - near) * weight;
    largestGap = Math.max(largestGap, (1 - far) * weight);
    plainInside += own;
    plainMissing += 1 - far;
  }
  let focus = 0;
  // What the question asks about (董事长 in 中车株洲所的董事长是谁): an article that never names it does not answer.
  let focusFound = question.hasFocus ? 0 : 1;
  for (const index of question.focusIndices) {
    focus = Math.max(focus, ownOf(index));
    for (const sentence of held) focusFound = Math.max(focusFound, sentence.far[index]!);
  }
  let askedInside = 0;
  for (const index of asked.indices) askedInside += ownOf(index) * unitWeight[index]!;
  const holds = (character: number): boolean => held.some((sentence) => sentence.characters[character] === 1);
  const questionCharacters = question.characters.length;
  let charactersHeld = 0;
  for (let character = 0; character < questionCharacters; character += 1) if (holds(character)) charactersHeld += 1;
  const missing = question.translated ? 0 : 1;
  const features: Record<string, number> = {
    coverage: inside / totalWeight,
    context: around / totalWeight,
    articleContext: inArticle / totalWeight,
    plainCoverage: plainInside / units,
    gapShare: (missing * largestGap) / totalWeight,
    missingShare: (missing * plainMissing) / units,
    focus,
    focusFound: question.translated ? 1 : focusFound,
    hint: held.some((sentence) => sentence.hint) ? 1 : 0,
    slotNearFocus: held.some((sentence) => sentence.slotNearFocus) ? 1 : 0,
    askedCoverage: asked.weight === 0 ? 0 : askedInside / asked.weight,
    askedCharacters: asked.characters.length === 0 ? 0 : asked.characters.filter(holds).length / asked.characters.length,
    slotNearAsked: held.some((sentence) => sentence.slotNearAsked) ? 1 : 0,
    characterOverlap: questionCharacters === 0 ? 0 : charactersHeld / questionCharacters,
    sharedRun: Math.min(1, held.reduce((longest, sentence) => Math.max(longest, sentence.sharedRun), 0) / question.sharedRunSpan),
    frame: held.reduce((best, sentence) => Math.max(best, sentence.frame), 0),
    inOrder: Math.min(1, held.reduce((best, sentence) => Math.max(best, sentence.inOrder), 0) / Math.max(1, question.inOrder.length)),
  };
  if (question.expects !== null && held.some((sentence) => sentence.hasSlot)) features[`slot_${question.expects}`] = 1;
  return features;
}
