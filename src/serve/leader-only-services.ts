import type { BackgroundService } from './background-service.js';
import type { Logger } from '../log/logger.js';
import { ADVISORY_LOCKS } from '../store/postgres/advisory-locks.js';
import { PostgresLeaderLock } from '../store/postgres/postgres-leader-lock.js';

export interface LeaderOnlyServicesOptions {
  /** DATABASE_URL. */
  connectionString: string;
  logger: Logger;
  /** Milliseconds between attempts to lead. Default 5000. */
  retryMs?: number;
}

/**
 * Runs `services` (digest scheduler, feed poller) on one worker at a time: with N workers on one
 * PostgreSQL, each digest goes out once and each feed is polled once. The leader's death or
 * disconnection hands them to another worker within `retryMs`.
 */
export function leaderOnlyServices(services: readonly BackgroundService[], options: LeaderOnlyServicesOptions): BackgroundService {
  const started: BackgroundService[] = [];
  const lock = new PostgresLeaderLock({
    connectionString: options.connectionString,
    key: ADVISORY_LOCKS.backgroundJobs,
    logger: options.logger,
    retryMs: options.retryMs,
    onLeading: async () => {
      for (const service of services) {
        await service.start();
        started.push(service);
      }
    },
    onFollowing: async () => {
      for (const service of started.splice(0).reverse()) await service.stop();
    },
  });
  return { name: 'leader-only background jobs', start: () => lock.start(), stop: () => lock.stop() };
}
