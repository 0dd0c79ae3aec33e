import type pg from 'pg';

/**
 * Ids of articles with a chunk whose vector another embedder made (at most `limit`, in id order).
 * Re-embedding rewrites them with the current embedder, so they drop out of the next call: a
 * re-embedding that stops half-way resumes where it was.
 */
export async function staleVectorArticleIds(pool: pg.Pool, embedderId: string, limit: number): Promise<string[]> {
  const { rows } = await pool.query<{ article_id: string }>('SELECT DISTINCT article_id FROM chunks WHERE embedder_id <> $1 ORDER BY article_id LIMIT $2', [embedderId, limit]);
  return rows.map((row) => row.article_id);
}

/** How many articles `staleVectorArticleIds` would list without a limit (for a progress bar). */
export async function countStaleVectorArticles(pool: pg.Pool, embedderId: string): Promise<number> {
  const { rows } = await pool.query<{ count: string }>('SELECT count(DISTINCT article_id) AS count FROM chunks WHERE embedder_id <> $1', [embedderId]);
  return Number(rows[0]?.count ?? 0);
}
