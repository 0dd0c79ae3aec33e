import type { Passage } from '../retrieval/passage.js';
import { splitSentenceSpans } from '../text/split-sentences.js';
import { normalizeForMatching } from '../text/normalize-text.js';
import { foldNumerals } from '../text/numbers/fold-numerals.js';
import type { TextSpan } from '../text/text-span.js';
import type { QuestionProfile, QuestionUnit } from './question-profile.js';
import { answerSlotFinder } from './answer-patterns.js';
import { EXPECTED_KINDS } from './expected-answer.js';
import { unitMatcher } from './match-unit.js';
import { ArticleMatches } from './article-matches.js';
import { SharedRunMeter } from '../text/shared-run-meter.js';
import { questionFrame, questionOwnCharacters } from './question-frame.js';
import { InOrderMeter } from '../text/in-order-meter.js';
import { heldWordFeatures, textHolding, type AskedWords, type QuestionWeighing, type SentenceHolding } from './held-words.js';

/** A sentence of a retrieved passage, measured against the question; the fitted choice model turns the measures into a score. */
export interface ScoredSentence {
  passageIndex: number;
  sentenceIndex: number;
  text: string;
  /** The sentence after it in the same paragraph, if any: an answer may continue there. */
  next: string | null;
  /**
   * The measures of the sentence run on into `next` that differ from its own, taken over what the two sentences hold
   * together (the question's words, the asked-for kind of fact), so a pair is judged by its whole text; null without
   * a next sentence.
   */
  withNext: Readonly<Record<string, number>> | null;
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
const CONTEXT_CREDIT = { heading: 1, previous: 1, paragraph: 0.8, lead: 0.8, next: 0.6 } as const;
/** Sentences back in the same paragraph searched for the subject ("该桥……" two sentences after the name). */
const PARAGRAPH_REACH = 4;
/**
 * A sentence that opens with a third-person pronoun (他走进了…, 同年，她…, 其前身为…) speaks of the subject named before it:
 * the question's subject, named in the title, the sentences before or the story's first sentence, counts as in it.
 */
const PRONOUN_OPENING = /^(?:[^，,。；;]{1,12}[，,])?(?:他|她|其|它)(?!们)/;
/** Characters between an answer slot and a focus word for the two to count as one statement. */
const SLOT_REACH = 16;
/** A question's run of words repeated in a sentence counts in full from this many characters on (a clause's length). */
const SHARED_RUN_SPAN = 8;
const HAN_CHARACTER = /\p{Script=Han}/u;

export interface ScoreSentencesOptions {
  /** Full text of an article, for words the question shares with the article but not the passage. */
  articleText?: (articleId: string) => string;
  /**
   * The question's words are dictionary translations: a word missing from an article may be a synonym, so the
   * measures of missing words read 0.
   */
  translated?: boolean;
  /** Where a text holds the asked-for kind of fact (default: `answerSlotFinder` of the question); one question's memo may be passed. */
  answerSlots?: (text: string) => TextSpan[];
}

/** Scores the sentences of `passages` from index `from` on; the ranks and shares are those of the whole list (`passages[0]` is the best). */
export type SentenceScorer = (passages: readonly Passage[], from?: number) => ScoredSentence[];

/**
 * Measures every sentence of the passages against the question, in shares and ranks that do not depend on the
 * archive's size: its words in the sentence and, discounted, in the title, the paragraph around it and the rest of
 * the article; the asked-for kind of fact (a number in the asked unit, a person, a date…) and whether it sits next to
 * the words the question asks about; the passage's retrieval rank. A passage whose article lacks a figure named in
 * the question is left out: it answers another question.
 */
export function scoreSentences(profile: QuestionProfile, passages: readonly Passage[], weights: UnitWeights, options: ScoreSentencesOptions = {}): ScoredSentence[] {
  return sentenceScorer(profile, weights, options)(passages);
}

/**
 * `scoreSentences` for one question, in steps: a passage's sentences are measured alike whichever passages come after
 * it, so passages added to the list later (the best article read on) are scored alone and their sentences appended,
 * with the question's words, folded texts and articles worked out once for all steps.
 */
export function sentenceScorer(profile: QuestionProfile, weights: UnitWeights, options: ScoreSentencesOptions = {}): SentenceScorer {
  const weightOf = (text: string): number => weights.get(text) ?? 1;
  const totalWeight = profile.units.reduce((sum, unit) => sum + weightOf(unit.text), 0);
  if (totalWeight === 0) return () => [];
  // What depends on the question alone is worked out once, not per passage or sentence.
  const units = profile.units;
  const unitWeight = units.map((unit) => weightOf(unit.text));
  // A dictionary translation is one sense of the word, often not the archive's (桥梁 for 大桥, 图书室 for 图书馆): it
  // counts as found by the characters it shares, as a native question's word counts only whole.
  const matcherOf = options.translated ? translatedUnitMatcher : unitMatcher;
  const matchers = units.map(matcherOf);
  // The focus words are among the question's words: their match in a sentence is read from its own matches.
  const focusIndices = profile.focus.map((unit) => units.indexOf(unit)).filter((index) => index >= 0);
  const answerSlots = options.answerSlots ?? answerSlotFinder(profile);
  const numberPatterns = profile.numbers.map((number) => new RegExp(`(?<![0-9.])${number.replace('.', '\\.')}(?![0-9])`));
  const fold = foldOncePerText();
  const articles = new ArticleMatches(options.articleText, fold, matchers);
  const hanCharactersOf = units.map((unit) => [...unit.text].filter((character) => HAN_CHARACTER.test(character)));
  const questionCharacters = [...new Set(hanCharactersOf.flat())];
  const questionText = fold(profile.text);
  const expectsFeatures = Object.fromEntries(EXPECTED_KINDS.map((kind) => [`expects_${kind}`, profile.expects === kind ? 1 : 0]));
  const distinctive = units.flatMap((unit, index) => (unit.distinctive ? [index] : []));
  // The question's subject: its first noun or name (苏明 of 苏明在哪家医院减重).
  const subject = units.findIndex((unit) => unit.role === 'topic');
  const weighing: QuestionWeighing = {
    unitWeight,
    totalWeight,
    focusIndices,
    hasFocus: profile.focus.length > 0,
    hints: profile.hints,
    characters: questionCharacters,
    sharedRun: new SharedRunMeter(questionText),
    frame: options.translated ? null : questionFrame(questionText),
    inOrder: new InOrderMeter(questionOwnCharacters(questionText)),
    sharedRunSpan: Math.max(1, Math.min(questionText.length, SHARED_RUN_SPAN)),
    expects: profile.expects,
    translated: options.translated === true,
  };
  return (passages, from = 0) => {
    const bestPassageScore = passages[0]?.score ?? 0;
    const scored: ScoredSentence[] = [];
    passages.forEach((passage, passageIndex) => {
      if (passageIndex < from) return;
      const spans = splitSentenceSpans(passage.text);
      const sentences = spans.map((span) => fold(span.text));
      const heading = fold(passage.heading);
      const article = articles.text(passage.articleId);
      if (numberPatterns.length > 0) {
        const searched = `${heading}\n${fold(passage.text)}\n${article}`;
        if (!numberPatterns.every((pattern) => pattern.test(searched))) return;
      }
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
      const headingMatch = matchers.map((match) => match(heading));
      // The article's first sentence names what the story is about (48岁的苏明…, 湖南澳维膜科技有限公司…): sentences far
      // below it say 他 or nothing, as a paragraph's later sentences do within reach of its first.
      const leadMatch = matchers.map((_match, index) => articles.leadMatch(passage.articleId, index));
      // The question's words the title does not hold say what is asked about its subject (谥号, 妻子, 体长): the
      // answer sentence holds them, while the article's lead holds the subject's name.
      const asked = units.flatMap((_unit, index) => (headingMatch[index]! < 1 ? [index] : []));
      const askedWords: AskedWords = {
        indices: asked,
        weight: asked.reduce((sum, index) => sum + unitWeight[index]!, 0),
        characters: [...new Set(asked.flatMap((index) => hanCharactersOf[index]!))].map((character) => questionCharacters.indexOf(character)),
      };
      const articleAndPassage = `${heading}\n${article || fold(passage.text)}`;
      const passageFeatures = {
        headingCoverage: units.reduce((sum, _unit, index) => sum + headingMatch[index]! * unitWeight[index]!, 0) / totalWeight,
        distinctiveMissing: distinctive.length === 0 || options.translated ? 0 : distinctive.filter((index) => matchers[index]!(articleAndPassage) < 1).length / distinctive.length,
        // By score: a chunk read on from the best passage's article is ranked as that passage.
        passageRank: 1 / (1 + passages.filter((other) => other.score > passage.score).length),
        passageShare: bestPassageScore > 0 ? passage.score / bestPassageScore : 0,
        keywordRank: passage.keywordRank ? 1 / passage.keywordRank : 0,
        // The cross-encoder's judgement (RERANK_MODEL), centred: −0.5 to 0.5; 0 without a reranker.
        rerank: passage.rerankScore === undefined || passage.rerankScore === null ? 0 : 1 / (1 + Math.exp(-passage.rerankScore)) - 0.5,
      };
      const holdings: SentenceHolding[] = [];
      const firstOfPassage = scored.length;
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
        const own = new Float64Array(units.length);
        const near = new Float64Array(units.length);
        const far = new Float64Array(units.length);
        const saysSubject = subject >= 0 && PRONOUN_OPENING.test(sentence);
        units.forEach((_unit, index) => {
          const match = matchers[index]!;
          own[index] = match(sentence);
          // Every match is at most 1, so a whole word in the title or the sentence before settles the nearest match.
          const before =
            own[index]! < 1 && headingMatch[index]! < 1
              ? Math.max(
                  CONTEXT_CREDIT.heading * headingMatch[index]!,
                  CONTEXT_CREDIT.previous * matchText(match, previousText),
                  CONTEXT_CREDIT.paragraph * matchText(match, earlierText),
                  CONTEXT_CREDIT.lead * leadMatch[index]!,
                )
              : 1;
          if (saysSubject && index === subject) own[index] = Math.max(own[index]!, before);
          near[index] = before < 1 ? Math.max(own[index]!, before, CONTEXT_CREDIT.next * matchText(match, next)) : 1;
          far[index] = near[index]! < 1 && article ? Math.max(near[index]!, articles.match(passage.articleId, index)) : near[index]!;
        });
        const text = spans[sentenceIndex]!.text;
        const slots = answerSlots(text);
        const nearSlot = (words: readonly string[]): boolean => {
          if (slots.length === 0) return false;
          const positions = words.flatMap((word) => positionsOf(sentence, word));
          return slots.some((slot) => positions.some((position) => Math.abs(position - slot.start) <= SLOT_REACH));
        };
        const holding: SentenceHolding = {
          own,
          near,
          far,
          ...textHolding(sentence, weighing),
          hasSlot: slots.length > 0,
          slotNearFocus: nearSlot(profile.focus.map((unit) => unit.text)),
          slotNearAsked: nearSlot(asked.map((index) => units[index]!.text)),
        };
        holdings.push(holding);
        const opensParagraph = sentenceIndex === 0 ? opensArticleParagraph : paragraphOf[sentenceIndex] !== paragraphOf[sentenceIndex - 1];
        const features: Record<string, number> = {
          ...heldWordFeatures([holding], weighing, askedWords),
          opensParagraph: opensParagraph ? 1 : 0,
          firstInPassage: sentenceIndex === 0 ? 1 : 0,
          chars: Math.min(text.length, 300) / 100,
          ...passageFeatures,
          ...expectsFeatures,
        };
        scored.push({
          passageIndex,
          sentenceIndex,
          text,
          next: next === '' ? null : spans[nextIndex]!.text,
          withNext: null,
          opensParagraph,
          coverage: features.coverage!,
          context: features.context!,
          articleContext: features.articleContext!,
          slots,
          hasAnswerType: slots.length > 0,
          features,
          score: 0,
        });
      });
      // A sentence run on into the next one is measured by what the two hold together.
      for (const entry of scored.slice(firstOfPassage)) {
        if (entry.next === null) continue;
        const pair = [holdings[entry.sentenceIndex]!, holdings[entry.sentenceIndex + 1]!];
        entry.withNext = heldWordFeatures(pair, weighing, askedWords);
      }
    });
    return scored;
  };
}

/** A match against an empty text (no sentence before, none after) is 0 without looking. */
function matchText(match: (text: string) => number, text: string): number {
  return text === '' ? 0 : match(text);
}

/** How much of a translated word a text holds: `matchUnit`, or the share of its characters the text holds if that is more. */
function translatedUnitMatcher(unit: QuestionUnit): (text: string) => number {
  const match = unitMatcher(unit);
  const characters = [...unit.text];
  const han = characters.filter((character) => HAN_CHARACTER.test(character));
  return (text) => {
    const shared = han.filter((character) => text.includes(character)).length / Math.max(1, characters.length);
    return Math.max(match(text), shared);
  };
}

/** Folds text for matching (`normalizeForMatching`, then numerals), each distinct text once: one question's cache. */
function foldOncePerText(): (text: string) => string {
  const folded = new Map<string, string>();
  return (text) => {
    let result = folded.get(text);
    if (result === undefined) {
      result = foldNumerals(normalizeForMatching(text));
      folded.set(text, result);
    }
    return result;
  };
}

function positionsOf(text: string, word: string): number[] {
  const positions: number[] = [];
  for (let position = text.indexOf(word); position >= 0; position = text.indexOf(word, position + 1)) positions.push(position);
  return positions;
}
