import type { Passage } from '../retrieval/passage.js';
import { splitSentenceSpans } from '../text/split-sentences.js';
import { normalizeForMatching } from '../text/normalize-text.js';
import { foldNumerals } from '../text/numbers/fold-numerals.js';
import type { TextSpan } from '../text/text-span.js';
import type { QuestionProfile, QuestionUnit } from './question-profile.js';
import { findAnswerSlots } from './answer-patterns.js';
import { matchUnit as matchQuestionUnit } from './match-unit.js';

/** A sentence of a retrieved passage, measured against the question; the fitted choice model turns the measures into a score. */
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
  /** Where the sentence holds the kind of fact asked for (see `findAnswerSlots`). */
  slots: TextSpan[];
  hasAnswerType: boolean;
  /** The measures the choice model reads (see `SENTENCE_FEATURES`). */
  features: Readonly<Record<string, number>>;
  /** The choice model's probability that the sentence holds the answer; 0 until ranked. */
  score: number;
}

/** Weight of each question word (by its text), e.g. inverse document frequency. */
export type UnitWeights = ReadonlyMap<string, number>;

/** How much a question word found near the sentence counts, by where it was found. */
const CONTEXT_CREDIT = { heading: 1, previous: 1, paragraph: 0.8, next: 0.6 } as const;
/** Sentences back in the same paragraph searched for the subject ("该桥……" two sentences after the name). */
const PARAGRAPH_REACH = 4;
/** Characters between an answer slot and a focus word for the two to count as one statement. */
const SLOT_REACH = 16;
/** Kinds of fact a question asks for, each a feature of its own: a slot of one kind is stronger evidence than of another. */
/** A question's run of words repeated in a sentence counts in full from this many characters on (a clause's length). */
const SHARED_RUN_SPAN = 8;
const HAN_CHARACTER = /\p{Script=Han}/u;
const EXPECTED_KINDS = ['number', 'date', 'person', 'place', 'reason', 'definition', 'alias'] as const;

export interface ScoreSentencesOptions {
  /** Full text of an article, for words the question shares with the article but not the passage. */
  articleText?: (articleId: string) => string;
  /**
   * The question's words are dictionary translations: a word missing from an article may be a synonym, so the
   * measures of missing words read 0.
   */
  translated?: boolean;
}

/**
 * Measures every sentence of the passages against the question, in shares and ranks that do not depend on the
 * archive's size: its words in the sentence and, discounted, in the title, the paragraph around it and the rest of
 * the article; the asked-for kind of fact (a number in the asked unit, a person, a date…) and whether it sits next to
 * the words the question asks about; the passage's retrieval rank. A passage whose article lacks a figure named in
 * the question is left out: it answers another question.
 */
export function scoreSentences(profile: QuestionProfile, passages: readonly Passage[], weights: UnitWeights, options: ScoreSentencesOptions = {}): ScoredSentence[] {
  const weightOf = (text: string): number => weights.get(text) ?? 1;
  // A dictionary translation is one sense of the word, often not the archive's (桥梁 for 大桥, 图书室 for 图书馆): it
  // counts as found by the characters it shares, as a native question's word counts only whole.
  const matchUnit = options.translated ? matchTranslatedUnit : matchQuestionUnit;
  const totalWeight = profile.units.reduce((sum, unit) => sum + weightOf(unit.text), 0);
  if (totalWeight === 0) return [];
  const fold = (text: string): string => foldNumerals(normalizeForMatching(text));
  const bestPassageScore = passages[0]?.score ?? 0;
  const questionCharacters = [...new Set(profile.units.flatMap((unit) => [...unit.text].filter((character) => HAN_CHARACTER.test(character))))];
  const questionText = fold(profile.text);
  const expectsFeatures = Object.fromEntries(EXPECTED_KINDS.map((kind) => [`expects_${kind}`, profile.expects === kind ? 1 : 0]));
  const scored: ScoredSentence[] = [];
  passages.forEach((passage, passageIndex) => {
    const spans = splitSentenceSpans(passage.text);
    const sentences = spans.map((span) => fold(span.text));
    const heading = fold(passage.heading);
    const article = fold(options.articleText?.(passage.articleId) ?? '');
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
    // The question's words the title does not hold say what is asked about its subject (谥号, 妻子, 体长): the
    // answer sentence holds them, while the article's lead holds the subject's name.
    const askedUnits = profile.units.filter((unit) => matchUnit(unit, heading) < 1);
    const askedWeight = askedUnits.reduce((sum, unit) => sum + weightOf(unit.text), 0);
    const askedCharacters = [...new Set(askedUnits.flatMap((unit) => [...unit.text].filter((character) => HAN_CHARACTER.test(character))))];
    const distinctive = profile.units.filter((unit) => unit.distinctive);
    const articleAndPassage = `${heading}\n${article || fold(passage.text)}`;
    const passageFeatures = {
      headingCoverage: profile.units.reduce((sum, unit) => sum + matchUnit(unit, heading) * weightOf(unit.text), 0) / totalWeight,
      distinctiveMissing: distinctive.length === 0 || options.translated ? 0 : distinctive.filter((unit) => matchUnit(unit, articleAndPassage) < 1).length / distinctive.length,
      passageRank: 1 / (passageIndex + 1),
      passageShare: bestPassageScore > 0 ? passage.score / bestPassageScore : 0,
      keywordRank: passage.keywordRank ? 1 / passage.keywordRank : 0,
      // The cross-encoder's judgement (RERANK_MODEL), centred: −0.5 to 0.5; 0 without a reranker.
      rerank: passage.rerankScore === undefined || passage.rerankScore === null ? 0 : 1 / (1 + Math.exp(-passage.rerankScore)) - 0.5,
    };
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
      let plainInside = 0;
      let plainMissing = 0;
      // What the question asks about (董事长 in 中车株洲所的董事长是谁): an article that never names it does not answer.
      let focusFound = profile.focus.length === 0 ? 1 : 0;
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
        plainInside += own;
        plainMissing += 1 - far;
        if (profile.focus.includes(unit)) focusFound = Math.max(focusFound, far);
      }
      const text = spans[sentenceIndex]!.text;
      const slots = findAnswerSlots(text, profile);
      const focusPositions = profile.focus.flatMap((unit) => positionsOf(sentence, unit.text));
      const slotNearFocus = slots.some((slot) => focusPositions.some((position) => Math.abs(position - slot.start) <= SLOT_REACH));
      const askedPositions = askedUnits.flatMap((unit) => positionsOf(sentence, unit.text));
      const slotNearAsked = slots.some((slot) => askedPositions.some((position) => Math.abs(position - slot.start) <= SLOT_REACH));
      const askedCoverage = askedWeight === 0 ? 0 : askedUnits.reduce((sum, unit) => sum + matchUnit(unit, sentence) * weightOf(unit.text), 0) / askedWeight;
      const coverage = inside / totalWeight;
      const context = around / totalWeight;
      const articleContext = inArticle / totalWeight;
      const missing = options.translated ? 0 : 1;
      const features: Record<string, number> = {
        coverage,
        context,
        articleContext,
        plainCoverage: plainInside / profile.units.length,
        gapShare: (missing * largestGap) / totalWeight,
        missingShare: (missing * plainMissing) / profile.units.length,
        focus: profile.focus.reduce((best, unit) => Math.max(best, matchUnit(unit, sentence)), 0),
        focusFound: options.translated ? 1 : focusFound,
        hint: profile.hints.some((word) => sentence.includes(word)) ? 1 : 0,
        slotNearFocus: slotNearFocus ? 1 : 0,
        opensParagraph: 0,
        firstInPassage: sentenceIndex === 0 ? 1 : 0,
        chars: Math.min(text.length, 300) / 100,
        askedCoverage,
        askedCharacters: askedCharacters.length === 0 ? 0 : askedCharacters.filter((character) => sentence.includes(character)).length / askedCharacters.length,
        slotNearAsked: slotNearAsked ? 1 : 0,
        characterOverlap: questionCharacters.length === 0 ? 0 : questionCharacters.filter((character) => sentence.includes(character)).length / questionCharacters.length,
        sharedRun: Math.min(1, longestSharedRun(questionText, sentence) / Math.max(1, Math.min(questionText.length, SHARED_RUN_SPAN))),
        ...passageFeatures,
        ...expectsFeatures,
      };
      if (profile.expects !== null && slots.length > 0) features[`slot_${profile.expects}`] = 1;
      const opensParagraph = sentenceIndex === 0 ? opensArticleParagraph : paragraphOf[sentenceIndex] !== paragraphOf[sentenceIndex - 1];
      features.opensParagraph = opensParagraph ? 1 : 0;
      scored.push({
        passageIndex,
        sentenceIndex,
        text,
        next: next === '' ? null : spans[nextIndex]!.text,
        opensParagraph,
        coverage,
        context,
        articleContext,
        slots,
        hasAnswerType: slots.length > 0,
        features,
        score: 0,
      });
    });
  });
  return scored;
}

/** How much of a translated word a text holds: `matchUnit`, or the share of its characters the text holds if that is more. */
function matchTranslatedUnit(unit: QuestionUnit, text: string): number {
  const characters = [...unit.text];
  const shared = characters.filter((character) => HAN_CHARACTER.test(character) && text.includes(character)).length / Math.max(1, characters.length);
  return Math.max(matchQuestionUnit(unit, text), shared);
}

/** Length of the longest run of characters the two texts share (dynamic programming over one row). */
function longestSharedRun(left: string, right: string): number {
  let previous = new Uint16Array(right.length + 1);
  let longest = 0;
  for (let i = 1; i <= left.length; i += 1) {
    const current = new Uint16Array(right.length + 1);
    for (let j = 1; j <= right.length; j += 1) {
      if (left[i - 1] !== right[j - 1]) continue;
      current[j] = previous[j - 1]! + 1;
      longest = Math.max(longest, current[j]!);
    }
    previous = current;
  }
  return longest;
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
