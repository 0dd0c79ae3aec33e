import type { Config } from '../config/config.js';
import type { Logger } from '../log/logger.js';
import type { Archive } from '../pipeline/archive.js';
import type { OpenArchiveOptions } from '../pipeline/open-archive.js';

/** What every CLI command receives: I/O seams (so tests can capture output) and lazy access to config and archive. */
export interface CliContext {
  readonly env: Record<string, string | undefined>;
  readonly cwd: string;
  /** Writes to standard output (the only place `--json` results go). */
  readonly stdout: (text: string) => void;
  /** Writes human messages to standard error. */
  readonly stderr: (text: string) => void;
  /** Whether stderr is a terminal (progress bars only then). */
  readonly interactive: boolean;
  config(): Config;
  logger(): Logger;
  /** Opens the archive once (database, index, embedder, reranker unless told not to); later calls return the same one. */
  openArchive(options?: Pick<OpenArchiveOptions, 'vectorIndex' | 'reranker' | 'writeOnly'>): Promise<Archive>;
  /** Sets the process exit code the command ends with (0 success, 1 failed, 2 bad usage). */
  setExitCode(code: number): void;
}

/** A command module registers itself on the commander program. */
export type RegisterCommand = (program: import('commander').Command, context: CliContext) => void;
