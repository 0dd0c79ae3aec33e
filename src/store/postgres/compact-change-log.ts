import type pg from 'pg';
import { withTransaction } from './with-transaction.js';

export const COMPACTION_DEFAULTS = {
  /**
   * A replica whose position was renewed within this many milliseconds is live: the log is kept from its position on.
   * A worker stopped for longer rebuilds from a snapshot when it returns (a minute at 100,000 chunks). Default 1 hour.
   */
  liveWithinMs: 3_600_000,
  /**
   * A complete replica seed published within this many milliseconds holds the log from its position on, as a live
   * replica does (a new worker follows the log from there); an older one is deleted. The leader publishes a newer one
   * long before (`REPLICA_SEED_DEFAULTS.maxAgeMs`). Default 1 day.
   */
  seedsKeptWithinMs: 86_400_000,
} as const;

export interface CompactChangeLogOptions {
  /** See `COMPACTION_DEFAULTS.liveWithinMs`. */
  liveWithinMs?: number;
  /** See `COMPACTION_DEFAULTS.seedsKeptWithinMs`. */
  seedsKeptWithinMs?: number;
}

export interface CompactChangeLogResult {
  /** Change-log rows deleted. */
  deleted: number;
  /** Rows up to this position may now be gone (unchanged when no replica is live). */
  compactedThrough: number;
  /** Replicas whose position was renewed within `liveWithinMs`. */
  liveReplicas: number;
  /** Replica seeds kept (each holds the log from its position on, see `seedsKeptWithinMs`). */
  keptSeeds: number;
}

/**
 * Deletes the change-log rows every live replica has applied (up to the slowest one's position, never past it) and
 * records how far, so a replica found behind that rebuilds from a snapshot. Registrations older than `liveWithinMs`
 * are dropped: they no longer hold the log back. A kept replica seed counts as a live replica at its position (a
 * worker started from it follows the log from there); seeds older than `seedsKeptWithinMs`, and unfinished ones older
 * than `liveWithinMs` (their publisher died), are deleted. With no live replica nothing is deleted. Safe to run from
 * several processes at once (the one-row table serialises them).
 */
export async function compactChangeLog(pool: pg.Pool, options: CompactChangeLogOptions = {}): Promise<CompactChangeLogResult> {
  const liveWithinMs = options.liveWithinMs ?? COMPACTION_DEFAULTS.liveWithinMs;
  const seedsKeptWithinMs = options.seedsKeptWithinMs ?? COMPACTION_DEFAULTS.seedsKeptWithinMs;
  return withTransaction(pool, async (client) => {
    const { rows: compaction } = await client.query<{ compacted_through: string }>('SELECT compacted_through FROM change_log_compaction FOR UPDATE');
    const previous = Number(compaction[0]?.compacted_through ?? 0);
    await client.query(`DELETE FROM replica_positions WHERE heartbeat_at < now() - make_interval(secs => $1::double precision / 1000)`, [liveWithinMs]);
    await client.query(
      `DELETE FROM replica_seeds WHERE created_at < now() - make_interval(secs => $1::double precision / 1000)
         OR (NOT complete AND created_at < now() - make_interval(secs => $2::double precision / 1000))`,
      [seedsKeptWithinMs, liveWithinMs],
    );
    const { rows } = await client.query<{ live: string; seeds: string; slowest: string | null; slowest_seed: string | null }>(
      `SELECT (SELECT count(*) FROM replica_positions) AS live, (SELECT count(*) FROM replica_seeds) AS seeds,
              (SELECT min(position) FROM replica_positions) AS slowest, (SELECT min(position) FROM replica_seeds) AS slowest_seed`,
    );
    const live = Number(rows[0]?.live ?? 0);
    const keptSeeds = Number(rows[0]?.seeds ?? 0);
    const slowest = rows[0]?.slowest;
    if (slowest === null || slowest === undefined) return { deleted: 0, compactedThrough: previous, liveReplicas: live, keptSeeds };
    const seedPosition = rows[0]?.slowest_seed;
    const through = seedPosition === null || seedPosition === undefined ? Number(slowest) : Math.min(Number(slowest), Number(seedPosition));
    if (through <= previous) return { deleted: 0, compactedThrough: previous, liveReplicas: live, keptSeeds };
    const deleted = await client.query('DELETE FROM change_log WHERE position <= $1', [through]);
    await client.query('UPDATE change_log_compaction SET compacted_through = $1', [through]);
    return { deleted: deleted.rowCount ?? 0, compactedThrough: through, liveReplicas: live, keptSeeds };
  });
}
