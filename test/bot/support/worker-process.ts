// `newsbot` as real child processes (the compiled CLI in dist/: run `npx tsc -p tsconfig.build.json` first),
// for tests of several workers sharing one PostgreSQL.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../../helpers/run-cli.js';

const BIN = path.join(PROJECT_ROOT, 'bin/newsbot.js');

/** A running `newsbot serve`. */
export interface WorkerProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** http://127.0.0.1:<WEBHOOK_PORT> */
  readonly base: string;
  /** http://127.0.0.1:<METRICS_PORT> when the environment sets METRICS_PORT (the detailed /health and /metrics), else null. */
  readonly metricsBase: string | null;
  /** Everything it wrote to stderr so far. */
  stderr(): string;
  /** Resolves with the exit code (or the signal's name) once it has exited. */
  readonly exited: Promise<number | string>;
}

/** Starts `newsbot serve` and resolves once it says it is answering; rejects when it exits first or takes over `timeoutMs`. */
export async function startWorker(name: string, port: number, env: Record<string, string>, timeoutMs = 20_000): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [BIN, 'serve'], {
    cwd: env.NEWSBOT_HOME,
    env: { PATH: process.env.PATH ?? '', ...env, WEBHOOK_PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8');
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within ${timeoutMs} ms: ${stderr}`)), timeoutMs);
    child.stderr!.on('data', (text: string) => {
      stderr += text;
      if (stderr.includes('is answering')) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code} before answering: ${stderr}`));
    });
  });
  const metricsBase = env.METRICS_PORT ? `http://127.0.0.1:${env.METRICS_PORT}` : null;
  return { name, child, base: `http://127.0.0.1:${port}`, metricsBase, stderr: () => stderr, exited };
}

/** Runs a one-shot `newsbot` command as a child process; resolves with its exit code and output. */
export function runNewsbot(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: env.NEWSBOT_HOME, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Kills a process by pid if it still runs (SIGKILL: nothing is left behind by a test). */
export function killProcess(child: ChildProcess): void {
  if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}
