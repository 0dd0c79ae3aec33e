// Claims without figures: "株洲硬质合金集团荣获第五届中国质量奖提名奖" has one (第五届); "株洲中院一案例入选十大典型案例" not.
import type { ArticleTermStats } from './align/article-term-stats.js';
import type { ArchiveArticle, ArchiveSentence } from './archive/archive-article.js';
import { normalizeForMatching } from '../shared/normalize-text.js';
import type { ClaimTerm } from './text/claim-terms.js';
import { isNegated } from './text/negation.js';
import { splitStatements } from './text/split-sentences.js';

/** A statement of the archive that holds a claim's words. */
export interface StatementMatch {
  article: ArchiveArticle;
  sentence: ArchiveSentence;
  /** The statement (sentence up to a semicolon) that holds the words. */
  statement: string;
  coverage: number;
}

/** Least claim words for a claim without figures to be checked at all. */
const MIN_TERMS = 2;
/** Least share of the claim's word weight inside the statement itself. */
const MIN_INSIDE_SHARE = 0.5;
/** Weight of a word found in the title or the previous sentence rather than the statement. */
const CONTEXT_PRESENCE = 0.8;

/**
 * The archive statement that states a figure-less claim, or null. The claim's words must all be in one
 * statement, except a leading or trailing run (the topic: "…入选全省知识产权保护十大典型案例") that the title or the
 * previous sentence states, or the home city written 我市; negation must agree. A word missing in the middle
 * ("华锐精密荣获中国质量奖" against "…荣获第八届湖南省省长质量奖") rejects the statement. Contradictions without
 * figures are not detected: such a claim is not found.
 */
export function matchStatement(claim: string, terms: readonly ClaimTerm[], articles: readonly { article: ArchiveArticle; stats: ArticleTermStats }[]): StatementMatch | null {
  if (terms.length < MIN_TERMS) return null;
  const claimNegated = isNegated(claim);
  let best: StatementMatch | null = null;
  for (const { article, stats } of articles) {
    for (const sentence of article.sentences) {
      const previous = article.sentences[sentence.index - 1];
      const context = `${article.normalizedHeading}\n${previous && !previous.isHeading ? previous.normalized : ''}`;
      for (const statement of splitStatements(sentence.text)) {
        const normalized = normalizeForMatching(statement.text);
        if (isNegated(normalized) !== claimNegated) continue;
        const coverage = statementCoverage(terms, normalized, (term) => context.includes(term.text) || stats.aliased.has(term.text));
        if (coverage !== null && (!best || coverage > best.coverage)) best = { article, sentence, statement: statement.text, coverage };
      }
    }
  }
  return best;
}

function statementCoverage(terms: readonly ClaimTerm[], statement: string, inContext: (term: ClaimTerm) => boolean): number | null {
  const places = terms.map((term) => (statement.includes(term.text) ? 'inside' : inContext(term) ? 'context' : 'missing'));
  if (places.includes('missing')) return null;
  const firstInside = places.indexOf('inside');
  const lastInside = places.lastIndexOf('inside');
  if (firstInside < 0 || places.slice(firstInside, lastInside + 1).includes('context')) return null;
  let inside = 0;
  let found = 0;
  let total = 0;
  terms.forEach((term, index) => {
    total += term.weight;
    if (places[index] === 'inside') {
      inside += term.weight;
      found += term.weight;
    } else found += term.weight * CONTEXT_PRESENCE;
  });
  return inside / total >= MIN_INSIDE_SHARE ? found / total : null;
}
