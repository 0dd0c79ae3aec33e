import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.js';
import { replicaSeedService } from '../../src/serve/replica-seed-service.js';
import type { ReplicaStatus } from '../../src/pipeline/replica/replica-follower.js';
import type { ReplicaSeed } from '../../src/store/replica-seeds.js';

const HOUR = 3_600_000;
const NOW = Date.parse('2026-12-06T12:00:00Z');

function status(position: number, behind: number | null, ready = true): ReplicaStatus {
  return { ready, position, headPosition: behind === null ? null : position + behind, behind, lagMs: 0, listening: true, lastError: null };
}

function seed(position: number, ageMs: number, embedderId = 'hash'): ReplicaSeed {
  return { id: 1, position, embedderId, dimensions: 64, schemaVersion: 15, createdAt: new Date(NOW - ageMs), files: [] };
}

/** Starts the service once (its check at start), stops it, and says whether it published. */
async function publishesWhen(current: ReplicaStatus, newest: ReplicaSeed | null): Promise<boolean> {
  let published = false;
  const service = replicaSeedService({
    logger: createLogger('silent'),
    embedderId: 'hash',
    maxAgeMs: HOUR,
    now: () => NOW,
    replica: {
      status: () => current,
      newestSeed: () => Promise.resolve(newest),
      publishSeed: () => {
        published = true;
        return Promise.resolve({ seedId: 2, position: current.position, bytes: 1, copySeconds: 0, seconds: 0 });
      },
    },
  });
  await service.start();
  await service.stop();
  return published;
}

describe('replicaSeedService', () => {
  it('publishes when no seed exists, or the newest is old and behind the replica; only from a replica in step', async () => {
    expect(await publishesWhen(status(10, 0), null)).toBe(true);
    expect(await publishesWhen(status(10, 0), seed(5, 2 * HOUR))).toBe(true);
    // Young, or old but nothing new since: no new seed.
    expect(await publishesWhen(status(10, 0), seed(5, HOUR / 2))).toBe(false);
    expect(await publishesWhen(status(10, 0), seed(10, 2 * HOUR))).toBe(false);
    // Another model's seed (the archive was reindexed) is replaced at once.
    expect(await publishesWhen(status(10, 0), seed(10, HOUR / 2, 'an-older-model'))).toBe(true);
    // A replica behind PostgreSQL, not yet in contact, or not ready, never publishes.
    expect(await publishesWhen(status(10, 3), null)).toBe(false);
    expect(await publishesWhen(status(10, null), null)).toBe(false);
    expect(await publishesWhen(status(0, 0, false), null)).toBe(false);
    // An empty archive: nothing to seed.
    expect(await publishesWhen(status(0, 0), null)).toBe(false);
  });
});
