import fs from 'node:fs';
import os from 'node:os';
import { machineInfo, type MachineInfo } from '../../src/bench/machine-info.js';
import { latencyPercentiles, type LatencySummary } from '../../src/bench/latency-percentiles.js';
import { openSqliteArticleStore, type SqliteArticleStore } from '../../src/store/sqlite/sqlite-article-store.js';
import { KEYWORD_BUDGET_FIT, keywordBudget, type KeywordBudget } from '../../src/store/sqlite/keyword-budget.js';
import { HybridRetriever, RETRIEVAL_DEFAULTS } from '../../src/retrieval/hybrid-retriever.js';
import { HashEmbedder } from '../../src/embedding/hash-embedder.js';
import type { ArticleStore, KeywordHit, StoredChunk } from '../../src/store/article-store.js';
import type { KeptArchives } from '../keyword-budget/run-keyword-budget.js';
import { EmptyVectorIndex } from './empty-vector-index.js';
import { GoldPassages, maskFigures, type GoldMatch } from './gold-passages.js';
import { plainFullTextSearch } from './plain-full-text-search.js';
import { classifyMiss, type MissKind } from './classify-miss.js';

/** A keyword budget to measure: the store's own (`keywordBudget`) or a fixed one. */
export interface BudgetVariant {
  name: string;
  budget: (chunks: number) => KeywordBudget;
  /** Rank with FTS5's bm25() instead of the postings ranker (the search before it, for a before/after in one run). */
  rankWithFts5?: boolean;
  /** Weigh the common terms by characters, as before (`SqliteArticleStoreOptions.commonTermsByCharacters`). */
  commonTermsByCharacters?: boolean;
}

export interface RunKeywordScaleOptions {
  kept: KeptArchives;
  squadFile: string;
  variants: readonly BudgetVariant[];
  /** Searches asked before timing (not judged). */
  warmUp: number;
  /** Missed questions listed with their evidence, per archive and variant. */
  examples: number;
  /** Measure the plain full-text baseline too (slow: every term's postings ranked). */
  plain: boolean;
  /** Only the archives of these sizes (all when empty). */
  sizes: readonly number[];
  /** Every search kept to these dates (for timing the ranged search: hits then count only gold passages in the range). */
  range?: { from?: string; to?: string };
  onProgress?: (message: string) => void;
}

/** hit@1 and hit@5 under the bench's judge (a gold answer's text) and with copies whose figures changed counted too. */
export interface JudgedFigures {
  hitAt1: number;
  hitAt5: number;
  hitAt1WithVariedCopies: number;
  hitAt5WithVariedCopies: number;
}

export interface VariantFigures extends JudgedFigures {
  name: string;
  budget: KeywordBudget;
  latency: LatencySummary;
  /** Median milliseconds of each stage of a search (`StageTrace`), over the questions that reached it. */
  stages: Record<string, number>;
  /** hit@5 of the same keyword list without the per-article limit (the first five candidates as ranked). */
  hitAt5WithoutPerArticleLimit: number;
  misses: { at1: Record<MissKind, number>; at5: Record<MissKind, number> };
  /** Mean number of different texts (figures masked) among the candidates: near-copies crowd the pool. */
  distinctCandidateTexts: number;
  examples: { question: string; answers: readonly string[]; kind: MissKind; first: string }[];
}

export interface ArchiveFigures {
  chunks: number;
  questions: number;
  /** Questions whose gold sentence was found in their CMRC passage (the varied-copy judge needs it). */
  goldSentenceKnown: number;
  variants: VariantFigures[];
  plain: (JudgedFigures & { latency: LatencySummary; hitAt5WithPerArticleLimit: number }) | null;
}

export interface KeywordScaleReport {
  machine: MachineInfo;
  loadAverageAtEnd: number;
  archives: ArchiveFigures[];
}

const CANDIDATES = RETRIEVAL_DEFAULTS.candidates;
const PLAIN_CANDIDATES = 50;

/**
 * On kept bench archives (`npm run bench:keyword-budget -- --keep DIR`): `newsbot bench`'s own search questions through
 * the retriever with each budget variant (questions interleaved across variants, so a shared machine's load falls on
 * all alike), a plain full-text baseline, and every miss classified (`classifyMiss`).
 */
export async function runKeywordScale(options: RunKeywordScaleOptions): Promise<KeywordScaleReport> {
  const machine = machineInfo();
  const gold = new GoldPassages(options.squadFile);
  const progress = options.onProgress ?? (() => {});
  const questions = options.kept.benchQuestions.filter((question) => (options.kept.answers[question] ?? []).length > 0);
  const archives: ArchiveFigures[] = [];
  for (const archive of options.kept.archives) {
    if (options.sizes.length > 0 && !options.sizes.some((size) => Math.abs(size - archive.chunks) / size < 0.05)) continue;
    progress(`${archive.chunks.toLocaleString('en-US')} chunks: ${questions.length} questions`);
    archives.push(await measureArchive(archive, questions, gold, options));
  }
  return { machine, loadAverageAtEnd: Math.round(os.loadavg()[0]! * 100) / 100, archives };
}

async function measureArchive(
  archive: KeptArchives['archives'][number],
  questions: readonly string[],
  gold: GoldPassages,
  options: RunKeywordScaleOptions,
): Promise<ArchiveFigures> {
  if (!fs.existsSync(archive.database)) throw new Error(`no database at ${archive.database}`);
  const stores = options.variants.map((variant) =>
    openSqliteArticleStore(archive.database, {
      keywordBudget: variant.budget,
      rankWithFts5: variant.rankWithFts5 === true,
      commonTermsByCharacters: variant.commonTermsByCharacters === true,
    }),
  );
  const plainStore = openSqliteArticleStore(archive.database);
  try {
    const embedder = new HashEmbedder();
    // The retriever's own keyword list is its candidates: recorded, not searched a second time.
    const recorded = stores.map(() => ({ hits: [] as KeywordHit[] }));
    const retrievers = stores.map((store, index) => new HybridRetriever({ store: recordingKeywordSearch(store, recorded[index]!), index: new EmptyVectorIndex(), embedder }));
    // Without the baseline, a miss no candidate holds counts as 'beyond keywords' (budget and beyond are not told apart).
    const plainSearch = options.plain ? plainFullTextSearch(plainStore) : () => [];
    for (const question of questions.slice(0, options.warmUp)) {
      for (const retriever of retrievers) await retriever.search(question);
      plainSearch(question, PLAIN_CANDIDATES);
    }
    const tallies = options.variants.map((variant, index) => new VariantTally(variant.name, variant.budget(stores[index]!.stats().chunks)));
    const plainTally = { judged: new JudgedTally(), times: [] as number[], limitedAt5: 0 };
    let known = 0;
    for (const [turn, question] of questions.entries()) {
      const answers = options.kept.answers[question] ?? [];
      const judge = (chunk: { text: string } | undefined): GoldMatch => (chunk ? gold.match(question, answers, chunk.text) : 'none');
      if (gold.known(question)) known += 1;
      // The baseline first, timed as a search that returns its first five passages.
      const started = performance.now();
      const plainHits = plainSearch(question, PLAIN_CANDIDATES);
      const plainTop = ordered(
        plainStore,
        plainHits.slice(0, 5).map((hit) => hit.id),
      );
      plainTally.times.push(performance.now() - started);
      plainTally.judged.add(plainTop.map(judge));
      const plainChunks = ordered(
        plainStore,
        plainHits.map((hit) => hit.id),
      );
      if (
        withinPerArticleLimit(plainChunks)
          .slice(0, 5)
          .some((chunk) => judge(chunk) === 'answer')
      )
        plainTally.limitedAt5 += 1;
      const plainCandidates = plainChunks.map(judge);
      // The first variant to ask a question reads its pages cold for the others: which one goes first rotates.
      for (let offset = 0; offset < retrievers.length; offset += 1) {
        const index = (turn + offset) % retrievers.length;
        const retriever = retrievers[index]!;
        const store = stores[index]!;
        const tally = tallies[index]!;
        const stages = new Map<string, number>();
        const trace = { add: (stage: string, milliseconds: number) => stages.set(stage, (stages.get(stage) ?? 0) + milliseconds) };
        const begun = performance.now();
        const passages = await retriever.search(question, { trace, range: options.range });
        tally.times.push(performance.now() - begun);
        tally.addStages(stages);
        const returned = passages.map(judge);
        tally.judged.add(returned);
        const candidateChunks = ordered(
          store,
          recorded[index]!.hits.slice(0, CANDIDATES).map((hit) => hit.id),
        );
        const candidates = candidateChunks.map(judge);
        if (candidates.slice(0, 5).includes('answer')) tally.unlimitedAt5 += 1;
        tally.distinctTexts += new Set(candidateChunks.map((chunk) => maskFigures(chunk.text))).size;
        if (returned[0] !== 'answer')
          tally.miss('at1', question, answers, classifyMiss({ returned: returned.slice(0, 1), candidates, plain: plainCandidates }), passages[0]?.text ?? '', options.examples);
        if (!returned.slice(0, 5).includes('answer'))
          tally.miss('at5', question, answers, classifyMiss({ returned: returned.slice(0, 5), candidates, plain: plainCandidates }), passages[0]?.text ?? '', 0);
      }
    }
    const count = questions.length;
    return {
      chunks: stores[0]?.stats().chunks ?? archive.chunks,
      questions: count,
      goldSentenceKnown: known,
      variants: tallies.map((tally) => tally.figures(count)),
      plain: !options.plain
        ? null
        : { ...plainTally.judged.figures(count), latency: latencyPercentiles(plainTally.times), hitAt5WithPerArticleLimit: share(plainTally.limitedAt5, count) },
    };
  } finally {
    for (const store of stores) store.close();
    plainStore.close();
  }
}

/** The store, with each keyword search's hits kept in `last`. */
function recordingKeywordSearch(store: SqliteArticleStore, last: { hits: KeywordHit[] }): ArticleStore {
  return new Proxy(store, {
    get(target, key) {
      if (key === 'keywordSearch') {
        return (...args: Parameters<ArticleStore['keywordSearch']>) => {
          last.hits = target.keywordSearch(...args);
          return last.hits;
        };
      }
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** The chunks of `ids`, in that order. */
function ordered(store: SqliteArticleStore, ids: readonly number[]): StoredChunk[] {
  const byId = new Map(store.getChunks([...ids]).map((chunk) => [chunk.id, chunk]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The retriever's per-article limit applied to a ranked list. */
function withinPerArticleLimit(chunks: readonly StoredChunk[]): StoredChunk[] {
  const taken = new Map<string, number>();
  return chunks.filter((chunk) => {
    const count = taken.get(chunk.articleId) ?? 0;
    if (count >= RETRIEVAL_DEFAULTS.perArticle) return false;
    taken.set(chunk.articleId, count + 1);
    return true;
  });
}

class JudgedTally {
  private at1 = 0;
  private at5 = 0;
  private at1Copies = 0;
  private at5Copies = 0;

  add(returned: readonly GoldMatch[]): void {
    if (returned[0] === 'answer') this.at1 += 1;
    if (returned.slice(0, 5).includes('answer')) this.at5 += 1;
    if (returned[0] !== undefined && returned[0] !== 'none') this.at1Copies += 1;
    if (returned.slice(0, 5).some((match) => match !== 'none')) this.at5Copies += 1;
  }

  figures(count: number): JudgedFigures {
    return {
      hitAt1: share(this.at1, count),
      hitAt5: share(this.at5, count),
      hitAt1WithVariedCopies: share(this.at1Copies, count),
      hitAt5WithVariedCopies: share(this.at5Copies, count),
    };
  }
}

class VariantTally {
  readonly judged = new JudgedTally();
  readonly times: number[] = [];
  private readonly stageTimes = new Map<string, number[]>();
  unlimitedAt5 = 0;
  distinctTexts = 0;
  private readonly misses = { at1: emptyKinds(), at5: emptyKinds() };
  private readonly examples: VariantFigures['examples'] = [];

  constructor(
    private readonly name: string,
    private readonly budget: KeywordBudget,
  ) {}

  miss(level: 'at1' | 'at5', question: string, answers: readonly string[], kind: MissKind, first: string, examples: number): void {
    this.misses[level][kind] += 1;
    if (this.examples.length < examples) this.examples.push({ question, answers, kind, first: first.slice(0, 160) });
  }

  addStages(stages: ReadonlyMap<string, number>): void {
    for (const [stage, milliseconds] of stages) {
      const times = this.stageTimes.get(stage) ?? [];
      times.push(milliseconds);
      this.stageTimes.set(stage, times);
    }
  }

  figures(count: number): VariantFigures {
    return {
      name: this.name,
      budget: this.budget,
      ...this.judged.figures(count),
      latency: latencyPercentiles(this.times),
      stages: Object.fromEntries([...this.stageTimes].map(([stage, times]) => [stage, latencyPercentiles(times).p50])),
      hitAt5WithoutPerArticleLimit: share(this.unlimitedAt5, count),
      misses: this.misses,
      distinctCandidateTexts: Math.round((this.distinctTexts / Math.max(1, count)) * 10) / 10,
      examples: this.examples,
    };
  }
}

function emptyKinds(): Record<MissKind, number> {
  return { 'varied copy': 0, outranked: 0, budget: 0, 'beyond keywords': 0 };
}

function share(count: number, total: number): number {
  return Math.round((count / Math.max(1, total)) * 10000) / 10000;
}

/** The store's own budget (also ranked by FTS5's bm25() with `fts5Ranking`, its common terms weighed by characters with `commonTermsByCharacters`), and fixed ones written `ranked/pool` (`2000/50`). */
export function budgetVariants(fixed: readonly string[], fts5Ranking = false, commonTermsByCharacters = false): BudgetVariant[] {
  const variants: BudgetVariant[] = [{ name: 'store default', budget: (chunks) => keywordBudget(chunks) }];
  if (fts5Ranking) variants.push({ name: 'store default, FTS5 bm25()', budget: (chunks) => keywordBudget(chunks), rankWithFts5: true });
  if (commonTermsByCharacters) variants.push({ name: 'store default, common terms by characters', budget: (chunks) => keywordBudget(chunks), commonTermsByCharacters: true });
  for (const text of fixed) {
    const match = /^(\d+)\/(\d+)$/.exec(text.trim());
    const curve = /^([\d.]+)\*N\^([\d.]+)\/(\d+)$/.exec(text.trim());
    if (match) {
      const rankedPostings = Number(match[1]);
      const rescorePool = Number(match[2]);
      variants.push({ name: `${rankedPostings}/${rescorePool}`, budget: (chunks) => ({ ...keywordBudget(chunks), rankedPostings, rescorePool }) });
    } else if (curve) {
      // A fitted curve, as KEYWORD_BUDGET_FIT writes one, with the store's floor: 0.037*N^0.898/50 is the fit before 2026-12-07.
      const ranked = { coefficient: Number(curve[1]), exponent: Number(curve[2]), least: KEYWORD_BUDGET_FIT.ranked.least };
      const rescorePool = Number(curve[3]);
      variants.push({
        name: text.trim(),
        budget: (chunks) => keywordBudget(chunks, { ...KEYWORD_BUDGET_FIT, ranked, pool: { coefficient: rescorePool, exponent: 0, least: rescorePool } }),
      });
    } else throw new Error(`a budget is written ranked/pool (2000/50) or coefficient*N^exponent/pool (0.037*N^0.898/50), got "${text}"`);
  }
  return variants;
}
