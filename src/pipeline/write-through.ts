import type { Article } from '../ingest/article.js';
import type { Chunk } from '../chunking/chunk.js';
import type { ArticleWriter } from '../store/article-writer.js';

/** One article of an `indexArticles` batch, as `writeThrough` needs it. */
export interface WriteThroughItem {
  article: Article;
  hash: string;
  chunks: Chunk[];
}

/**
 * Writes an embedded batch through an `ArticleWriter` in one transaction; `vectors` holds one per
 * chunk, in batch order. Returns the new chunk ids per article (nothing is removed locally: the
 * replica following the writer does that).
 */
export async function writeThrough(
  writer: ArticleWriter,
  batch: readonly WriteThroughItem[],
  vectors: readonly Float32Array[],
): Promise<{ removedChunkIds: number[]; chunkIds: number[] }[]> {
  let next = 0;
  const writes = batch.map((item) => {
    const itemVectors = vectors.slice(next, next + item.chunks.length);
    next += item.chunks.length;
    return { article: item.article, contentHash: item.hash, chunks: item.chunks, vectors: itemVectors };
  });
  const { chunkIds } = await writer.writeArticles(writes);
  return chunkIds.map((ids) => ({ removedChunkIds: [], chunkIds: ids }));
}
