import type { BackgroundService } from './background-service.js';
import { periodicService } from './periodic-service.js';
import type { Logger } from '../log/logger.js';
import type { CompactChangeLogResult } from '../store/postgres/compact-change-log.js';

export const CHANGE_LOG_COMPACTION_DEFAULTS = {
  /** Milliseconds between compactions. Default 60000. */
  intervalMs: 60_000,
} as const;

export interface ChangeLogCompactionServiceOptions {
  compact(): Promise<CompactChangeLogResult>;
  logger: Logger;
  /** See `CHANGE_LOG_COMPACTION_DEFAULTS.intervalMs`. */
  intervalMs?: number;
}

/**
 * Compacts PostgreSQL's change log behind the slowest live replica now and every `intervalMs`, so the log does not
 * grow with the archive's history (PostgreSQL mode; one worker at a time runs it, as a leader-only service).
 */
export function changeLogCompactionService(options: ChangeLogCompactionServiceOptions): BackgroundService {
  const intervalMs = options.intervalMs ?? CHANGE_LOG_COMPACTION_DEFAULTS.intervalMs;
  return periodicService('change-log compaction', intervalMs, () =>
    options
      .compact()
      .then((result) => {
        if (result.deleted > 0) options.logger.info(result, 'change log compacted behind the slowest live replica');
      })
      .catch((error: unknown) => options.logger.warn({ err: error }, 'cannot compact the change log; trying again later')),
  );
}
