// Claims without figures ("华锐精密荣获第八届湖南省省长质量奖" has one; "株洲硬质合金集团荣获中国质量奖提名奖" not).
import type { ArticleTermStats } from './align/article-term-stats.js';
import type { ArchiveArticle, ArchiveSentence } from './archive/archive-article.js';
import { normalizeForMatching } from '../shared/normalize-text.js';
import type { ClaimTerm } from './text/claim-terms.js';
import { isNegated } from './text/negation.js';
import { splitStatements } from './text/split-sentences.js';

/** A statement of the archive that holds all of a claim's words. */
export interface StatementMatch {
  article: ArchiveArticle;
  sentence: ArchiveSentence;
  /** The statement (sentence up to a semicolon) that holds the words. */
  statement: string;
  coverage: number;
}

/** Least claim words for a claim without figures to be checked at all. */
const MIN_TERMS = 2;
/** Presence of a place name found outside the statement: in the title, the previous sentence, or as 我市. */
const PLACE_ELSEWHERE = 0.8;

/**
 * The archive statement that states a figure-less claim, or null. Every content word of the claim must be
 * in one statement (a place name may come from the title, the previous sentence or 我市), and negation must
 * agree. Contradictions without figures (中国质量奖 vs 省长质量奖) are not detected: such a claim is not found.
 */
export function matchStatement(claim: string, terms: readonly ClaimTerm[], articles: readonly { article: ArchiveArticle; stats: ArticleTermStats }[]): StatementMatch | null {
  if (terms.length < MIN_TERMS) return null;
  const claimNegated = isNegated(claim);
  let best: StatementMatch | null = null;
  for (const { article, stats } of articles) {
    for (const sentence of article.sentences) {
      const previous = article.sentences[sentence.index - 1]?.normalized ?? '';
      for (const statement of splitStatements(sentence.text)) {
        const normalized = normalizeForMatching(statement.text);
        if (isNegated(normalized) !== claimNegated) continue;
        const coverage = statementCoverage(terms, normalized, (term) =>
          term.place && (article.normalizedHeading.includes(term.text) || previous.includes(term.text) || stats.aliased.has(term.text)),
        );
        if (coverage !== null && (!best || coverage > best.coverage)) best = { article, sentence, statement: statement.text, coverage };
      }
    }
  }
  return best;
}

function statementCoverage(terms: readonly ClaimTerm[], statement: string, placeElsewhere: (term: ClaimTerm) => boolean): number | null {
  let found = 0;
  let total = 0;
  for (const term of terms) {
    total += term.weight;
    if (statement.includes(term.text)) found += term.weight;
    else if (placeElsewhere(term)) found += term.weight * PLACE_ELSEWHERE;
    else return null;
  }
  return total > 0 ? found / total : null;
}
