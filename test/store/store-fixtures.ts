import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Article } from '../../src/ingest/article.js';
import type { Chunk } from '../../src/chunking/chunk.js';

/** A fresh temporary directory, removed by the returned cleanup. */
export function temporaryDirectory(prefix = 'newsbot-store-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** An article with sensible defaults. */
export function makeArticle(overrides: Partial<Article> & { id: string }): Article {
  return {
    title: `标题 ${overrides.id}`,
    subtitle: null,
    paragraphs: ['正文第一段。'],
    date: '2026-04-22',
    url: null,
    authors: [],
    section: null,
    source: 'page.md',
    photoCaption: null,
    position: 0,
    ...overrides,
  };
}

/** Chunks of an article, one per text, headed by its title. */
export function makeChunks(article: Article, texts: string[]): Chunk[] {
  return texts.map((text, ordinal) => ({ articleId: article.id, ordinal, text, heading: article.title }));
}
