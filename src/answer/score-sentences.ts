import type { Passage } from '../retrieval/passage.js';
import { splitSentenceSpans } from '../text/split-sentences.js';
import { normalizeForMatching } from '../text/normalize-text.js';
import { foldNumerals } from '../text/numbers/fold-numerals.js';
import type { TextSpan } from '../text/text-span.js';
import type { QuestionProfile } from './question-profile.js';
import { findAnswerSlots } from './answer-patterns.js';
import { matchUnit } from './match-unit.js';

/** A sentence of a retrieved passage with how well it answers the question. */
export interface ScoredSentence {
  passageIndex: number;
  sentenceIndex: number;
  text: string;
  /** The sentence after it in the same paragraph, if any: an answer may continue there. */
  next: string | null;
  /** Whether it is the first sentence of a paragraph of its article: a lead that introduces what follows. */
  opensParagraph: boolean;
  /** Weighted share of the question's words found in the sentence itself (0–1). */
  coverage: number;
  /** Weighted share of the remaining words found around it: title and the paragraph before and after (0–1). */
  context: number;
  /** Weighted share of the still remaining words found elsewhere in the article (0–1). */
  articleContext: number;
  /** Evidence that the sentence answers: coverage + half the context + a little of the article's. */
  confidence: number;
  /** Summed weight of the question words held by the sentence and its context: evidence in absolute terms. */
  evidence: number;
  /** The weight of the weightiest question word found nowhere near the sentence nor in its article: a missing subject. */
  largestGap: number;
  /** `largestGap` as a share of the question's total weight (0–1). */
  largestGapShare: number;
  /** Where the sentence holds the kind of fact asked for (see `findAnswerSlots`). */
  slots: TextSpan[];
  hasAnswerType: boolean;
  score: number;
}

/** Weight of each question word (by its text), e.g. inverse document frequency. */
export type UnitWeights = ReadonlyMap<string, number>;

/** How much a question word found near the sentence counts, by where it was found. */
const CONTEXT_CREDIT = { heading: 1, previous: 1, paragraph: 0.8, next: 0.6 } as const;
/** Sentences back in the same paragraph searched for the subject ("该桥……" two sentences after the name). */
const PARAGRAPH_REACH = 4;
/** How much the share of the weightiest question word missing from the sentence's whole article lowers its score (default). */
export const RANKING_GAP_PENALTY = 0.3;
/** Characters between an answer slot and a focus word for the two to count as one statement. */
const SLOT_REACH = 16;

/**
 * Scores every sentence of the passages against the question: its words in the sentence and, discounted,
 * in the title, the paragraph around it and the rest of the article; the asked-for kind of fact (a number
 * in the asked unit, a person, a date…), more when it sits next to the words the question asks about; the
 * attribute words. A passage whose article lacks a figure named in the question scores nothing.
 */
export function scoreSentences(
  profile: QuestionProfile,
  passages: readonly Passage[],
  weights: UnitWeights,
  articleText: (articleId: string) => string = () => '',
  gapPenalty: number = RANKING_GAP_PENALTY,
): ScoredSentence[] {
  const weightOf = (text: string): number => weights.get(text) ?? 1;
  const totalWeight = profile.units.reduce((sum, unit) => sum + weightOf(unit.text), 0);
  if (totalWeight === 0) return [];
  const fold = (text: string): string => foldNumerals(normalizeForMatching(text));
  const scored: ScoredSentence[] = [];
  passages.forEach((passage, passageIndex) => {
    const spans = splitSentenceSpans(passage.text);
    const sentences = spans.map((span) => fold(span.text));
    const heading = fold(passage.heading);
    const article = fold(articleText(passage.articleId));
    if (!holdsNumbers(`${heading}\n${fold(passage.text)}\n${article}`, profile.numbers)) return;
    // A new paragraph starts where a line break separates two sentences.
    const paragraphOf: number[] = [];
    spans.forEach((span, index) => {
      const previous = spans[index - 1];
      const newParagraph = previous !== undefined && passage.text.slice(previous.end, span.start).includes('\n');
      paragraphOf.push((paragraphOf[index - 1] ?? 0) + (newParagraph ? 1 : 0));
    });
    // The passage's first sentence opens a paragraph when its article starts with it or has a line break before it.
    const leadAt = sentences[0] ? article.indexOf(sentences[0]) : -1;
    const opensArticleParagraph = passage.ordinal === 0 || leadAt === 0 || (leadAt > 0 && article[leadAt - 1] === '\n');
    const prior = 0.08 / (passageIndex + 1);
    sentences.forEach((sentence, sentenceIndex) => {
      const samePrevious = (offset: number): string => {
        const index = sentenceIndex - offset;
        return index >= 0 && paragraphOf[index] === paragraphOf[sentenceIndex] ? (sentences[index] ?? '') : '';
      };
      const nextIndex = sentenceIndex + 1;
      const next = paragraphOf[nextIndex] === paragraphOf[sentenceIndex] ? (sentences[nextIndex] ?? '') : '';
      const earlier: string[] = [];
      for (let offset = 2; offset <= PARAGRAPH_REACH; offset += 1) earlier.push(samePrevious(offset));
      const earlierText = earlier.join('\n');
      const previousText = samePrevious(1);
      let inside = 0;
      let around = 0;
      let inArticle = 0;
      let largestGap = 0;
      for (const unit of profile.units) {
        const own = matchUnit(unit, sentence);
        const near =
          own < 1
            ? Math.max(
                own,
                CONTEXT_CREDIT.heading * matchUnit(unit, heading),
                CONTEXT_CREDIT.previous * matchUnit(unit, previousText),
                CONTEXT_CREDIT.paragraph * matchUnit(unit, earlierText),
                CONTEXT_CREDIT.next * matchUnit(unit, next),
              )
            : 1;
        const far = near < 1 && article ? Math.max(near, matchUnit(unit, article)) : near;
        inside += own * weightOf(unit.text);
        around += (near - own) * weightOf(unit.text);
        inArticle += (far - near) * weightOf(unit.text);
        largestGap = Math.max(largestGap, (1 - far) * weightOf(unit.text));
      }
      const coverage = inside / totalWeight;
      const context = around / totalWeight;
      const articleContext = inArticle / totalWeight;
      const confidence = coverage + 0.5 * context + 0.3 * articleContext;
      const text = spans[sentenceIndex]!.text;
      const slots = findAnswerSlots(text, profile);
      const focusPositions = profile.focus.flatMap((unit) => positionsOf(sentence, unit.text));
      const focus = profile.focus.reduce((best, unit) => Math.max(best, matchUnit(unit, sentence)), 0);
      const slotNearFocus = slots.some((slot) => focusPositions.some((position) => Math.abs(position - slot.start) <= SLOT_REACH));
      const hint = profile.hints.some((word) => sentence.includes(word)) ? 1 : 0;
      const largestGapShare = largestGap / totalWeight;
      // A sentence whose article lacks a heavy question word is about something else, however many generic words it shares.
      const score =
        coverage +
        0.8 * context +
        0.3 * articleContext +
        (slots.length > 0 ? 0.15 : 0) +
        (slotNearFocus ? 0.1 : 0) +
        0.15 * focus +
        0.05 * hint +
        prior -
        gapPenalty * largestGapShare;
      scored.push({
        passageIndex,
        sentenceIndex,
        text,
        next: next === '' ? null : spans[nextIndex]!.text,
        opensParagraph: sentenceIndex === 0 ? opensArticleParagraph : paragraphOf[sentenceIndex] !== paragraphOf[sentenceIndex - 1],
        coverage,
        context,
        articleContext,
        confidence,
        evidence: inside + around,
        largestGap,
        largestGapShare,
        slots,
        hasAnswerType: slots.length > 0,
        score,
      });
    });
  });
  return scored.sort((left, right) => right.score - left.score);
}

/** Whether the text names every figure of the question, as a whole number (38 is not in 380). */
function holdsNumbers(text: string, numbers: readonly string[]): boolean {
  return numbers.every((number) => new RegExp(`(?<![0-9.])${number.replace('.', '\\.')}(?![0-9])`).test(text));
}

function positionsOf(text: string, word: string): number[] {
  const positions: number[] = [];
  for (let position = text.indexOf(word); position >= 0; position = text.indexOf(word, position + 1)) positions.push(position);
  return positions;
}
