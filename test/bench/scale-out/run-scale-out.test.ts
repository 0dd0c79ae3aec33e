// The scale-out bench at a tiny size, for the report's shape only (no timing assertions): a local PostgreSQL,
// real `newsbot serve` workers and the Bot API stand-in. Needs the compiled CLI: `npx tsc -p tsconfig.build.json`.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScaleOut } from '../../../bench/scale-out/run-scale-out.js';
import { CMRC_DEV, PROJECT_ROOT, SAMPLE_PAGE } from '../../helpers/run-cli.js';

describe('runScaleOut (tiny corpus, shape only)', () => {
  it('reports replica builds (from rows and from a seed), throughput with 1 and 2 workers, lag and capacity', async () => {
    const messages: string[] = [];
    const report = await runScaleOut({
      databaseUrl: null,
      sizes: [200, 400],
      concurrency: [2],
      durationMs: 1_000,
      repeats: 1,
      lagArticles: 3,
      squadFile: CMRC_DEV,
      samplePage: SAMPLE_PAGE,
      bin: path.join(PROJECT_ROOT, 'bin/newsbot.js'),
      env: { PATH: process.env.PATH },
      cwd: PROJECT_ROOT,
      onProgress: (message) => messages.push(message),
    });

    expect(report.settings).toMatchObject({ embedder: 'hash', postgres: 'local', repeats: 1 });
    expect(report.corpus.map((size) => size.chunks)).toEqual([expect.any(Number), expect.any(Number)]);
    expect(report.corpus[0]!.chunks).toBeGreaterThanOrEqual(200);
    expect(report.corpus[1]!.chunks).toBeGreaterThanOrEqual(400);
    for (const build of report.replicaBuild) {
      expect(build.runs).toHaveLength(1);
      expect(build.median.readySeconds).toBeGreaterThan(0);
      expect(build.median.replicaDiskMb).toBeGreaterThan(0);
      // The seeded worker opened the seed (the bench fails otherwise), published from a replica at this size.
      expect(build.seeded.runs).toHaveLength(1);
      expect(build.seeded.publish.bytes).toBeGreaterThan(0);
      expect(build.seeded.publish.position).toBeGreaterThan(0);
    }
    expect(report.throughput.map((point) => [point.workers, point.concurrency])).toEqual([
      [1, 2],
      [2, 2],
    ]);
    for (const point of report.throughput) {
      expect(point.runs[0]!.answered).toBeGreaterThan(0);
      expect(point.runs[0]!.failed).toBe(0);
      expect(point.median.p95).toBeGreaterThanOrEqual(point.median.p50);
    }
    expect(report.scaling).toEqual([{ concurrency: 2, questionsPerSecondRatio: expect.any(Number), p95Ratio: expect.any(Number) }]);
    expect(report.replicationLag.runs[0]!.lag.count).toBe(6);
    expect(report.postgresConnectionsPerWorker).toBeGreaterThan(0);
    if (process.platform === 'linux') expect(report.capacity?.chunksPerReplica.length).toBeGreaterThan(0);
    expect(messages.length).toBeGreaterThan(0);
  }, 120_000);
});
