import type { ArchiveArticle } from '../archive/archive-article.js';
import type { ClaimTerm } from '../text/claim-terms.js';
import { containsTerm } from '../../text/contains-term.js';

/** Whether the article's text or heading has the word. */
function articleHas(article: ArchiveArticle, word: string): boolean {
  return containsTerm(article.normalizedText, word) || containsTerm(article.normalizedHeading, word);
}

/** What an article has of the claim's words, computed once per article. */
export interface ArticleTermStats {
  /** Claim words the article lacks but that name the paper's home city it writes as 我市. */
  aliased: ReadonlySet<string>;
  /** Share of the claim's word weight the article lacks entirely (aliases count as present). */
  absentShare: number;
  /** Whether a place name of the claim is missing (a claim about 长沙 against an article about 株洲). */
  absentPlace: boolean;
}

const HOME_CITY_WORDS = ['我市', '本市', '全市', '市委', '市政府', '市领导'];
/** A place counts as the home city when at least this share of the other retrieved articles name it. */
const HOME_CITY_SHARE = 0.3;
/** With this many articles retrieved, words found in most of them weigh less (株洲 in a 株洲 paper). */
const MIN_ARTICLES_FOR_SPECIFICITY = 4;
const SPECIFICITY_DISCOUNT = 0.5;

/**
 * Claim word weights adjusted to the retrieved archive: a word most retrieved articles contain
 * (the city's name) says little about which article and slot a figure belongs to.
 */
export function specificTermWeights(terms: readonly ClaimTerm[], articles: readonly ArchiveArticle[]): Map<string, number> {
  const weights = new Map<string, number>();
  for (const term of terms) {
    if (articles.length < MIN_ARTICLES_FOR_SPECIFICITY) {
      weights.set(term.text, term.weight);
      continue;
    }
    const containing = articles.filter((article) => articleHas(article, term.text)).length;
    weights.set(term.text, term.weight * (1 - SPECIFICITY_DISCOUNT * (containing / articles.length)));
  }
  return weights;
}

/** Which claim words `article` lacks, and which of those its 我市 stands for. */
export function articleTermStats(
  terms: readonly ClaimTerm[],
  weights: ReadonlyMap<string, number>,
  article: ArchiveArticle,
  articles: readonly ArchiveArticle[],
): ArticleTermStats {
  const aliased = new Set<string>();
  let absentWeight = 0;
  let totalWeight = 0;
  let absentPlace = false;
  const writesHomeCity = HOME_CITY_WORDS.some((word) => article.normalizedText.includes(word) || article.normalizedHeading.includes(word));
  for (const term of terms) {
    const weight = weights.get(term.text) ?? term.weight;
    totalWeight += weight;
    if (articleHas(article, term.text)) continue;
    if (term.place && writesHomeCity && isHomeCity(term.text, article, articles)) {
      aliased.add(term.text);
      continue;
    }
    absentWeight += weight;
    if (term.place) absentPlace = true;
  }
  return { aliased, absentShare: totalWeight > 0 ? absentWeight / totalWeight : 1, absentPlace };
}

function isHomeCity(place: string, article: ArchiveArticle, articles: readonly ArchiveArticle[]): boolean {
  const others = articles.filter((other) => other.articleId !== article.articleId);
  if (others.length === 0) return false;
  const naming = others.filter((other) => articleHas(other, place)).length;
  return naming >= 2 && naming / others.length >= HOME_CITY_SHARE;
}
