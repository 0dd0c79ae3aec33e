/** `newsbot seed --json` as a child process on a worker's home, timed from spawn to exit. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface BenchSeedPublish {
  /** Seconds from spawn to exit (Node start, opening and catching up the replica, copying, storing). */
  commandSeconds: number;
  /** Seconds the command reports for the copies (the event loop held) and for publishing in all. */
  copySeconds: number;
  seconds: number;
  bytes: number;
  position: number;
}

/** Publishes the replica in `env.NEWSBOT_HOME` as the newest seed. */
export async function publishBenchSeed(bin: string, env: Record<string, string>): Promise<BenchSeedPublish> {
  const started = performance.now();
  const { stdout } = await run(process.execPath, [bin, 'seed', '--json'], { cwd: env.NEWSBOT_HOME, env, maxBuffer: 1024 * 1024 });
  const commandSeconds = Math.round(performance.now() - started) / 1000;
  const result = JSON.parse(stdout) as { copySeconds: number; seconds: number; bytes: number; position: number };
  return { commandSeconds, copySeconds: result.copySeconds, seconds: result.seconds, bytes: result.bytes, position: result.position };
}
