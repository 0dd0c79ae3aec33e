import type { ArticleStore, StoredArticle } from '../../../src/store/article-store.js';

/** A stored article with sensible defaults, for digest tests. */
export function storedArticle(fields: Partial<StoredArticle> & { id: string; title: string }): StoredArticle {
  return {
    subtitle: null,
    paragraphs: [],
    date: '2026-04-23',
    url: null,
    authors: [],
    section: null,
    source: 'page.md',
    photoCaption: null,
    position: 0,
    contentHash: `hash-${fields.id}`,
    ingestedAt: '2026-04-23T00:00:00.000Z',
    ...fields,
  };
}

/** An in-memory ArticleStore that only answers what digests ask (`articlesOnDate`, `getArticle`); other methods throw. */
export function fakeArticleStore(articles: readonly StoredArticle[]): ArticleStore {
  const implemented: Partial<ArticleStore> = {
    articlesOnDate: (date) => articles.filter((article) => article.date === date),
    getArticle: (articleId) => articles.find((article) => article.id === articleId) ?? null,
    close: () => undefined,
  };
  return new Proxy(implemented, {
    get(target, property) {
      if (property in target) return target[property as keyof ArticleStore];
      if (typeof property === 'symbol' || property === 'then') return undefined;
      return () => {
        throw new Error(`ArticleStore.${property} is not supported by the fake article store`);
      };
    },
  }) as ArticleStore;
}
