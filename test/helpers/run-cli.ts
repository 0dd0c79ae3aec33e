import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main.js';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');
export const SHARED = path.resolve(PROJECT_ROOT, '../shared');
export const SAMPLE_PAGE = path.join(SHARED, 'corpus/zhuzhou-daily-page.md');

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
  const code = await main(argv, { LOG_LEVEL: 'silent', EMBEDDING_MODEL: 'hash', ...env }, {
    cwd,
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    interactive: false,
  });
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
