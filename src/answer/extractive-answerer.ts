import type { Retriever, Passage } from '../retrieval/passage.js';
import type { Answerer, AnswerOptions, AnswerResult, Citation } from './answer-result.js';
import { traced } from '../log/stage-trace.js';
import { analyzeQuestion, type QuestionProfile, type QuestionUnit } from './question-profile.js';
import { RANKING_GAP_PENALTY, scoreSentences, type ScoredSentence, type UnitWeights } from './score-sentences.js';
import { trimSentence } from './trim-sentence.js';
import { notFoundMessage } from './not-found-message.js';
import { findAnswerSlots } from './answer-patterns.js';
import { findReports, reportDate, type Report } from './several-reports.js';
import { findOtherStories } from './other-stories/find-other-stories.js';
import { withoutStories } from './other-stories/without-stories.js';
import { searchScope } from './search-scope.js';

export interface ExtractiveAnswererOptions {
  retriever: Retriever;
  /** Weights for the question's words, e.g. inverse document frequency from the archive (default: all 1). */
  unitWeights?: (units: readonly QuestionUnit[]) => UnitWeights;
  /** Full text of an article, for words the question shares with the article but not the passage. */
  articleText?: (articleId: string) => string;
  /**
   * In how many of the archive's passages each index term occurs. With it, a question whose distinctive word
   * (a name or noun the archive never uses) is absent gets "not found" instead of an answer about something else.
   */
  documentFrequencies?: (terms: readonly string[]) => ReadonlyMap<string, number>;
  /** Passages read per question (default 8). */
  passages?: number;
  /**
   * Least grounded evidence to answer (default 0.32): the best sentence's confidence (weighted share of the
   * question's words in and around it) less `gapPenalty` times the share of the weightiest word found
   * nowhere in its article.
   */
  minConfidence?: number;
  /**
   * How much a heavy question word missing from the best sentence's whole article costs (default 1). A
   * question about another passage still shares its generic words with the archive; what it rarely finds is
   * its own weightiest word, so a missing one counts against answering more than a missing generic word.
   */
  gapPenalty?: number;
  /** Least evidence in absolute terms (summed weights of the question words in and around the best sentence; default 3). */
  minEvidence?: number;
  /** Longest answer in characters, citations excluded (default 200). */
  maxAnswerChars?: number;
  /** Longest single sentence before it is trimmed around the answer (default 110). */
  maxSentenceChars?: number;
  /**
   * Longest runner-up sentence before it is trimmed around the question's words and the asked-for fact (default 75):
   * a runner-up backs the best sentence up, so it is quoted more briefly.
   */
  maxRunnerUpChars?: number;
  /** How close to the best sentence's score a runner-up must come to be added (default 0.75). */
  runnerUpShare?: number;
}

export const EXTRACTIVE_DEFAULTS = {
  passages: 8,
  minConfidence: 0.32,
  gapPenalty: 1,
  minEvidence: 3,
  maxAnswerChars: 200,
  maxSentenceChars: 110,
  maxRunnerUpChars: 75,
  runnerUpShare: 0.75,
} as const;

/** A unit that begins or ends in a function character (海在, 后立) is likelier a mis-cut than a word. */
const GLUED_FUNCTION_CHARACTER = /^[在是后前的了和与及对从向把被为以]|[在是后前的了和与及对从向把被为以]$/;

/** Words that carry an answer on into the next sentence. */
const CONTINUES = /^(其中|包括|分别|即|具体|主要|一是|首先|第一|第1|此外|同时|并且|而且|另外|他们|她们|它们|这些)/;

/** How close to the best a runner-up must come when the best already runs on into its next sentence. */
const RUN_ON_RUNNER_UP_SHARE = 0.9;

/** Answers with the archive's own sentences and `[n]` citations; abstains when the evidence is weak. */
export class ExtractiveAnswerer implements Answerer {
  constructor(private readonly options: ExtractiveAnswererOptions) {}

  async answer(question: string, options: AnswerOptions = {}): Promise<AnswerResult> {
    const trace = options.trace;
    const profile = traced(trace, 'analyze question', () => analyzeQuestion(question));
    const language = options.language ?? profile.language;
    const notFound: AnswerResult = { answered: false, answer: notFoundMessage(language), citations: [], mode: 'extractive' };
    if (profile.units.length === 0 || this.namesWordAbsentFromArchive(profile)) return notFound;
    const passages = await this.options.retriever.search(question, {
      ...searchScope(options),
      k: this.options.passages ?? EXTRACTIVE_DEFAULTS.passages,
      perArticle: 3,
      trace,
    });
    if (passages.length === 0) return notFound;
    const weights = traced(trace, 'term weights', () => this.options.unitWeights?.(profile.units) ?? new Map<string, number>());
    // Translated words may be a synonym of the article's (bridge: 桥梁 for 大桥), so their absence counts for nothing.
    const articleText = onceEach(this.options.articleText);
    const scored = traced(trace, 'score sentences', () => scoreSentences(profile, passages, weights, articleText, options.translated ? 0 : RANKING_GAP_PENALTY));
    const best = scored[0];
    if (!best) return notFound;
    const gapPenalty = options.translated ? 0 : (this.options.gapPenalty ?? EXTRACTIVE_DEFAULTS.gapPenalty);
    const grounded = best.confidence - gapPenalty * best.largestGapShare;
    if (grounded < (this.options.minConfidence ?? EXTRACTIVE_DEFAULTS.minConfidence)) return notFound;
    if (this.options.unitWeights && best.evidence < (this.options.minEvidence ?? EXTRACTIVE_DEFAULTS.minEvidence)) return notFound;

    const weightOf = (term: string): number => weights.get(term) ?? 1;
    const terms = [...profile.units.map((unit) => unit.text), ...profile.hints];
    const sentenceChars = this.options.maxSentenceChars ?? EXTRACTIVE_DEFAULTS.maxSentenceChars;
    const citations: Citation[] = [];
    const numberOf = new Map<number, number>();
    const cite = (passageIndex: number): number => {
      let n = numberOf.get(passageIndex);
      if (n === undefined) {
        n = citations.length + 1;
        numberOf.set(passageIndex, n);
        citations.push(toCitation(n, passages[passageIndex]!));
      }
      return n;
    };
    const trim = (text: string): string => trimSentence(text, sentenceChars, terms, weightOf, findAnswerSlots(text, profile));
    const runnerUpChars = Math.min(sentenceChars, this.options.maxRunnerUpChars ?? EXTRACTIVE_DEFAULTS.maxRunnerUpChars);
    const trimRunnerUp = (text: string): string => trimSentence(text, runnerUpChars, terms, weightOf, findAnswerSlots(text, profile));

    // Stories of the same kind that the question fits as well (另有报道) are named under the answer, not mixed into it.
    const otherStories = findOtherStories(scored, passages, profile);
    const ownStory = withoutStories(scored, passages, profile, otherStories);
    const named = otherStories.length > 0 ? { otherStories } : {};
    const reports = findReports(ownStory, passages, profile.expects);
    if (reports) return { answered: true, answer: describeReports(reports, cite, trim), citations, mode: 'extractive', ...named };

    const parts = chooseSentences(ownStory, profile, {
      maxChars: this.options.maxAnswerChars ?? EXTRACTIVE_DEFAULTS.maxAnswerChars,
      sentenceChars,
      runnerUpShare: this.options.runnerUpShare ?? EXTRACTIVE_DEFAULTS.runnerUpShare,
    }).map(({ sentence, texts }, index) => `${texts.map((text) => (index === 0 ? trim(text) : trimRunnerUp(text))).join('')}[${cite(sentence.passageIndex)}]`);
    return { answered: true, answer: parts.join(''), citations, mode: 'extractive', ...named };
  }

  /** A distinctive word (a name or noun of two characters or more) that no passage of the archive holds. */
  private namesWordAbsentFromArchive(profile: QuestionProfile): boolean {
    if (!this.options.documentFrequencies) return false;
    const distinctive = profile.units.filter((unit) => unit.distinctive);
    if (distinctive.length === 0) return false;
    const frequencies = this.options.documentFrequencies(distinctive.flatMap((unit) => unit.indexTerms));
    // Every index term absent: one missing bigram is more often a segmentation slip (成苏|镜宇) than a missing name.
    return distinctive.some((unit) => unit.indexTerms.every((term) => (frequencies.get(term) ?? 0) === 0) && !GLUED_FUNCTION_CHARACTER.test(unit.text));
  }
}

/** An article's text read once per question however many of its passages are scored. */
function onceEach(articleText: ((articleId: string) => string) | undefined): (articleId: string) => string {
  const texts = new Map<string, string>();
  return (articleId) => {
    let text = texts.get(articleId);
    if (text === undefined) {
      text = articleText?.(articleId) ?? '';
      texts.set(articleId, text);
    }
    return text;
  };
}

/**
 * The best sentence; the next one when the answer runs on into it (a colon, 其中…, or the asked-for fact
 * only there) or when the best opens a paragraph: a lead names its subject ("X是…的车站。") and what is asked
 * about it follows, often without the subject ("位于…", "属…管辖"); runners-up close to the best while they fit
 * (closer still when the best already runs on).
 */
function chooseSentences(
  scored: readonly ScoredSentence[],
  profile: QuestionProfile,
  limits: { maxChars: number; sentenceChars: number; runnerUpShare: number },
): { sentence: ScoredSentence; texts: string[] }[] {
  const { maxChars, sentenceChars, runnerUpShare } = limits;
  const best = scored[0]!;
  // Each sentence is trimmed on its own, so a long first sentence does not crowd out the one it runs on into.
  const chosen: { sentence: ScoredSentence; texts: string[] }[] = [{ sentence: best, texts: [best.text] }];
  let length = Math.min(best.text.length, sentenceChars);
  if (best.next) {
    const continues =
      best.opensParagraph ||
      /[：:；;]$/.test(best.text) ||
      CONTINUES.test(best.next) ||
      (profile.expects !== null && !best.hasAnswerType && findAnswerSlots(best.next, profile).length > 0);
    if (continues && length + Math.min(best.next.length, sentenceChars) <= maxChars) {
      chosen[0] = { sentence: best, texts: [best.text, best.next] };
      length += Math.min(best.next.length, sentenceChars);
    }
  }
  // The next sentence, when not run on into, may still be a runner-up on its own score.
  const seen = new Set(chosen[0]!.texts);
  // An answer that already runs on over two sentences takes a runner-up only when it nearly ties with the best.
  const share = chosen[0]!.texts.length > 1 ? Math.max(runnerUpShare, RUN_ON_RUNNER_UP_SHARE) : runnerUpShare;
  for (const candidate of scored.slice(1, 4)) {
    if (candidate.score < best.score * share || seen.has(candidate.text)) continue;
    const added = Math.min(candidate.text.length, sentenceChars);
    if (length + added > maxChars) continue;
    chosen.push({ sentence: candidate, texts: [candidate.text] });
    seen.add(candidate.text);
    length += added;
  }
  return chosen;
}

/** "9月2日报道为8所[1]；7月15日《…》报道为6所[2]。" then the newest report's sentence. */
function describeReports(reports: readonly Report[], cite: (passageIndex: number) => number, trim: (text: string) => string): string {
  const [newest, ...others] = reports as [Report, ...Report[]];
  const newestYear = newest.passage.date?.slice(0, 4) ?? null;
  const lines = [`${reportDate(newest.passage.date ?? '', newestYear)}报道为${newest.value}[${cite(newest.sentence.passageIndex)}]`];
  for (const other of others) {
    lines.push(`${reportDate(other.passage.date ?? '', newestYear)}《${other.passage.title}》报道为${other.value}[${cite(other.sentence.passageIndex)}]`);
  }
  return `各报道说法不一：${lines.join('；')}。${trim(newest.sentence.text)}[${cite(newest.sentence.passageIndex)}]`;
}

function toCitation(n: number, passage: Passage): Citation {
  return { n, articleId: passage.articleId, title: passage.title, date: passage.date, url: passage.url, source: passage.source, quote: passage.text };
}
