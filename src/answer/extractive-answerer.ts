import type { Passage, Retriever } from '../retrieval/passage.js';
import type { Answerer, AnswerOptions, AnswerResult, Citation } from './answer-result.js';
import { traced } from '../log/stage-trace.js';
import { analyzeQuestion, type QuestionProfile, type QuestionUnit } from './question-profile.js';
import { sentenceScorer, type UnitWeights } from './score-sentences.js';
import { trimSentence } from './trim-sentence.js';
import { notFoundMessage } from './not-found-message.js';
import { citationFromPassage } from './citation-from-passage.js';
import { answerSlotFinder } from './answer-patterns.js';
import { findReports, isPlan, reportDate, type Report } from './several-reports.js';
import { reportDatePhrase } from '../text/time/report-date-phrase.js';
import { buildCandidates } from './choice/answer-candidate.js';
import { composeAnswer } from './choice/compose-answer.js';
import { answerabilityFeatures, type QuestionEvidence } from './choice/answerability-features.js';
import { ANSWER_MODEL, type AnswerModel } from './model/answer-model.js';
import { logitOf, sigmoid } from './model/linear-model.js';
import { findOtherStories } from './other-stories/find-other-stories.js';
import { withoutStories } from './other-stories/without-stories.js';
import { searchScope } from './search-scope.js';
import { withRestOfBestArticle } from './rest-of-best-article.js';
import type { StoredChunk } from '../store/article-store.js';
import { memoByText } from '../text/memo-by-text.js';

export interface ExtractiveAnswererOptions {
  retriever: Retriever;
  /** Weights for the question's words, e.g. inverse document frequency from the archive (default: all 1). */
  unitWeights?: (units: readonly QuestionUnit[]) => UnitWeights;
  /** Full text of an article, for words the question shares with the article but not the passage. */
  articleText?: (articleId: string) => string;
  /** The chunks of one article in order, to read the best article on when no retrieved sentence holds the asked kind of fact. */
  articleChunks?: (articleId: string) => readonly StoredChunk[];
  /** In how many of the archive's passages each index term occurs: a question name the archive never uses is evidence against answering. */
  documentFrequencies?: (terms: readonly string[]) => ReadonlyMap<string, number>;
  /** Passages read per question (default 8). */
  passages?: number;
  /** The fitted choice and answerability models (default: the committed `answer-model.json`). */
  model?: AnswerModel;
  /** Least probability that the chosen answer is right for the bot to give it (default: the model's, `ANSWER_MIN_CONFIDENCE`). */
  minConfidence?: number;
  /** Longest answer in characters, citations excluded (default 200). */
  maxAnswerChars?: number;
  /** Longest single sentence before it is trimmed around the answer (default 110). */
  maxSentenceChars?: number;
  /** Longest runner-up sentence, quoted after the best one, before it is trimmed (default 75): it backs the best up, so briefly. */
  maxRunnerUpChars?: number;
}

export const EXTRACTIVE_DEFAULTS = {
  passages: 8,
  maxAnswerChars: 200,
  maxSentenceChars: 110,
  maxRunnerUpChars: 75,
} as const;

/** A unit that begins or ends in a function character (海在, 后立) is likelier a mis-cut than a word. */
const GLUED_FUNCTION_CHARACTER = /^[在是后前的了和与及对从向把被为以]|[在是后前的了和与及对从向把被为以]$/;
/** One Chinese character. */
const ONE_HAN_CHARACTER = /^\p{Script=Han}$/u;

/**
 * Answers with the archive's own sentences and `[n]` citations. Which sentence (and whether its next one too) and
 * whether to answer at all come from the fitted answer model; below its confidence threshold it says "not found".
 */
export class ExtractiveAnswerer implements Answerer {
  constructor(private readonly options: ExtractiveAnswererOptions) {}

  async answer(question: string, options: AnswerOptions = {}): Promise<AnswerResult> {
    const trace = options.trace;
    const model = this.options.model ?? ANSWER_MODEL;
    const profile = traced(trace, 'analyze question', () => analyzeQuestion(question));
    const language = options.language ?? profile.language;
    const notFound: AnswerResult = { answered: false, answer: notFoundMessage(language), citations: [], mode: 'extractive' };
    if (profile.units.length === 0) return notFound;
    const k = this.options.passages ?? EXTRACTIVE_DEFAULTS.passages;
    const retrieved = await this.options.retriever.search(question, { ...searchScope(options), k, perArticle: 3, trace });
    if (retrieved.length === 0) return notFound;
    const weights = traced(trace, 'term weights', () => this.options.unitWeights?.(profile.units) ?? new Map<string, number>());
    // Where a sentence holds the asked kind of fact is looked up while scoring, trimming and pairing it with the one
    // before: searched once per text.
    const answerSlots = memoByText(answerSlotFinder(profile));
    const scorer = traced(trace, 'score sentences', () => sentenceScorer(profile, weights, { articleText: this.options.articleText, translated: options.translated, answerSlots }));
    const score = (read: readonly Passage[], from: number) => traced(trace, 'score sentences', () => scorer(read, from));
    let passages: readonly Passage[] = retrieved;
    let sentences = score(passages, 0);
    // The question asks for a kind of fact (a sum, a name, a date) that no retrieved sentence of the best passage's
    // article holds: read that article on (and score its added passages: rare; the retrieved ones keep their measures,
    // which do not depend on what follows them) before choosing among sentences that cannot answer.
    const articleChunks = this.options.articleChunks;
    const bestRead = retrieved[0]!.articleId;
    const bestHoldsKind = sentences.some((sentence) => sentence.hasAnswerType && retrieved[sentence.passageIndex]?.articleId === bestRead);
    if (articleChunks && profile.expects !== null && !bestHoldsKind) {
      const extended = traced(trace, 'read on', () => withRestOfBestArticle(retrieved, articleChunks, k));
      if (extended.length > retrieved.length) {
        passages = extended;
        sentences = [...sentences, ...score(passages, retrieved.length)];
      }
    }

    const weightOf = (term: string): number => weights.get(term) ?? 1;
    const terms = [...profile.units.map((unit) => unit.text), ...profile.hints];
    const sentenceChars = this.options.maxSentenceChars ?? EXTRACTIVE_DEFAULTS.maxSentenceChars;
    // A sentence is trimmed alone, as the first of a pair and as the second of the one before: once per text.
    const trimTo = (limit: number) => memoByText((text) => trimSentence(text, limit, terms, weightOf, answerSlots(text)));
    const trim = trimTo(sentenceChars);
    const trimBrief = trimTo(Math.min(sentenceChars, this.options.maxRunnerUpChars ?? EXTRACTIVE_DEFAULTS.maxRunnerUpChars));
    const maxChars = this.options.maxAnswerChars ?? EXTRACTIVE_DEFAULTS.maxAnswerChars;
    const candidates = traced(trace, 'choose sentence', () => buildCandidates(sentences, { trim, trimBrief, maxChars, choice: model.choice }));
    // A period the question named (2024年, last month) was taken out of its words and kept as the reports' dates: it
    // still narrows the question as one of its words does, and every passage searched holds it.
    const units = profile.units.length + (options.range ? 1 : 0);
    const evidence: QuestionEvidence = { ...traced(trace, 'answerability', () => this.absentFromArchive(profile, weights)), units, passages };
    options.inspect?.({ candidates, evidence });
    if (candidates.length === 0) return notFound;
    // The several-reports and other-stories rules compare the sentences that give answers (of a pair, the one holding
    // the asked-for fact), each scored by its best candidate.
    for (const candidate of [...candidates].reverse()) candidate.answering.score = sigmoid(candidate.logit);
    const ranked = [...new Set(candidates.map((candidate) => candidate.answering))];
    // Stories of the same kind that the question fits as well (另有报道) are named under the answer, not mixed into it.
    const { otherStories, ownStory, reports } = traced(trace, 'compare stories', () => {
      const otherStories = findOtherStories(ranked, passages, profile);
      const ownStory = new Set(withoutStories(ranked, passages, profile, otherStories));
      return { otherStories, ownStory, reports: findReports([...ownStory], passages, profile.expects) };
    });
    const named = otherStories.length > 0 ? { otherStories } : {};
    // Reports of one figure on different days disagree because the figure changed, not because the answer is in doubt:
    // whether to answer is judged on the best sentence's article, the other reports told beside it.
    const bestArticle = passages[candidates[0]!.sentence.passageIndex]?.articleId;
    const told = new Set((reports ?? []).map((report) => report.passage.articleId).filter((articleId) => articleId !== bestArticle));
    const judged = told.size === 0 ? candidates : candidates.filter((candidate) => !told.has(passages[candidate.sentence.passageIndex]?.articleId ?? ''));
    // The answer is composed before it is judged: the answerability model reads how much of the choice model's
    // probability the sentences it quotes hold.
    const parts = composeAnswer(
      candidates.filter((candidate) => ownStory.has(candidate.answering)),
      {
        runnerUpRatio: model.runnerUpRatio,
        maxChars,
        charsOf: (candidate) => [...candidate.text].length,
        briefCharsOf: (candidate) => [...candidate.brief].length,
        articleOf: (candidate) => passages[candidate.sentence.passageIndex]?.articleId,
      },
    );
    const confidence = traced(trace, 'answerability', () => sigmoid(logitOf(model.answerable, answerabilityFeatures(judged, evidence, parts))));
    if (confidence < (this.options.minConfidence ?? model.minConfidence)) return notFound;

    const citations: Citation[] = [];
    const numberOf = new Map<number, number>();
    const cite = (passageIndex: number): number => {
      let n = numberOf.get(passageIndex);
      if (n === undefined) {
        n = citations.length + 1;
        numberOf.set(passageIndex, n);
        citations.push(citationFromPassage(n, passages[passageIndex]!));
      }
      return n;
    };
    if (reports) return { answered: true, answer: describeReports(reports, cite, trim), citations, mode: 'extractive', ...named };
    const quoted = parts.map((part, index) => `${index === 0 ? part.text : part.brief}[${cite(part.sentence.passageIndex)}]`);
    return { answered: true, answer: quoted.join(''), citations, mode: 'extractive', ...named };
  }

  /**
   * What of the question no passage of the archive holds (every index term absent: one missing bigram is more often
   * a segmentation slip, 成苏|镜宇, than a missing word): the share of its distinctive words (names, rare terms), and
   * the share of its words' weight.
   */
  private absentFromArchive(profile: QuestionProfile, weights: UnitWeights): Pick<QuestionEvidence, 'distinctiveAbsent' | 'weightAbsent'> {
    if (!this.options.documentFrequencies) return { distinctiveAbsent: 0, weightAbsent: 0 };
    const frequencies = this.options.documentFrequencies(profile.units.flatMap((unit) => unit.indexTerms));
    // A one-character word (赔 of 要赔, 桥) is mostly written inside a longer one the index keeps whole (赔偿, 大桥): its
    // absence as a word of its own says nothing.
    const absent = profile.units.filter((unit) => !ONE_HAN_CHARACTER.test(unit.text) && unit.indexTerms.every((term) => (frequencies.get(term) ?? 0) === 0));
    const distinctive = profile.units.filter((unit) => unit.distinctive && !GLUED_FUNCTION_CHARACTER.test(unit.text));
    const weightOf = (unit: QuestionUnit): number => weights.get(unit.text) ?? 1;
    const total = profile.units.reduce((sum, unit) => sum + weightOf(unit), 0);
    return {
      distinctiveAbsent: distinctive.length === 0 ? 0 : distinctive.filter((unit) => absent.includes(unit)).length / distinctive.length,
      weightAbsent: total === 0 ? 0 : absent.reduce((sum, unit) => sum + weightOf(unit), 0) / total,
    };
  }
}

/**
 * Several reports of the asked figure, each with its date: newest first ("据2025年9月2日报道，…8所[1]此前，2025年7月15日
 * 《…》报道为6所[2]。"), or a plan and its outcome in that order, each report's own sentence.
 */
function describeReports(reports: readonly Report[], cite: (passageIndex: number) => number, trim: (text: string) => string): string {
  const quote = (report: Report): string => `${reportDatePhrase(report.passage.date, 'zh') ?? ''}${trim(report.sentence.text)}[${cite(report.sentence.passageIndex)}]`;
  if (isPlan(reports[0]!)) return reports.map(quote).join('');
  const [newest, ...earlier] = reports as [Report, ...Report[]];
  const lead = quote(newest);
  const before = earlier.map((report) => `${reportDate(report.passage.date ?? '', null)}《${report.passage.title}》报道为${report.value}[${cite(report.sentence.passageIndex)}]`);
  return `${lead}此前，${before.join('；')}。`;
}
