/**
 * `newsbot migrate --to <DATABASE_URL>`: copies a standalone SQLite archive into PostgreSQL with
 * the vectors its HNSW index holds (nothing is embedded again), in transactions of a few dozen
 * articles. Articles PostgreSQL already holds with the same content hash are skipped, so an
 * interrupted migration resumes where it stopped.
 */
import type { Logger } from '../log/logger.js';
import type { ArticleStore, StoredArticle, StoredChunk } from '../store/article-store.js';
import type { ArticleWrite, ArticleWriter } from '../store/article-writer.js';
import type { Embedder } from '../embedding/embedder.js';
import type { HnswVectorIndex } from '../store/hnsw/hnsw-vector-index.js';
import { embedChunks } from './embed-chunks.js';

/** Articles per PostgreSQL transaction. */
const BATCH_ARTICLES = 64;
/** Chunk ids read from SQLite at once. */
const CHUNK_PAGE = 2048;

export interface MigrateToPostgresDeps {
  store: ArticleStore;
  /** The archive's vector index, where the vectors are copied from. */
  index: Pick<HnswVectorIndex, 'vector'>;
  /** Embeds a chunk whose vector the index lacks (drift; normally none). */
  embedder: Embedder;
  writer: ArticleWriter;
  /** The day an article was last updated in place, carried over (absent: none known). */
  updatedOn?: (articleId: string) => string | null;
  logger: Logger;
  /** After each batch: articles handled so far (copied or skipped) out of `total`. */
  onProgress?: (done: number, total: number) => void;
}

export interface MigrateToPostgresResult {
  /** Articles written to PostgreSQL. */
  copied: number;
  /** Articles PostgreSQL already held with the same content hash. */
  skipped: number;
  /** Chunks written, with their vectors. */
  chunks: number;
  /** Vectors taken from the HNSW index. */
  vectorsCopied: number;
  /** Vectors the index lacked, embedded here. */
  vectorsEmbedded: number;
}

export async function migrateToPostgres(deps: MigrateToPostgresDeps): Promise<MigrateToPostgresResult> {
  const chunksByArticle = groupChunksByArticle(deps.store);
  const articleIds = [...chunksByArticle.keys()].sort();
  const result: MigrateToPostgresResult = { copied: 0, skipped: 0, chunks: 0, vectorsCopied: 0, vectorsEmbedded: 0 };
  for (let start = 0; start < articleIds.length; start += BATCH_ARTICLES) {
    const ids = articleIds.slice(start, start + BATCH_ARTICLES);
    const held = await deps.writer.articleHashes(ids);
    const batch: ArticleWrite[] = [];
    for (const id of ids) {
      const article = deps.store.getArticle(id);
      if (article === null) continue;
      if (held.get(id) === article.contentHash) {
        result.skipped += 1;
        continue;
      }
      const chunks = [...chunksByArticle.get(id)!].sort((left, right) => left.ordinal - right.ordinal);
      batch.push({
        article: toArticle(article),
        contentHash: article.contentHash,
        chunks: chunks.map(toChunk),
        vectors: await vectorsOf(chunks, deps, result),
        updatedOn: deps.updatedOn?.(id) ?? null,
      });
    }
    if (batch.length > 0) await deps.writer.writeArticles(batch);
    result.copied += batch.length;
    result.chunks += batch.reduce((sum, item) => sum + item.chunks.length, 0);
    deps.onProgress?.(start + ids.length, articleIds.length);
  }
  deps.logger.info(result, 'archive copied to PostgreSQL');
  return result;
}

/** The HNSW vector of each chunk; a missing one is embedded (what `repairIndexDrift` would do). */
async function vectorsOf(chunks: readonly StoredChunk[], deps: MigrateToPostgresDeps, result: MigrateToPostgresResult): Promise<Float32Array[]> {
  const vectors = chunks.map((chunk) => deps.index.vector(chunk.id));
  const missing = chunks.filter((_, position) => vectors[position] === null);
  if (missing.length > 0) {
    const embedded = await embedChunks(deps.embedder, missing);
    let next = 0;
    for (let position = 0; position < vectors.length; position += 1) if (vectors[position] === null) vectors[position] = embedded[next++]!;
    result.vectorsEmbedded += missing.length;
  }
  result.vectorsCopied += chunks.length - missing.length;
  return vectors as Float32Array[];
}

function groupChunksByArticle(store: ArticleStore): Map<string, StoredChunk[]> {
  const byArticle = new Map<string, StoredChunk[]>();
  const ids = store.allChunkIds();
  for (let start = 0; start < ids.length; start += CHUNK_PAGE) {
    for (const chunk of store.getChunks(ids.slice(start, start + CHUNK_PAGE))) {
      const list = byArticle.get(chunk.articleId) ?? [];
      list.push(chunk);
      byArticle.set(chunk.articleId, list);
    }
  }
  return byArticle;
}

function toArticle(stored: StoredArticle): ArticleWrite['article'] {
  const { contentHash: _contentHash, ingestedAt: _ingestedAt, ...article } = stored;
  return article;
}

function toChunk(chunk: StoredChunk): ArticleWrite['chunks'][number] {
  return { articleId: chunk.articleId, ordinal: chunk.ordinal, text: chunk.text, heading: chunk.heading };
}
