import pino from 'pino';
import type { Logger } from '../../../src/log/logger.js';

/** A pino logger that keeps every record in memory, for asserting that outcomes are logged. */
export function recordingLogger(): { logger: Logger; records: () => Array<Record<string, unknown> & { msg: string; level: number }> } {
  const lines: string[] = [];
  const logger = pino({ level: 'debug', base: undefined }, { write: (line: string) => void lines.push(line) });
  return { logger, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown> & { msg: string; level: number }) };
}
