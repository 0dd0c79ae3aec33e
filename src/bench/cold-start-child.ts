// Run by `measureColdStart` in a fresh process: node cold-start-child.js "<question>".
// The archive (NEWSBOT_HOME, EMBEDDING_MODEL) comes from the environment, as for `newsbot serve`.
// Every project module is imported dynamically, so their loading is part of what is timed. The
// modules are the ones `serve` opens, imported directly rather than through the CLI: the bench sits
// below the CLI and must not import it (the CLI imports the bench), and the CLI's own modules
// (argument parsing, the other commands) are not what makes a cold start slow.
import fs from 'node:fs';

/** What the child prints on stdout, one JSON line. */
export interface ColdStartChildReport {
  /** Loading the modules `newsbot serve` opens (bot, digest, feed poller, archive: telegraf, SQLite, hnswlib, jieba...). */
  importMs: number;
  /** `openArchive`: open the database, load the embedder and the vector index, check drift. */
  openArchiveMs: number;
  /** The first answer (jieba's dictionary and the folding table load here). */
  firstAnswerMs: number;
  /** From process start to the first answer. */
  readyMs: number;
  /** From process start until the vector index was read (in the background, as `serve` reads it). */
  vectorsLoadedMs: number;
  /** Vectors in the loaded index. */
  vectors: number;
  rssMb: number;
  /**
   * Peak resident memory of this process: the kernel's VmHWM where there is /proc (getrusage's
   * maxRSS would include the bench process this one was forked from), else the highest sample.
   */
  peakRssMb: number;
}

async function run(): Promise<void> {
  const question = process.argv[2] ?? '株洲';
  const started = performance.now();
  let sampledPeak = process.memoryUsage().rss;
  const sampler = setInterval(() => (sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss)), 50);
  await importServeModules();
  const { loadConfig } = await import('../config/config.js');
  const { createLogger } = await import('../log/logger.js');
  const { openArchive } = await import('../pipeline/open-archive.js');
  const imported = performance.now();
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
  const archive = await openArchive(config, createLogger('silent'), { vectorIndex: 'background' });
  const opened = performance.now();
  await archive.answerer.answer(question);
  const answered = performance.now();
  await archive.vectorIndexLoaded;
  const vectorsLoaded = performance.now();
  clearInterval(sampler);
  sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss);
  const report: ColdStartChildReport = {
    importMs: round(imported - started),
    openArchiveMs: round(opened - imported),
    firstAnswerMs: round(answered - opened),
    readyMs: round(answered),
    vectorsLoadedMs: round(vectorsLoaded),
    vectors: archive.index.count(),
    rssMb: round(process.memoryUsage().rss / 1_048_576),
    peakRssMb: round((highWaterMarkBytes() ?? sampledPeak) / 1_048_576),
  };
  archive.close();
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

/** What `newsbot serve` loads besides the archive: the bot with its webhook server, and the background services. */
async function importServeModules(): Promise<void> {
  await Promise.all([
    import('../serve/start-server.js'),
    import('../digest/create-digest-service.js'),
    import('../ingest/feed/feed-poller.js'),
    import('../ingest/fetch/fetch-options.js'),
  ]);
}

/** VmHWM from /proc/self/status, in bytes; null where there is no /proc. */
function highWaterMarkBytes(): number | null {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

await run();
