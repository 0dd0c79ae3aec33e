import { afterAll, beforeAll, expect, it } from 'vitest';
import { PostgresLeaderLock } from '../../../src/store/postgres/postgres-leader-lock.js';
import { ADVISORY_LOCKS } from '../../../src/store/postgres/advisory-locks.js';
import { createLogger } from '../../../src/log/logger.js';
import { startPostgresServer, type PostgresServer } from '../../helpers/postgres-server.js';
import { waitFor } from '../../pipeline/replica/replica-fixtures.js';

let server: PostgresServer;
let connectionString: string;

beforeAll(async () => {
  server = await startPostgresServer();
  connectionString = await server.createDatabase();
}, 30_000);

afterAll(async () => {
  await server?.close();
});

function candidate(events: string[], name: string): PostgresLeaderLock {
  return new PostgresLeaderLock({
    connectionString,
    key: ADVISORY_LOCKS.backgroundJobs,
    logger: createLogger('silent'),
    retryMs: 50,
    onLeading: () => void events.push(`${name} leads`),
    onFollowing: () => void events.push(`${name} follows`),
  });
}

it('lets one worker lead; another takes over when it stops, and after a PostgreSQL restart one leads again', async () => {
  const events: string[] = [];
  const first = candidate(events, 'first');
  const second = candidate(events, 'second');
  try {
    first.start();
    await waitFor(() => first.leading, 5_000, 'first to lead');
    second.start();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(second.leading).toBe(false);

    await first.stop();
    await waitFor(() => second.leading, 5_000, 'second to take over');
    expect(events).toEqual(['first leads', 'first follows', 'second leads']);

    await server.stop();
    await waitFor(() => !second.leading, 5_000, 'the lead to be lost with the connection');
    await server.start();
    await waitFor(() => second.leading, 5_000, 'second to lead again');
    expect(events.slice(3)).toEqual(['second follows', 'second leads']);
  } finally {
    await first.stop();
    await second.stop();
  }
}, 30_000);
