import type { Passage } from '../retrieval/passage.js';
import { splitSentences } from '../text/split-sentences.js';
import { normalizeForMatching } from '../text/normalize-text.js';
import type { QuestionProfile } from './question-profile.js';
import { hasExpectedAnswer } from './answer-patterns.js';
import { matchUnit } from './match-unit.js';

/** A sentence of a retrieved passage with how well it answers the question. */
export interface ScoredSentence {
  passageIndex: number;
  sentenceIndex: number;
  text: string;
  /** Weighted share of the question's words found in the sentence itself (0–1). */
  coverage: number;
  /** Weighted share of the remaining words found around it: heading and neighbouring sentences (0–1). */
  context: number;
  /** Weighted share of the still remaining words found elsewhere in the article (0–1). */
  articleContext: number;
  /** Evidence that the sentence answers: coverage + half the context + a little of the article's. */
  confidence: number;
  hasAnswerType: boolean;
  score: number;
}

/** Weight of each question word (by its text), e.g. inverse document frequency. */
export type UnitWeights = ReadonlyMap<string, number>;

/** Scores every sentence of the passages against the question's words and answer type. */
export function scoreSentences(
  profile: QuestionProfile,
  passages: readonly Passage[],
  weights: UnitWeights,
  articleText: (articleId: string) => string = () => '',
): ScoredSentence[] {
  const weightOf = (text: string): number => weights.get(text) ?? 1;
  const totalWeight = profile.units.reduce((sum, unit) => sum + weightOf(unit.text), 0);
  if (totalWeight === 0) return [];
  const scored: ScoredSentence[] = [];
  passages.forEach((passage, passageIndex) => {
    const sentences = splitSentences(passage.text);
    const normalized = sentences.map((sentence) => normalizeForMatching(sentence));
    const heading = normalizeForMatching(passage.heading);
    const article = normalizeForMatching(articleText(passage.articleId));
    const prior = 0.08 / (passageIndex + 1);
    normalized.forEach((sentence, sentenceIndex) => {
      const surroundings = `${heading}\n${normalized[sentenceIndex - 1] ?? ''}\n${normalized[sentenceIndex + 1] ?? ''}`;
      let inside = 0;
      let around = 0;
      let inArticle = 0;
      for (const unit of profile.units) {
        const own = matchUnit(unit, sentence);
        const near = own < 1 ? Math.max(own, matchUnit(unit, surroundings)) : 1;
        const far = near < 1 && article ? Math.max(near, matchUnit(unit, article)) : near;
        inside += own * weightOf(unit.text);
        around += (near - own) * weightOf(unit.text);
        inArticle += (far - near) * weightOf(unit.text);
      }
      const coverage = inside / totalWeight;
      const context = around / totalWeight;
      const articleContext = inArticle / totalWeight;
      const confidence = coverage + 0.5 * context + 0.3 * articleContext;
      const hasAnswerType = hasExpectedAnswer(sentences[sentenceIndex]!, profile.expects);
      const focus = profile.focus.reduce((best, unit) => Math.max(best, matchUnit(unit, sentence)), 0);
      const score = confidence + (hasAnswerType ? 0.15 : 0) + 0.15 * focus + prior;
      scored.push({ passageIndex, sentenceIndex, text: sentences[sentenceIndex]!, coverage, context, articleContext, confidence, hasAnswerType, score });
    });
  });
  return scored.sort((left, right) => right.score - left.score);
}
