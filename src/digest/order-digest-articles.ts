import type { StoredArticle } from '../store/article-store.js';

/**
 * Orders a day's articles the way a reader meets them: page order (`position`) within each source,
 * sources by page number when the section names one ("A01", "第1版", "01版"), else by ingest time.
 * Articles whose position says nothing (a source of one, or equal positions) are ordered by body
 * length, longest first, then newest ingest first.
 */
export function orderDigestArticles(articles: readonly StoredArticle[]): StoredArticle[] {
  const groups = new Map<string, StoredArticle[]>();
  for (const article of articles) {
    const key = baseSource(article.source);
    groups.set(key, [...(groups.get(key) ?? []), article]);
  }
  const units: OrderingUnit[] = [];
  for (const [source, members] of groups) {
    const positions = new Set(members.map((article) => article.position));
    if (members.length > 1 && positions.size === members.length) {
      const ordered = [...members].sort((left, right) => left.position - right.position);
      units.push({ kind: 'paged', source, articles: ordered, page: pageOf(ordered), firstIngest: earliestIngest(ordered) });
    } else {
      for (const article of members) units.push({ kind: 'loose', source, articles: [article], page: pageOf([article]), firstIngest: article.ingestedAt });
    }
  }
  units.sort(compareUnits);
  return units.flatMap((unit) => unit.articles);
}

interface OrderingUnit {
  kind: 'paged' | 'loose';
  source: string;
  articles: StoredArticle[];
  page: number;
  firstIngest: string;
}

function compareUnits(left: OrderingUnit, right: OrderingUnit): number {
  if (left.page !== right.page) return left.page - right.page;
  if (left.kind !== right.kind) return left.kind === 'paged' ? -1 : 1;
  if (left.kind === 'paged') return left.firstIngest.localeCompare(right.firstIngest) || left.source.localeCompare(right.source);
  const [leftArticle, rightArticle] = [left.articles[0], right.articles[0]];
  if (!leftArticle || !rightArticle) return 0;
  return bodyLength(rightArticle) - bodyLength(leftArticle) || rightArticle.ingestedAt.localeCompare(leftArticle.ingestedAt);
}

/** JSON records share a file: `export.json#3` belongs with `export.json#1`. */
function baseSource(source: string): string {
  return source.replace(/#\d+$/, '');
}

/** The lowest page number named by a section, or Infinity when none is. */
function pageOf(articles: readonly StoredArticle[]): number {
  let page = Number.POSITIVE_INFINITY;
  for (const article of articles) {
    const match = article.section ? /^\s*(?:第\s*)?[A-Za-z]?\s*0*(\d{1,3})\s*(?:版|page)?/i.exec(article.section) : null;
    if (match) page = Math.min(page, Number(match[1]));
  }
  return page;
}

function earliestIngest(articles: readonly StoredArticle[]): string {
  // ISO timestamps sort as text.
  return articles.map((article) => article.ingestedAt).sort()[0] ?? '';
}

function bodyLength(article: StoredArticle): number {
  return article.paragraphs.reduce((total, paragraph) => total + paragraph.length, 0);
}
