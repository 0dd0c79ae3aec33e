import type { SquadSet } from './load-squad.js';

/**
 * The passages an evaluation leaves out of the archive to ask questions it cannot answer: every `every`-th
 * paragraph in file order (the first included), the same whichever way the rest is indexed.
 */
export function leftOutPassages(set: SquadSet, every = 10): Set<string> {
  return new Set(set.articles.filter((_, index) => index % every === 0).map((article) => article.id));
}
