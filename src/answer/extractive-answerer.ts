import type { Retriever, Passage } from '../retrieval/passage.js';
import type { Answerer, AnswerResult, Citation } from './answer-result.js';
import { analyzeQuestion, type QuestionUnit } from './question-profile.js';
import { scoreSentences, type ScoredSentence, type UnitWeights } from './score-sentences.js';
import { trimSentence } from './trim-sentence.js';
import { notFoundMessage } from './not-found-message.js';

export interface ExtractiveAnswererOptions {
  retriever: Retriever;
  /** Weights for the question's words, e.g. inverse document frequency from the archive (default: all 1). */
  unitWeights?: (units: readonly QuestionUnit[]) => UnitWeights;
  /** Full text of an article, for words the question shares with the article but not the passage. */
  articleText?: (articleId: string) => string;
  /** Passages read per question (default 8). */
  passages?: number;
  /** Least evidence (weighted share of question terms in and around the best sentence) to answer (default 0.55). */
  minConfidence?: number;
  /** Longest answer in characters, citations excluded (default 200). */
  maxAnswerChars?: number;
}

export const EXTRACTIVE_DEFAULTS = { passages: 8, minConfidence: 0.55, maxAnswerChars: 200 } as const;

/** Answers with the archive's own sentences and `[n]` citations; abstains when the evidence is weak. */
export class ExtractiveAnswerer implements Answerer {
  constructor(private readonly options: ExtractiveAnswererOptions) {}

  async answer(question: string, options: { language?: 'zh' | 'en' } = {}): Promise<AnswerResult> {
    const profile = analyzeQuestion(question);
    const language = options.language ?? profile.language;
    const notFound: AnswerResult = { answered: false, answer: notFoundMessage(language), citations: [], mode: 'extractive' };
    if (profile.units.length === 0) return notFound;
    const passages = await this.options.retriever.search(question, { k: this.options.passages ?? EXTRACTIVE_DEFAULTS.passages, perArticle: 3 });
    if (passages.length === 0) return notFound;
    const weights = this.options.unitWeights?.(profile.units) ?? new Map<string, number>();
    const scored = scoreSentences(profile, passages, weights, this.options.articleText);
    const best = scored[0];
    if (!best || best.confidence < (this.options.minConfidence ?? EXTRACTIVE_DEFAULTS.minConfidence)) return notFound;
    const weightOf = (term: string): number => weights.get(term) ?? 1;
    const chosen = chooseSentences(scored, this.options.maxAnswerChars ?? EXTRACTIVE_DEFAULTS.maxAnswerChars);

    const citations: Citation[] = [];
    const numberOf = new Map<number, number>();
    const maxChars = this.options.maxAnswerChars ?? EXTRACTIVE_DEFAULTS.maxAnswerChars;
    const parts = chosen.map((sentence) => {
      const passage = passages[sentence.passageIndex]!;
      let n = numberOf.get(sentence.passageIndex);
      if (n === undefined) {
        n = citations.length + 1;
        numberOf.set(sentence.passageIndex, n);
        citations.push(toCitation(n, passage));
      }
      return `${trimSentence(
        sentence.text,
        maxChars,
        profile.units.map((unit) => unit.text),
        weightOf,
      )}[${n}]`;
    });
    return { answered: true, answer: parts.join(''), citations, mode: 'extractive' };
  }
}

/** The best sentence, plus close runners-up while they fit, kept in reading order per passage. */
function chooseSentences(scored: readonly ScoredSentence[], maxChars: number): ScoredSentence[] {
  const best = scored[0]!;
  const chosen: ScoredSentence[] = [best];
  let length = Math.min(best.text.length, maxChars);
  const seen = new Set([best.text]);
  for (const candidate of scored.slice(1, 6)) {
    if (candidate.score < best.score * 0.8 || seen.has(candidate.text)) continue;
    if (length + candidate.text.length > maxChars) continue;
    chosen.push(candidate);
    seen.add(candidate.text);
    length += candidate.text.length;
  }
  return chosen.sort((left, right) => (left.passageIndex === right.passageIndex ? left.sentenceIndex - right.sentenceIndex : chosen.indexOf(left) - chosen.indexOf(right)));
}

function toCitation(n: number, passage: Passage): Citation {
  return { n, articleId: passage.articleId, title: passage.title, date: passage.date, url: passage.url, source: passage.source, quote: passage.text };
}
