import type { SquadSet } from './load-squad.js';

/**
 * `count` passages of a set from `start`, in file order, with their questions and the titles whose passages are all
 * kept: a smaller archive of the same set (a test's slice, an archive of a few passages).
 */
export function sliceSquadSet(set: SquadSet, start: number, count: number): SquadSet {
  const articles = set.articles.slice(start, start + count);
  const kept = new Set(articles.map((article) => article.id));
  return {
    articles,
    questions: set.questions.filter((question) => kept.has(question.articleId)),
    titles: set.titles.filter((title) => title.articleIds.every((id) => kept.has(id))),
  };
}
