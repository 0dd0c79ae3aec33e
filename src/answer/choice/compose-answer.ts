import { sentenceIdentity, type RankedCandidate } from './answerability-features.js';

export interface ComposeAnswerOptions<T> {
  /**
   * How likely, relative to the best, a candidate from another sentence must be to be quoted after it: the choice
   * model's probability ratio exp(logit − best logit). Chosen by the training script (see `answer-model.json`).
   */
  runnerUpRatio: number;
  /** Longest answer in characters. */
  maxChars: number;
  charsOf: (candidate: T) => number;
  /** Length of a candidate quoted as a runner-up (briefer). */
  briefCharsOf: (candidate: T) => number;
  /** The article a candidate comes from. */
  articleOf: (candidate: T) => string | undefined;
}

/**
 * The candidates an answer quotes: the best one, and the best single sentence of the same article not already quoted
 * when the choice model finds it nearly as likely (two close candidates: quoting both is right more often than
 * guessing one). Never a sentence of another article: that would tell two reports, or two stories, as one.
 */
export function composeAnswer<T extends RankedCandidate>(ranked: readonly T[], options: ComposeAnswerOptions<T>): T[] {
  const best = ranked[0];
  if (!best) return [];
  const article = options.articleOf(best);
  // The sentences the best quotes, in whichever passage they recur (passages of one article overlap).
  const quoted = new Set(best.texts.map((text) => sentenceIdentity(article, text)));
  const runnerUp = ranked.find(
    (candidate) => !candidate.features.runsOn && options.articleOf(candidate) === article && !quoted.has(sentenceIdentity(article, candidate.texts[0]!)),
  );
  if (!runnerUp || Math.exp(runnerUp.logit - best.logit) < options.runnerUpRatio) return [best];
  if (options.charsOf(best) + options.briefCharsOf(runnerUp) > options.maxChars) return [best];
  return [best, runnerUp];
}
