import { spawn } from 'node:child_process';
import path from 'node:path';

export interface QueueDrainOptions {
  /** bin/newsbot.js. */
  bin: string;
  cwd: string;
  /** Environment of every process: DATABASE_URL, the model. */
  env: Record<string, string | undefined>;
  /** An empty folder: each process gets its own NEWSBOT_HOME under it. */
  home: string;
  /** Source files or folders to ingest with --no-wait. */
  sources: readonly string[];
  workers: number;
  threads: number;
}

export interface QueueDrainRun {
  workers: number;
  threads: number;
  chunks: number;
  /** From starting the workers until the last one exited (model loading included). */
  seconds: number;
  chunksPerSecond: number;
  ingestSeconds: number;
}

/**
 * One archive ingest in PostgreSQL mode, as an operator runs it: `newsbot ingest --no-wait` queues
 * the chunks, then `workers` × `newsbot work --until-empty` (each with EMBEDDING_THREADS=`threads`)
 * embed them; timed until every worker has exited and `work --status` reports all chunks done.
 */
export async function timeQueueDrain(options: QueueDrainOptions): Promise<QueueDrainRun> {
  const ingestStarted = performance.now();
  await runCli(options, ['ingest', '--no-wait', '--json', ...options.sources], { NEWSBOT_HOME: path.join(options.home, 'ingest') });
  const ingestSeconds = (performance.now() - ingestStarted) / 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.workers }, (_, index) =>
      runCli(options, ['work', '--until-empty'], { EMBEDDING_THREADS: String(options.threads), NEWSBOT_HOME: path.join(options.home, `worker-${index + 1}`) }),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  const status = JSON.parse(await runCli(options, ['work', '--status', '--json'], { NEWSBOT_HOME: path.join(options.home, 'status') })) as {
    totalChunks: number;
    doneChunks: number;
  };
  if (status.doneChunks !== status.totalChunks) throw new Error(`the workers exited with ${status.doneChunks} of ${status.totalChunks} chunks embedded`);
  return {
    workers: options.workers,
    threads: options.threads,
    chunks: status.doneChunks,
    seconds: round(seconds),
    chunksPerSecond: round(status.doneChunks / seconds),
    ingestSeconds: round(ingestSeconds),
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Runs the CLI to its end; resolves with its stdout, rejects with its stderr's tail on a non-zero exit. */
function runCli(options: QueueDrainOptions, args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [options.bin, ...args], { cwd: options.cwd, env: { ...options.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`newsbot ${args[0]} exited with ${code}: ${stderr.slice(-1500)}`))));
  });
}
