/** `newsbot serve` as a child process in webhook mode, timed from spawn to a ready `/health`. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

export interface StartBenchWorkerOptions {
  /** bin/newsbot.js (runs the compiled dist/). */
  bin: string;
  /** The worker's whole environment (PATH, NEWSBOT_HOME, DATABASE_URL, TELEGRAM_*, WEBHOOK_*…); WEBHOOK_PORT and METRICS_PORT are added. */
  env: Record<string, string>;
  /** Longest wait for a ready `/health`. */
  timeoutMs: number;
}

/** A worker answering on `webhookUrl`. */
export interface BenchWorker {
  readonly pid: number;
  /** http://127.0.0.1:<port> */
  readonly base: string;
  /** Milliseconds from spawn to the first `/health` answering 200 with `"ok": true` (replica built). */
  readonly readyMs: number;
  /** What it wrote to stderr until ready (its start-up log). */
  readonly startupLog: string;
  /** Peak resident memory so far (the kernel's VmHWM), in MB; null off Linux. */
  peakRssMb(): number | null;
  /** The replica's position as the metrics listener's `/health` reports it (the public one says only ready or not). */
  replicaPosition(): Promise<number>;
  /** SIGTERM (graceful stop), SIGKILL after 10 s; resolves once the process has exited. */
  stop(): Promise<void>;
}

const HEALTH_POLL_MS = 25;
/** The tail of stderr kept: enough for the start-up log at LOG_LEVEL=info. */
const STDERR_KEPT_CHARS = 64_000;

/** Spawns `newsbot serve` and resolves once its `/health` says the replica is ready. */
export async function startBenchWorker(options: StartBenchWorkerOptions): Promise<BenchWorker> {
  const port = await freePort();
  const metricsPort = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const metricsBase = `http://127.0.0.1:${metricsPort}`;
  const started = performance.now();
  const child = spawn(process.execPath, [options.bin, 'serve'], {
    cwd: options.env.NEWSBOT_HOME,
    env: { ...options.env, WEBHOOK_PORT: String(port), METRICS_PORT: String(metricsPort) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (text: string) => {
    stderr = (stderr + text).slice(-STDERR_KEPT_CHARS);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`newsbot serve exited with ${child.exitCode ?? child.signalCode} before ready: ${stderr}`);
      if (performance.now() - started > options.timeoutMs) throw new Error(`newsbot serve was not ready within ${options.timeoutMs} ms: ${stderr}`);
      const ready = await fetch(`${base}/health`)
        .then(async (response) => response.status === 200 && ((await response.json()) as { ok?: boolean }).ok === true)
        .catch(() => false);
      if (ready) break;
      await new Promise((resolve) => setTimeout(resolve, HEALTH_POLL_MS));
    }
  } catch (error) {
    await stopChild(child, exited);
    throw error;
  }
  const readyMs = performance.now() - started;
  return {
    pid: child.pid!,
    base,
    readyMs,
    startupLog: stderr,
    peakRssMb: () => peakRssMb(child.pid!),
    replicaPosition: async () => {
      const body = (await (await fetch(`${metricsBase}/health`)).json()) as { replica?: { position?: number } };
      return body.replica?.position ?? 0;
    },
    stop: () => stopChild(child, exited),
  };
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

function peakRssMb(pid: number): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 102.4) / 10 : null;
  } catch {
    return null;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}
