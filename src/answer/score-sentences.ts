import type { Passage } from '../retrieval/passage.js';
import { splitSentences } from '../chunking/split-sentences.js';
import { normalizeForMatching } from '../shared/normalize-text.js';
import type { QuestionProfile } from './question-profile.js';
import { hasExpectedAnswer } from './answer-patterns.js';

/** A sentence of a retrieved passage with how well it answers the question. */
export interface ScoredSentence {
  passageIndex: number;
  sentenceIndex: number;
  text: string;
  /** Weighted share of question terms found in the sentence itself (0–1). */
  coverage: number;
  /** Weighted share of the remaining terms found around it: heading and neighbouring sentences (0–1). */
  context: number;
  hasAnswerType: boolean;
  score: number;
}

export interface SentenceScoringOptions {
  /** Term weights (e.g. inverse document frequency); missing terms weigh 1. */
  weights: ReadonlyMap<string, number>;
}

/** Scores every sentence of the passages against the question's terms and answer type. */
export function scoreSentences(profile: QuestionProfile, passages: readonly Passage[], options: SentenceScoringOptions): ScoredSentence[] {
  const weightOf = (term: string): number => options.weights.get(term) ?? 1;
  const totalWeight = profile.terms.reduce((sum, term) => sum + weightOf(term), 0);
  if (totalWeight === 0) return [];
  const scored: ScoredSentence[] = [];
  passages.forEach((passage, passageIndex) => {
    const sentences = splitSentences(passage.text);
    const normalized = sentences.map((sentence) => normalizeForMatching(sentence));
    const heading = normalizeForMatching(passage.heading);
    const prior = 0.08 / (passageIndex + 1);
    normalized.forEach((sentence, sentenceIndex) => {
      const surroundings = `${heading}\n${normalized[sentenceIndex - 1] ?? ''}\n${normalized[sentenceIndex + 1] ?? ''}`;
      let inside = 0;
      let around = 0;
      for (const term of profile.terms) {
        if (sentence.includes(term)) inside += weightOf(term);
        else if (surroundings.includes(term)) around += weightOf(term);
      }
      const coverage = inside / totalWeight;
      const context = around / totalWeight;
      const hasAnswerType = hasExpectedAnswer(sentences[sentenceIndex]!, profile.expects);
      const score = coverage + 0.5 * context + (hasAnswerType ? 0.15 : 0) + prior;
      scored.push({ passageIndex, sentenceIndex, text: sentences[sentenceIndex]!, coverage, context, hasAnswerType, score });
    });
  });
  return scored.sort((left, right) => right.score - left.score);
}
