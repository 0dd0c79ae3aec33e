import type { Article } from '../ingest/article.js';
import type { StoredArticle, StoredChunk } from './article-store.js';

/**
 * The mapping of the `articles` and `chunks` tables, in one place for both backends: the columns are
 * the same in SQLite and PostgreSQL, only the list columns (JSON text in SQLite, `text[]` in
 * PostgreSQL) and the time column differ, and each backend passes its own conversion.
 */

/** The columns of `articles` that hold an {@link Article}, in this order. */
export const ARTICLE_COLUMNS = ['id', 'title', 'subtitle', 'paragraphs', 'date', 'url', 'authors', 'section', 'source', 'photo_caption', 'position'] as const;

/** Every column an article write sets: the article's, its content hash and when it was ingested. */
export const STORED_ARTICLE_COLUMNS = [...ARTICLE_COLUMNS, 'content_hash', 'ingested_at'] as const;

/** The article columns of a row; `List` is how the backend holds `paragraphs` and `authors`. */
export interface ArticleValues<List> {
  id: string;
  title: string;
  subtitle: string | null;
  paragraphs: List;
  date: string | null;
  url: string | null;
  authors: List;
  section: string | null;
  source: string;
  photo_caption: string | null;
  position: number;
}

/** An `articles` row; SQLite's by default (lists as JSON text, times as ISO text). */
export interface ArticleRow<List = string, Time = string> extends ArticleValues<List> {
  content_hash: string;
  ingested_at: Time;
}

/** An article as the column values of its row. */
export function articleValues<List>(article: Article, encodeList: (list: string[]) => List): ArticleValues<List> {
  return {
    id: article.id,
    title: article.title,
    subtitle: article.subtitle,
    paragraphs: encodeList(article.paragraphs),
    date: article.date,
    url: article.url,
    authors: encodeList(article.authors),
    section: article.section,
    source: article.source,
    photo_caption: article.photoCaption,
    position: article.position,
  };
}

/** The article a row holds. */
export function toArticle<List>(row: ArticleValues<List>, decodeList: (value: List) => string[]): Article {
  return {
    id: row.id,
    title: row.title,
    subtitle: row.subtitle,
    paragraphs: decodeList(row.paragraphs),
    date: row.date,
    url: row.url,
    authors: decodeList(row.authors),
    section: row.section,
    source: row.source,
    photoCaption: row.photo_caption,
    position: row.position,
  };
}

/**
 * `INSERT … ON CONFLICT (id) DO UPDATE` of an article row: `values` are the backend's placeholders (or
 * expressions) for `columns`, in order; every column but the id is replaced on conflict.
 */
export function upsertArticleSql(columns: readonly string[], values: readonly string[]): string {
  const updates = columns.filter((column) => column !== 'id').map((column) => `${column} = excluded.${column}`);
  return `INSERT INTO articles (${columns.join(', ')}) VALUES (${values.join(', ')}) ON CONFLICT (id) DO UPDATE SET ${updates.join(', ')}`;
}

/** A `chunks` row joined with the article fields a `StoredChunk` carries. */
export interface ChunkRow {
  id: number;
  article_id: string;
  ordinal: number;
  text: string;
  heading: string;
  title: string;
  subtitle: string | null;
  date: string | null;
  url: string | null;
  source: string;
}

/** Columns selected for a `ChunkRow` (chunks aliased c, articles aliased a). */
export const CHUNK_COLUMNS = 'c.id, c.article_id, c.ordinal, c.text, c.heading, a.title, a.subtitle, a.date, a.url, a.source';

/** A SQLite `articles` row as a {@link StoredArticle}. */
export function toStoredArticle(row: ArticleRow): StoredArticle {
  return { ...toArticle(row, parseList), contentHash: row.content_hash, ingestedAt: row.ingested_at };
}

/** A SQLite `articles` row of an article. */
export function toArticleRow(article: Article, contentHash: string, ingestedAt: string): ArticleRow {
  return { ...articleValues(article, (list) => JSON.stringify(list)), content_hash: contentHash, ingested_at: ingestedAt };
}

/** SQLite's upsert of an article row, with named parameters for {@link toArticleRow}'s fields. */
export const SQLITE_UPSERT_ARTICLE = upsertArticleSql(
  STORED_ARTICLE_COLUMNS,
  STORED_ARTICLE_COLUMNS.map((column) => `@${column}`),
);

function parseList(value: string): string[] {
  return JSON.parse(value) as string[];
}

export function toStoredChunk(row: ChunkRow): StoredChunk {
  return {
    id: row.id,
    articleId: row.article_id,
    ordinal: row.ordinal,
    text: row.text,
    heading: row.heading,
    title: row.title,
    subtitle: row.subtitle,
    date: row.date,
    url: row.url,
    source: row.source,
  };
}
