import type { BackgroundService } from './background-service.js';
import { periodicService } from './periodic-service.js';
import type { Logger } from '../log/logger.js';
import type { ArchiveReplica } from '../pipeline/archive.js';

export const REPLICA_SEED_DEFAULTS = {
  /** Milliseconds between checks whether a new seed is due. Default 10 minutes. */
  checkIntervalMs: 600_000,
  /**
   * A new seed is published when the newest is older than this and the replica has moved on since (or when there is
   * none), so a new worker follows at most about this much of the log. Well under
   * `COMPACTION_DEFAULTS.seedsKeptWithinMs`, which drops older seeds. Default 1 hour.
   */
  maxAgeMs: 3_600_000,
} as const;

export interface ReplicaSeedServiceOptions {
  replica: Pick<ArchiveReplica, 'status' | 'newestSeed' | 'publishSeed'>;
  /** This worker's embedder id: a newest seed of another model (before a `reindex`) is replaced at once. */
  embedderId: string;
  logger: Logger;
  /** See `REPLICA_SEED_DEFAULTS.checkIntervalMs`. */
  checkIntervalMs?: number;
  /** See `REPLICA_SEED_DEFAULTS.maxAgeMs`. */
  maxAgeMs?: number;
  now?: () => number;
}

/**
 * Publishes this worker's replica as a seed for new workers when one is due (PostgreSQL mode; one worker at a time runs
 * it, as a leader-only service): at start and every `checkIntervalMs`, when the replica is in step with PostgreSQL and
 * the newest seed is missing, of another embedding model, or older than `maxAgeMs` with the replica past its position.
 */
export function replicaSeedService(options: ReplicaSeedServiceOptions): BackgroundService {
  const checkIntervalMs = options.checkIntervalMs ?? REPLICA_SEED_DEFAULTS.checkIntervalMs;
  const maxAgeMs = options.maxAgeMs ?? REPLICA_SEED_DEFAULTS.maxAgeMs;
  const now = options.now ?? Date.now;
  const { replica, logger } = options;
  const due = async (): Promise<boolean> => {
    const status = replica.status();
    // An empty archive (position 0) has nothing to seed.
    if (!status.ready || status.behind !== 0 || status.position === 0) return false;
    const newest = await replica.newestSeed();
    if (newest === null || newest.embedderId !== options.embedderId) return true;
    return now() - newest.createdAt.getTime() >= maxAgeMs && status.position > newest.position;
  };
  return periodicService('replica seeds', checkIntervalMs, () =>
    due()
      .then(async (publish) => {
        if (publish) await replica.publishSeed();
      })
      .catch((error: unknown) => logger.warn({ err: error }, 'cannot publish a replica seed; trying again later')),
  );
}
