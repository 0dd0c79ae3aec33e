// How long publishing a replica seed keeps a serving worker from answering (docs/performance.md, "Publishing a seed
// without holding the worker"): opens a PostgreSQL worker's home with a build's own code, searches the archive every
// few milliseconds while it publishes a seed, and reports the longest the event loop was held and the searches'
// latency meanwhile. From the project folder, with a copy of a worker's home (publishing writes to it):
//   npm run bench:build && node bench/dist/bench/replica-seed/seed-stall-cli.js --home <copy of a worker's home> \
//     --database-url <url> [--build <project folder>] [--out <file>]
// --build runs another build's code (a folder holding its dist/ and node_modules), to compare two in turns.
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { latencyPercentiles } from '../../src/bench/latency-percentiles.js';

const { values } = parseArgs({ options: { home: { type: 'string' }, 'database-url': { type: 'string' }, build: { type: 'string' }, out: { type: 'string' } } });
if (!values.home || !values['database-url']) {
  process.stderr.write('usage: seed-stall-cli --home <worker home> --database-url <url> [--build <project folder>] [--out <file>]\n');
  process.exit(2);
}
const build = path.resolve(values.build ?? '.');
const load = async <T>(module: string): Promise<T> => (await import(pathToFileURL(path.join(build, 'dist', module)).href)) as T;
const { loadConfig } = await load<{ loadConfig: (env: NodeJS.ProcessEnv) => unknown }>('config/config.js');
const { createLogger } = await load<{ createLogger: (level: string) => unknown }>('log/logger.js');
const { openArchive } = await load<{ openArchive: (config: unknown, logger: unknown) => Promise<BenchArchive> }>('pipeline/open-archive.js');

interface BenchArchive {
  retriever: { search(query: string, k: number): Promise<unknown[]> };
  replica?: { publishSeed(): Promise<{ copySeconds: number; seconds: number; bytes: number }> };
  close(): Promise<void>;
}

/** Questions searched while the seed is published: ordinary news words, so every search does the usual work. */
const QUERIES = ['株洲的产业集群有多少个', '法院判决赔偿多少钱', '体重管理中心在哪里', '国家级小巨人企业名单', '博物馆举行了什么活动'];
/** Pause between two searches. */
const PAUSE_MS = 5;

const env = { ...process.env, NEWSBOT_HOME: path.resolve(values.home), DATABASE_URL: values['database-url'], EMBEDDING_MODEL: 'hash', LOG_LEVEL: 'silent' };
const archive = await openArchive(loadConfig(env), createLogger('silent'));
if (!archive.replica) throw new Error("the home is not a PostgreSQL worker's: give DATABASE_URL a database its replica follows");
for (const query of QUERIES) await archive.retriever.search(query, 5);

const latencies: number[] = [];
let publishing = true;
const searching = (async () => {
  for (let turn = 0; publishing; turn += 1) {
    const started = performance.now();
    await archive.retriever.search(QUERIES[turn % QUERIES.length]!, 5);
    latencies.push(performance.now() - started);
    await sleep(PAUSE_MS);
  }
})();
// The longest the event loop went without running a timer due every millisecond: how long nothing else could run.
const started = performance.now();
let lastTick = started;
let longestGap = 0;
let longestGapEndedAt = 0;
const ticker = setInterval(() => {
  const now = performance.now();
  if (now - lastTick > longestGap) {
    longestGap = now - lastTick;
    longestGapEndedAt = now - started;
  }
  lastTick = now;
}, 1);
const result = await archive.replica.publishSeed();
const wall = (performance.now() - started) / 1000;
clearInterval(ticker);
publishing = false;
await searching;
await archive.close();

const searches = latencyPercentiles(latencies);
const round = (value: number): number => Math.round(value * 100) / 100;
const report = {
  build,
  publish: { seconds: round(wall), copySeconds: result.copySeconds, megabytes: round(result.bytes / 1e6) },
  // When it ended, in seconds from the start: within `copySeconds`, the copies held the loop; after, storing them did.
  longestEventLoopGap: { ms: round(longestGap), endedAtSeconds: round(longestGapEndedAt / 1000) },
  searchesDuring: { count: searches.count, p50Ms: searches.p50, p99Ms: searches.p99, maxMs: searches.max },
};
const text = `${JSON.stringify(report, null, 1)}\n`;
if (values.out) fs.writeFileSync(values.out, text);
process.stdout.write(text);
