import type { StoredArticle, StoredChunk } from './article-store.js';

/** An `articles` row as better-sqlite3 returns it. */
export interface ArticleRow {
  id: string;
  title: string;
  subtitle: string | null;
  paragraphs: string;
  date: string | null;
  url: string | null;
  authors: string;
  section: string | null;
  source: string;
  photo_caption: string | null;
  position: number;
  content_hash: string;
  ingested_at: string;
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

export function toStoredArticle(row: ArticleRow): StoredArticle {
  return {
    id: row.id,
    title: row.title,
    subtitle: row.subtitle,
    paragraphs: JSON.parse(row.paragraphs) as string[],
    date: row.date,
    url: row.url,
    authors: JSON.parse(row.authors) as string[],
    section: row.section,
    source: row.source,
    photoCaption: row.photo_caption,
    position: row.position,
    contentHash: row.content_hash,
    ingestedAt: row.ingested_at,
  };
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
