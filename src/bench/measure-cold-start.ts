import fs from 'node:fs';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ColdStartChildReport } from './cold-start-child.js';

/** Cold start of a serving process, or why it was not measured. */
export type ColdStartResult = ColdStartChildReport | { skipped: string };

export interface MeasureColdStartOptions {
  /** Environment of the child: NEWSBOT_HOME and EMBEDDING_MODEL select the archive. */
  env: Record<string, string | undefined>;
  question: string;
  /** The compiled child script. Default: `cold-start-child.js` beside this module (dist/bench/). */
  childScript?: string;
  /** Default 120 s. */
  timeoutMs?: number;
}

/**
 * Starts a fresh Node process that loads what `newsbot serve` loads, opens the archive and
 * answers one question, and returns its timings and memory. Needs the compiled project
 * (`npm run build`); from the TypeScript sources it is skipped with a message.
 */
export async function measureColdStart(options: MeasureColdStartOptions): Promise<ColdStartResult> {
  const childScript = options.childScript ?? fileURLToPath(new URL('./cold-start-child.js', import.meta.url));
  if (!fs.existsSync(childScript)) return { skipped: `cold start needs the compiled bench (npm run build): ${childScript} not found` };
  const child = spawn(process.execPath, [childScript, options.question], { env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (exitCode) => resolve(exitCode));
  }).finally(() => clearTimeout(timer));
  const line = stdout.trim().split('\n').at(-1) ?? '';
  if (code !== 0 || !line.startsWith('{')) {
    throw new Error(`the cold-start process failed (exit code ${String(code)}): ${stderr.trim().slice(-500) || 'no output'}`);
  }
  return JSON.parse(line) as ColdStartChildReport;
}
