// Claims without figures: "株洲硬质合金集团荣获第五届中国质量奖提名奖" has one (第五届); "株洲中院一案例入选十大典型案例" not.
import type { ArticleTermStats } from './align/article-term-stats.js';
import type { ArchiveArticle, ArchiveSentence } from './archive/archive-article.js';
import { foldForMatching } from '../text/fold-for-matching.js';
import type { ClaimTerm } from './text/claim-terms.js';
import { containsTerm } from '../text/contains-term.js';
import { isNegated } from '../text/negation.js';
import { splitSentenceSpans } from '../text/split-sentences.js';
import { STATEMENTS } from './text/check-sentence-options.js';

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

/** Least folded length of a claim opening found verbatim in the article to count as its subject. */
const MIN_SUBJECT_CHARACTERS = 4;

/**
 * The archive statement that states a figure-less claim, or null. The claim's words must be in one statement,
 * except: its opening, when the article has it verbatim and the statement names its first word (the subject,
 * "湖南澳维膜科技有限公司…" for a statement about 澳维膜); words of the
 * previous sentence (the event the statement continues); and a leading or trailing run the title states or the
 * home city written 我市. Negation must agree. A word missing in the middle ("华锐精密荣获中国质量奖" against
 * "…荣获第八届湖南省省长质量奖") rejects the statement. Contradictions without figures are not detected: such a
 * claim is not found.
 */
export function matchStatement(claim: string, terms: readonly ClaimTerm[], articles: readonly { article: ArchiveArticle; stats: ArticleTermStats }[]): StatementMatch | null {
  if (terms.length < MIN_TERMS) return null;
  const claimNegated = isNegated(claim);
  let best: StatementMatch | null = null;
  for (const { article, stats } of articles) {
    const subjectTerms = subjectTermCount(claim, terms, article);
    for (const sentence of article.sentences) {
      const previous = article.sentences[sentence.index - 1];
      const previousText = previous && !previous.isHeading ? previous.normalized : '';
      for (const statement of splitSentenceSpans(sentence.text, STATEMENTS)) {
        const normalized = foldForMatching(statement.text);
        if (isNegated(normalized) !== claimNegated) continue;
        // The article's subject carries to this statement only if the statement names it by its first word (澳维膜…).
        const subjectHead = terms.slice(0, subjectTerms).find((term) => !term.place);
        const subjectHere = subjectHead && containsTerm(normalized, subjectHead.text) ? subjectTerms : 0;
        const places = terms.map((term, index): TermPlace => {
          if (containsTerm(normalized, term.text)) return 'inside';
          if (index < subjectHere || containsTerm(previousText, term.text)) return 'nearby';
          if (containsTerm(article.normalizedHeading, term.text) || stats.aliased.has(term.text)) return 'heading';
          return 'missing';
        });
        const coverage = statementCoverage(terms, places, subjectHere);
        if (coverage !== null && (!best || coverage > best.coverage)) best = { article, sentence, statement: statement.text, coverage };
      }
    }
  }
  return best;
}

type TermPlace = 'inside' | 'nearby' | 'heading' | 'missing';

/** How many leading claim words form an opening the article has verbatim (0 when shorter than a name). */
function subjectTermCount(claim: string, terms: readonly ClaimTerm[], article: ArchiveArticle): number {
  let count = 0;
  for (let index = 0; index < terms.length; index++) {
    const opening = foldForMatching(claim.slice(0, (terms[index] as ClaimTerm).end));
    if (opening.length < MIN_SUBJECT_CHARACTERS || !article.normalizedText.includes(opening)) {
      if (opening.length >= MIN_SUBJECT_CHARACTERS) break;
      continue;
    }
    count = index + 1;
  }
  return count;
}

function statementCoverage(terms: readonly ClaimTerm[], places: readonly TermPlace[], subjectTerms: number): number | null {
  if (places.includes('missing')) return null;
  const firstInside = places.indexOf('inside');
  const lastInside = places.lastIndexOf('inside');
  if (firstInside < 0 || places.slice(firstInside, lastInside + 1).includes('heading')) return null;
  let inside = 0;
  let predicate = 0;
  let found = 0;
  let total = 0;
  terms.forEach((term, index) => {
    total += term.weight;
    if (index >= subjectTerms) predicate += term.weight;
    if (places[index] === 'inside') {
      found += term.weight;
      if (index >= subjectTerms) inside += term.weight;
    } else found += term.weight * CONTEXT_PRESENCE;
  });
  const insideShare = predicate > 0 ? inside / predicate : found / total;
  return insideShare >= MIN_INSIDE_SHARE ? found / total : null;
}
