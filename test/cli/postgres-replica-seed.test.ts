// Replica seeds end to end, as real `newsbot` processes (the compiled CLI: build first) on an embedded PostgreSQL: a
// worker publishes its replica with `newsbot seed`, and a new home opens from it, then follows what came after.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgresServer, type PostgresServer } from '../helpers/postgres-server.js';
import { SAMPLE_PAGE, temporaryHome } from '../helpers/run-cli.js';
import { runNewsbot } from '../bot/support/worker-process.js';

let server: PostgresServer;
const homes: string[] = [];

function home(): string {
  const created = temporaryHome('newsbot-pg-seed-');
  homes.push(created);
  return created;
}

beforeAll(async () => {
  server = await startPostgresServer();
}, 30_000);

afterAll(async () => {
  await server?.close();
  for (const created of homes) fs.rmSync(created, { recursive: true, force: true });
});

describe('newsbot seed', () => {
  it('a new worker opens the published seed and follows the writes made after it; REPLICA_SEEDS=0 builds from rows', async () => {
    const databaseUrl = await server.createDatabase();
    const env = (newsbotHome: string, extra: Record<string, string> = {}) => ({
      NEWSBOT_HOME: newsbotHome,
      DATABASE_URL: databaseUrl,
      EMBEDDING_MODEL: 'hash',
      LOG_LEVEL: 'info',
      ...extra,
    });
    const publisher = home();
    const ingested = await runNewsbot(['ingest', SAMPLE_PAGE, '--date', '2026-04-23', '--json'], env(publisher));
    expect(ingested.code, ingested.stderr).toBe(0);
    const seed = await runNewsbot(['seed', '--json'], env(publisher));
    expect(seed.code, seed.stderr).toBe(0);
    const published = JSON.parse(seed.stdout) as { seedId: number; position: number; bytes: number };
    expect(published.position).toBeGreaterThan(0);
    expect(published.bytes).toBeGreaterThan(0);

    // Written after the seed, from another home.
    const later = path.join(home(), 'later.md');
    fs.writeFileSync(later, '# 醴陵瓷器博物馆今天开馆\n\n醴陵瓷器博物馆今天开馆，馆内展出釉下五彩瓷三百余件。\n');
    expect((await runNewsbot(['ingest', later, '--json'], env(home()))).code).toBe(0);

    const seeded = await runNewsbot(['search', '釉下五彩瓷', '--json'], env(home()));
    expect(seeded.code, seeded.stderr).toBe(0);
    expect(seeded.stderr).toContain('replica opened from a replica seed');
    expect(seeded.stderr).not.toContain('building the replica from a PostgreSQL snapshot');
    expect(seeded.stdout).toContain('醴陵瓷器博物馆');
    const ask = await runNewsbot(['ask', '株洲有几个国家中小企业特色产业集群？'], env(home()));
    expect(ask.stdout).toContain('3个');

    const rows = await runNewsbot(['search', '釉下五彩瓷', '--json'], env(home(), { REPLICA_SEEDS: '0' }));
    expect(rows.code, rows.stderr).toBe(0);
    expect(rows.stderr).not.toContain('replica seed');
    expect(rows.stderr).toContain('building the replica from a PostgreSQL snapshot');
    expect(rows.stdout).toContain('醴陵瓷器博物馆');
  }, 120_000);

  it('needs DATABASE_URL (exit 2)', async () => {
    const run = await runNewsbot(['seed'], { NEWSBOT_HOME: home(), EMBEDDING_MODEL: 'hash' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('DATABASE_URL');
  });
});
