import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/log/logger.js';
import { openArchive } from '../../src/pipeline/open-archive.js';
import type { Archive } from '../../src/pipeline/archive.js';
import type { Article } from '../../src/ingest/article.js';
import type { EmbedKind, EmbedOptions } from '../../src/embedding/embedder.js';
import { EmbedderDecorator } from '../../src/embedding/embedder-decorator.js';

/** Opens a real archive (SQLite file + HNSW files) in `home` with the offline embedder. */
export function openTestArchive(home: string, env: Record<string, string> = {}): Promise<Archive> {
  const config = loadConfig({ NEWSBOT_HOME: home, EMBEDDING_MODEL: 'hash', LOG_LEVEL: 'silent', ...env });
  return openArchive(config, createLogger('silent'));
}

/** A synthetic article with sensible defaults. */
export function makeArticle(id: string, title: string, paragraphs: string[], extra: Partial<Article> = {}): Article {
  return { id, title, subtitle: null, paragraphs, date: null, url: null, authors: [], section: null, source: `test/${id}`, photoCaption: null, position: 0, ...extra };
}

/** Wraps an embedder and records every passage text it is asked to embed. */
export class RecordingEmbedder extends EmbedderDecorator {
  readonly embedded: string[] = [];
  override embed(texts: string[], kind: EmbedKind, options?: EmbedOptions): Promise<Float32Array[]> {
    if (kind === 'passage') this.embedded.push(...texts);
    return this.inner.embed(texts, kind, options);
  }
}
