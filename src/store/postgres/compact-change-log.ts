import type pg from 'pg';
import { withTransaction } from './with-transaction.js';

export const COMPACTION_DEFAULTS = {
  /**
   * A replica whose position was renewed within this many milliseconds is live: the log is kept from its position on.
   * A worker stopped for longer rebuilds from a snapshot when it returns (a minute at 100,000 chunks). Default 1 hour.
   */
  liveWithinMs: 3_600_000,
} as const;

export interface CompactChangeLogOptions {
  /** See `COMPACTION_DEFAULTS.liveWithinMs`. */
  liveWithinMs?: number;
}

export interface CompactChangeLogResult {
  /** Change-log rows deleted. */
  deleted: number;
  /** Rows up to this position may now be gone (unchanged when no replica is live). */
  compactedThrough: number;
  /** Replicas whose position was renewed within `liveWithinMs`. */
  liveReplicas: number;
}

/**
 * Deletes the change-log rows every live replica has applied (up to the slowest one's position, never past it) and
 * records how far, so a replica found behind that rebuilds from a snapshot. Registrations older than `liveWithinMs`
 * are dropped: they no longer hold the log back. With no live replica nothing is deleted. Safe to run from several
 * processes at once (the one-row table serialises them).
 */
export async function compactChangeLog(pool: pg.Pool, options: CompactChangeLogOptions = {}): Promise<CompactChangeLogResult> {
  const liveWithinMs = options.liveWithinMs ?? COMPACTION_DEFAULTS.liveWithinMs;
  return withTransaction(pool, async (client) => {
    const { rows: compaction } = await client.query<{ compacted_through: string }>('SELECT compacted_through FROM change_log_compaction FOR UPDATE');
    const previous = Number(compaction[0]?.compacted_through ?? 0);
    await client.query(`DELETE FROM replica_positions WHERE heartbeat_at < now() - make_interval(secs => $1::double precision / 1000)`, [liveWithinMs]);
    const { rows } = await client.query<{ slowest: string | null; live: string }>('SELECT min(position) AS slowest, count(*) AS live FROM replica_positions');
    const live = Number(rows[0]?.live ?? 0);
    const slowest = rows[0]?.slowest;
    if (slowest === null || slowest === undefined || Number(slowest) <= previous) return { deleted: 0, compactedThrough: previous, liveReplicas: live };
    const through = Number(slowest);
    const deleted = await client.query('DELETE FROM change_log WHERE position <= $1', [through]);
    await client.query('UPDATE change_log_compaction SET compacted_through = $1', [through]);
    return { deleted: deleted.rowCount ?? 0, compactedThrough: through, liveReplicas: live };
  });
}
