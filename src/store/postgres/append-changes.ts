import type pg from 'pg';
import { ADVISORY_LOCKS, CHANGE_CHANNEL } from './advisory-locks.js';

/**
 * Appends change-log entries as the last step of a write transaction and announces them; the
 * NOTIFY is delivered when (and only if) the transaction commits. Returns the last position.
 *
 * Commit order must equal position order. A bigserial value is handed out when the row is
 * inserted, not when the transaction commits: writer A could take 10, writer B take 11 and commit
 * first, and a replica reading "after 9" would see 11, store 11 as its position, and never read 10
 * when A commits a moment later. So the transaction-level advisory lock is taken before the insert
 * and held until commit (PostgreSQL releases it only after the commit is visible): writers take
 * positions one at a time, in the order they will commit. Writers still run their article and chunk
 * writes in parallel; only this last step, a few milliseconds, is serialised.
 */
export async function appendChanges(client: pg.PoolClient, articleIds: readonly string[], kind: 'upsert' | 'remove'): Promise<number> {
  await client.query('SELECT pg_advisory_xact_lock($1, $2)', [ADVISORY_LOCKS.namespace, ADVISORY_LOCKS.changeLog]);
  const { rows } = await client.query<{ position: string }>('INSERT INTO change_log (article_id, kind) SELECT unnest($1::text[]), $2 RETURNING position', [articleIds, kind]);
  const last = Math.max(...rows.map((row) => Number(row.position)));
  await client.query('SELECT pg_notify($1, $2)', [CHANGE_CHANNEL, String(last)]);
  return last;
}
