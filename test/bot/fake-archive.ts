// An in-memory Archive for bot tests that need no real retrieval: articles in an array, one chunk per
// paragraph, CJK-bigram overlap as the score, and an answerer that quotes the best passage.
import { loadConfig, type Config } from '../../src/config/config.js';
import type { Answerer, AnswerResult } from '../../src/answer/answer-result.js';
import type { Article } from '../../src/ingest/article.js';
import type { Archive } from '../../src/pipeline/archive.js';
import type { Passage, Retriever } from '../../src/retrieval/passage.js';
import type { ArticleStore, StoredArticle, StoredChunk } from '../../src/store/article-store.js';
import { openSqliteDatabase } from '../../src/store/sqlite/open-sqlite-database.js';
import { openStateStores } from '../../src/store/sqlite/open-state-stores.js';
import { createLogger } from '../../src/log/logger.js';

/** A minimal article with defaults for everything but id, title and paragraphs. */
export function makeArticle(fields: Partial<Article> & Pick<Article, 'id' | 'title' | 'paragraphs'>): Article {
  return { subtitle: null, date: '2026-04-23', url: null, authors: [], section: null, source: 'test/articles.json', photoCaption: null, position: 0, ...fields };
}

export interface FakeArchiveOptions {
  env?: Record<string, string>;
  /** Makes every answer take this long (handler timeout tests). */
  answerDelayMs?: number;
  /** Makes every answer throw (error handler tests). */
  answerError?: Error;
}

/** Builds the fake archive over `articles`. */
export function createFakeArchive(articles: Article[], options: FakeArchiveOptions = {}): Archive & { answerCalls: string[] } {
  const config: Config = loadConfig(
    { EMBEDDING_MODEL: 'hash', LOG_LEVEL: 'silent', TELEGRAM_BOT_TOKEN: '7000000001:AAtest-token-for-the-loopback-emulator_x', ...options.env },
    process.cwd(),
  );
  const stored: StoredArticle[] = articles.map((article) => ({ ...article, contentHash: article.id, ingestedAt: '2026-04-23T08:00:00.000Z' }));
  const chunks: StoredChunk[] = [];
  for (const article of stored) {
    article.paragraphs.forEach((text, ordinal) => {
      chunks.push({
        id: chunks.length + 1,
        articleId: article.id,
        ordinal,
        text,
        heading: article.title,
        title: article.title,
        subtitle: article.subtitle,
        date: article.date,
        url: article.url,
        source: article.source,
      });
    });
  }
  const store = {
    getArticle: (articleId: string) => stored.find((article) => article.id === articleId) ?? null,
    getChunks: (ids: number[]) => ids.map((id) => chunks.find((chunk) => chunk.id === id)).filter((chunk): chunk is StoredChunk => chunk !== undefined),
    articleChunks: (articleId: string) => chunks.filter((chunk) => chunk.articleId === articleId),
    latestArticles: (limit: number) => [...stored].sort((left, right) => (right.date ?? '').localeCompare(left.date ?? '')).slice(0, limit),
    stats: () => ({ articles: stored.length, chunks: chunks.length, sources: 1, newestDate: '2026-04-23', lastIngestAt: '2026-04-23T08:00:00.000Z' }),
    close: () => {},
  } as unknown as ArticleStore;
  const retriever: Retriever = {
    async search(query, searchOptions = {}) {
      const scored = chunks
        .map((chunk): Passage => ({ ...chunk, score: overlap(query, chunk.heading + chunk.text), keywordRank: null, vectorRank: null, similarity: null, bm25: null }))
        .filter((passage) => passage.score > 0)
        .sort((left, right) => right.score - left.score);
      return scored.slice(0, searchOptions.k ?? 5);
    },
  };
  const answerCalls: string[] = [];
  // Real state stores (chat memory, rate limits, subscriptions) on an in-memory database.
  const stateDatabase = openSqliteDatabase(':memory:');
  const answerer: Answerer = {
    async answer(question): Promise<AnswerResult> {
      answerCalls.push(question);
      if (options.answerDelayMs) await new Promise((resolve) => setTimeout(resolve, options.answerDelayMs));
      if (options.answerError) throw options.answerError;
      const [best] = await retriever.search(question, { k: 1 });
      if (!best || best.score < 2) return { answered: false, answer: '', citations: [], mode: 'extractive' };
      return {
        answered: true,
        answer: `${best.text} [1]`,
        citations: [{ n: 1, articleId: best.articleId, chunkId: best.id, title: best.title, date: best.date, url: best.url, source: best.source, quote: best.text }],
        mode: 'extractive',
      };
    },
  };
  return {
    config,
    logger: createLogger(config.logLevel, [config.telegram.token]),
    store,
    index: undefined as unknown as Archive['index'],
    embedder: undefined as unknown as Archive['embedder'],
    retriever,
    answerer,
    state: openStateStores(stateDatabase),
    indexArticles: async () => ({ added: 0, updated: 0, unchanged: 0, chunks: 0 }),
    removeArticles: () => 0,
    close: () => void stateDatabase.close(),
    answerCalls,
  } as Archive & { answerCalls: string[] };
}

/** Number of character bigrams of the query found in the text. */
function overlap(query: string, text: string): number {
  const characters = [...query.replace(/\s+/g, '')];
  let count = 0;
  for (let index = 0; index + 1 < characters.length; index += 1) {
    if (text.includes(characters[index]! + characters[index + 1]!)) count += 1;
  }
  return count;
}
