import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.js';
import { changeLogCompactionService } from '../../src/serve/change-log-compaction-service.js';
import type { CompactChangeLogResult } from '../../src/store/postgres/compact-change-log.js';

const NOTHING: CompactChangeLogResult = { deleted: 0, compactedThrough: 0, liveReplicas: 1, keptSeeds: 0 };

describe('changeLogCompactionService', () => {
  it('compacts on start and then every interval, survives a failure, and waits for a run under way on stop', async () => {
    let calls = 0;
    let finishLast = (): void => {};
    const service = changeLogCompactionService({
      logger: createLogger('silent'),
      intervalMs: 20,
      compact: () => {
        calls += 1;
        if (calls === 2) return Promise.reject(new Error('PostgreSQL is away'));
        if (calls < 4) return Promise.resolve(NOTHING);
        return new Promise((resolve) => (finishLast = () => resolve(NOTHING)));
      },
    });
    await service.start();
    expect(calls).toBe(1);
    while (calls < 4) await new Promise((resolve) => setTimeout(resolve, 5));
    let stopped = false;
    const stopping = Promise.resolve(service.stop()).then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    // A run under way is never doubled by the timer, and stop waits for it.
    expect(calls).toBe(4);
    expect(stopped).toBe(false);
    finishLast();
    await stopping;
    expect(stopped).toBe(true);
  });
});
