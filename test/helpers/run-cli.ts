import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main.js';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');
/** The sample page of a city daily shipped in `data/`, with its evaluation sets in `data/eval/`. */
export const SAMPLE_PAGE = path.join(PROJECT_ROOT, 'data/zhuzhou-daily-page.md');
export const EVAL_DIR = path.join(PROJECT_ROOT, 'data/eval');
/** CMRC 2018 dev set (CC BY-SA 4.0, see data/cmrc2018/README.md), gzip-compressed. */
export const CMRC_DEV = path.join(PROJECT_ROOT, 'data/cmrc2018/cmrc2018_dev.json.gz');
export const DRCD_DEV = path.join(PROJECT_ROOT, 'data/drcd/DRCD_dev.json.gz');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as the one JSON object `--json` promises. */
  json<T = any>(): T;
}

/** A fresh NEWSBOT_HOME in the temp directory. */
export function temporaryHome(prefix = 'newsbot-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Runs the real CLI entry point in-process with its own environment and captured output. */
export async function runCli(argv: string[], env: Record<string, string>, cwd: string = PROJECT_ROOT): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(
    argv,
    { LOG_LEVEL: 'silent', EMBEDDING_MODEL: 'hash', ...env },
    {
      cwd,
      stdout: (text) => {
        stdout += text;
      },
      stderr: (text) => {
        stderr += text;
      },
      interactive: false,
    },
  );
  return {
    code,
    stdout,
    stderr,
    json: () => {
      const lines = stdout.trim().split('\n');
      if (lines.length !== 1) throw new Error(`expected one JSON line on stdout, got ${lines.length}: ${stdout.slice(0, 500)}`);
      return JSON.parse(lines[0]!);
    },
  };
}
