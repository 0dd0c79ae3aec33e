import { spawn } from 'node:child_process';
import fs from 'node:fs';

/** How one `newsbot ingest` process went. */
export interface IngestRun {
  seconds: number;
  /** Kernel high-water mark of the process's resident memory (VmHWM), MiB: the last reading before it ended. */
  peakRssMiB: number;
  exitCode: number | null;
  /** Whether the run was killed (SIGKILL) after `killAfterSeconds`. */
  killed: boolean;
  /** The `--json` report, when the run finished. */
  report: unknown;
}

export interface RunIngestProcessOptions {
  bin: string;
  file: string;
  env: Record<string, string>;
  /** SIGKILL the process (by its pid) after this many seconds. Default: let it finish. */
  killAfterSeconds?: number;
}

/** Runs `newsbot ingest <file> --json` as a child process, sampling its VmHWM every 200 ms. */
export async function runIngestProcess(options: RunIngestProcessOptions): Promise<IngestRun> {
  const started = performance.now();
  const child = spawn(process.execPath, [options.bin, 'ingest', options.file, '--json'], {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  child.stdout.on('data', (data: Buffer) => {
    stdout += data.toString();
  });
  let peakRssMiB = 0;
  const sample = (): void => {
    try {
      const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (match) peakRssMiB = Math.max(peakRssMiB, Number(match[1]) / 1024);
    } catch {
      // The process has ended.
    }
  };
  const sampler = setInterval(sample, 200);
  let killed = false;
  const killer =
    options.killAfterSeconds === undefined
      ? null
      : setTimeout(() => {
          sample();
          killed = child.kill('SIGKILL');
        }, options.killAfterSeconds * 1000);
  const exitCode = await new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  clearInterval(sampler);
  if (killer) clearTimeout(killer);
  const seconds = (performance.now() - started) / 1000;
  let report: unknown = null;
  try {
    report = JSON.parse(stdout);
  } catch {
    report = null;
  }
  return { seconds, peakRssMiB: Math.round(peakRssMiB), exitCode, killed, report };
}
