import type { ScoredSentence } from '../score-sentences.js';
import { normalizeForMatching } from '../../text/normalize-text.js';
import { logitOf, type LinearModel } from '../model/linear-model.js';
import { UNTRAINED_RERANK_WEIGHT } from '../model/answer-model.js';

/** One possible answer: a sentence, or a sentence run on into the next one of its paragraph. */
export interface AnswerCandidate {
  sentence: ScoredSentence;
  /**
   * The sentence that gives the answer: `sentence`, or for a pair whose first sentence holds no asked-for fact and
   * whose next one does, the next one. Stories and reports are compared by it.
   */
  answering: ScoredSentence;
  /** The sentences quoted, untrimmed. */
  texts: string[];
  /** The text the answer shows (each sentence trimmed around the answer), citation excluded. */
  text: string;
  /** The text shown when it is quoted as a runner-up after the best: trimmed shorter, it backs the best up. */
  brief: string;
  features: Readonly<Record<string, number>>;
  /** The choice model's log-odds that `text` holds the answer. */
  logit: number;
}

export interface BuildCandidatesOptions {
  /** Trims one sentence for display. */
  trim: (text: string) => string;
  /** Trims one sentence quoted as a runner-up. */
  trimBrief: (text: string) => string;
  /** Longest answer in characters. */
  maxChars: number;
  choice: LinearModel;
}

/**
 * Every sentence as a candidate, and every sentence with its next one (the lead that names the subject and the
 * sentence that says what is asked; a colon or 其中… that runs on) while the two fit, measured by what the two hold
 * together; scored by the choice model, best first.
 */
export function buildCandidates(sentences: readonly ScoredSentence[], options: BuildCandidatesOptions): AnswerCandidate[] {
  const candidates: AnswerCandidate[] = [];
  const add = (sentence: ScoredSentence, texts: string[], extra: Record<string, number>, answering = sentence): void => {
    const text = texts.map(options.trim).join('');
    if (text.length > options.maxChars) return;
    const features: Record<string, number> = { ...sentence.features, ...extra, chars: Math.min(text.length, 300) / 100 };
    const brief = texts.length === 1 ? options.trimBrief(texts[0]!) : text;
    candidates.push({ sentence, answering, texts, text, brief, features, logit: logitOf(options.choice, features) + UNTRAINED_RERANK_WEIGHT * (features.rerank ?? 0) });
  };
  sentences.forEach((sentence, index) => {
    add(sentence, [sentence.text], {});
    // A sentence with a next one in its paragraph is followed by it in the scored list (see `sentenceScorer`).
    const next = sentences[index + 1];
    if (sentence.next === null || sentence.withNext === null || !next) return;
    const slotInNext = !sentence.hasAnswerType && next.hasAnswerType ? 1 : 0;
    const extra = {
      ...sentence.withNext,
      runsOn: 1,
      slotInNext,
      endsInColon: /[：:；;]$/.test(sentence.text) ? 1 : 0,
      nextContinues: CONTINUES.test(normalizeForMatching(sentence.next)) ? 1 : 0,
    };
    add(sentence, [sentence.text, sentence.next], extra, slotInNext ? next : sentence);
  });
  return candidates.sort((left, right) => right.logit - left.logit);
}

/** Words that carry an answer on into the next sentence (matched folded: 這些 as 这些). */
const CONTINUES = /^(其中|包括|分别|即|具体|主要|一是|首先|第一|第1|此外|同时|并且|而且|另外|他们|她们|它们|这些)/;
