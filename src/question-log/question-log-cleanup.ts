import type { Logger } from '../log/logger.js';
import type { QuestionLogStore } from '../store/question-log-store.js';

/** Options for {@link createQuestionLogCleanup}; defaults in `DEFAULTS`. */
export interface QuestionLogCleanupOptions {
  /** Entries older than this many days are deleted (QUESTION_LOG_RETENTION_DAYS). */
  retentionDays: number;
  logger: Logger;
  /** Time between cleanups. Default one hour. */
  intervalMs?: number;
  /** The clock. Default `() => new Date()`. */
  now?: () => Date;
}

const DEFAULTS = { intervalMs: 60 * 60 * 1000 } as const;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The retention of the question log as a service: once on start, then on a timer. */
/** A background job `serve` starts and stops (fits `BackgroundService` in src/serve/). */
export interface QuestionLogCleanup {
  readonly name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Deletes expired entries now; resolves how many. */
  runOnce(): Promise<number>;
}

/** Deletes question-log entries (and the votes on them) past the retention period, on start and every `intervalMs`. */
export function createQuestionLogCleanup(store: QuestionLogStore, options: QuestionLogCleanupOptions): QuestionLogCleanup {
  const now = options.now ?? (() => new Date());
  const intervalMs = options.intervalMs ?? DEFAULTS.intervalMs;
  let timer: NodeJS.Timeout | null = null;
  const runOnce = async () => {
    const deleted = await store.deleteOlderThan(new Date(now().getTime() - options.retentionDays * DAY_MS));
    if (deleted > 0) options.logger.info({ deleted, retentionDays: options.retentionDays }, 'deleted question-log entries past retention');
    return deleted;
  };
  const runLogged = () =>
    runOnce().catch((error: unknown) => {
      options.logger.error({ error: error instanceof Error ? error.message : String(error) }, 'question-log cleanup failed');
      return 0;
    });
  return {
    name: 'question-log-retention',
    runOnce,
    async start() {
      await runLogged();
      timer = setInterval(() => void runLogged(), intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
