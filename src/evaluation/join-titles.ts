// A tuning set's titles as the long articles a newspaper prints: CMRC and DRCD make every paragraph an article, so a
// fit on them never sees an answer several chunks below a lead that names the subject.
import type { Article } from '../ingest/article.js';
import type { SquadSet } from './load-squad.js';

/**
 * Each title's paragraphs joined into one article (paragraphs in order, the title as its title, dated by its first
 * kept paragraph), leaving out the paragraphs in `leftOut`: the rest of their article stays. A title whose every
 * paragraph is left out makes no article.
 */
export function joinTitles(set: SquadSet, leftOut: ReadonlySet<string> = new Set()): Article[] {
  const paragraphs = new Map(set.articles.map((article) => [article.id, article]));
  return set.titles.flatMap((title, position) => {
    const kept = title.articleIds.filter((id) => !leftOut.has(id)).map((id) => paragraphs.get(id));
    const first = kept[0];
    if (!first) return [];
    return [
      {
        ...first,
        id: title.id,
        title: title.title,
        paragraphs: kept.flatMap((article) => article?.paragraphs ?? []),
        source: title.source,
        position,
      },
    ];
  });
}
