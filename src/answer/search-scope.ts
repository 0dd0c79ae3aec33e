import type { SearchOptions } from '../retrieval/passage.js';
import type { AnswerOptions } from './answer-result.js';

/** The retrieval scope an answerer passes on from its options: articles to keep to, articles to favour, dates. */
export function searchScope(options: AnswerOptions): Pick<SearchOptions, 'articleIds' | 'preferArticleIds' | 'range'> {
  return {
    ...(options.range ? { range: options.range } : {}),
    ...(options.articleIds ? { articleIds: options.articleIds } : {}),
    ...(options.preferArticleIds && options.preferArticleIds.length > 0 ? { preferArticleIds: options.preferArticleIds } : {}),
  };
}
