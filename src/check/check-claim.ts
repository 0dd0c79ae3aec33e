import type { Retriever, Passage } from '../retrieval/passage.js';
import { alignFigure } from './align/align-figure.js';
import { articleTermStats, specificTermWeights } from './align/article-term-stats.js';
import { analyzeClaim } from './align/claim-analysis.js';
import { buildArchiveArticles, type ArticleChunkReader } from './archive/build-archive-articles.js';
import type { ArchiveArticle, ArchiveSentence } from './archive/archive-article.js';
import type { CheckResult, Evidence, FigureComparison } from './check-result.js';
import { combineFigures, decideFigure, type FigureDecision } from './decide-verdict.js';
import { explainVerdict } from './explain-verdict.js';
import { matchStatement } from './match-statement.js';

/** What `checkClaim` needs from the archive. */
export interface CheckClaimDeps {
  retriever: Retriever;
  /** Reads a whole article (e.g. `store.articleChunks`), so a figure's subject stated sentences earlier still counts. */
  readChunks?: ArticleChunkReader;
}

export interface CheckClaimOptions {
  /** Passages retrieved per query (default 12). */
  passages?: number;
  /** Most passages per article (default 3). */
  perArticle?: number;
  /** Articles the claim is aligned with (default 6). */
  articles?: number;
}

export const CHECK_DEFAULTS = { passages: 12, perArticle: 3, articles: 6 } as const;

/**
 * Checks a claim against the published archive: retrieves candidate passages, aligns each figure of the claim
 * with the archive figure of the same slot (same unit, same subject words, same modifiers such as 新增/累计),
 * and decides supported / contradicted / not_found. Topical similarity alone never makes "supported".
 */
export async function checkClaim(claim: string, deps: CheckClaimDeps, options: CheckClaimOptions = {}): Promise<CheckResult> {
  const analysis = analyzeClaim(claim.trim());
  const passages = await retrieve(
    claim.trim(),
    analysis.figures.map((figure) => figure.quantity),
    deps.retriever,
    options,
  );
  const articles = buildArchiveArticles(passages, deps.readChunks).slice(0, options.articles ?? CHECK_DEFAULTS.articles);
  const weights = specificTermWeights(analysis.terms, articles);
  const withStats = articles.map((article) => ({ article, stats: articleTermStats(analysis.terms, weights, article, articles) }));

  if (analysis.figures.length === 0) {
    const match = matchStatement(analysis.text, analysis.terms, withStats);
    const verdict = match ? 'supported' : 'not_found';
    return {
      verdict,
      evidence: match ? [evidenceOf(match.article, match.sentence)] : [],
      explanation: explainVerdict({ verdict, comparisons: [], statementSource: match ? { title: match.article.title, date: match.article.date } : null }),
      comparisons: [],
    };
  }

  const decisions = analysis.figures.map((figure) =>
    decideFigure(figure.quantity, alignFigure({ figure, terms: analysis.terms, weights, qualifyingDates: analysis.qualifyingDates, articles: withStats })),
  );
  const verdict = combineFigures(decisions);
  const comparisons = decisions.map(comparisonOf);
  const decisive = decisions.filter((decision) => (verdict === 'contradicted' ? decision.status === 'contradicted' : verdict === 'supported'));
  return { verdict, evidence: uniqueEvidence(decisive), explanation: explainVerdict({ verdict, comparisons }), comparisons };
}

async function retrieve(claim: string, figures: readonly { start: number; end: number }[], retriever: Retriever, options: CheckClaimOptions): Promise<Passage[]> {
  const searchOptions = { k: options.passages ?? CHECK_DEFAULTS.passages, perArticle: options.perArticle ?? CHECK_DEFAULTS.perArticle };
  let withoutFigures = claim;
  for (const figure of [...figures].sort((left, right) => right.start - left.start)) {
    withoutFigures = `${withoutFigures.slice(0, figure.start)} ${withoutFigures.slice(figure.end)}`;
  }
  const queries = [claim, withoutFigures.trim()].filter((query, index, all) => query.length > 0 && all.indexOf(query) === index);
  const results = await Promise.all(queries.map((query) => retriever.search(query, searchOptions)));
  const seen = new Set<number>();
  const merged: Passage[] = [];
  for (const passage of interleave(results)) {
    if (seen.has(passage.id)) continue;
    seen.add(passage.id);
    merged.push(passage);
  }
  return merged;
}

function interleave<T>(lists: readonly T[][]): T[] {
  const merged: T[] = [];
  const longest = Math.max(0, ...lists.map((list) => list.length));
  for (let index = 0; index < longest; index++) for (const list of lists) if (list[index] !== undefined) merged.push(list[index] as T);
  return merged;
}

function comparisonOf(decision: FigureDecision): FigureComparison {
  const shown = decision.shown;
  const article = decision.alignment?.article;
  if (!shown || !article || decision.status === 'not_found') {
    return { claim: decision.claim.raw, archive: null, matches: false, articleTitle: null, date: null };
  }
  return { claim: shown.claim.raw, archive: shown.archive.raw, matches: decision.status === 'supported', articleTitle: article.title, date: article.date };
}

function uniqueEvidence(decisions: readonly FigureDecision[]): Evidence[] {
  const evidence: Evidence[] = [];
  for (const decision of decisions) {
    const alignment = decision.alignment;
    if (!alignment) continue;
    const item = evidenceOf(alignment.article, alignment.sentence);
    if (!evidence.some((existing) => existing.articleId === item.articleId && existing.quote === item.quote)) evidence.push(item);
  }
  return evidence;
}

function evidenceOf(article: ArchiveArticle, sentence: ArchiveSentence): Evidence {
  return { articleId: article.articleId, title: article.title, date: article.date, url: article.url, quote: sentence.text };
}
