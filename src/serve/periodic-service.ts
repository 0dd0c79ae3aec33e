import type { BackgroundService } from './background-service.js';

/**
 * A background service that runs `run` on start and then every `intervalMs`, never two runs at once (a tick while one
 * is under way is skipped), and waits for a run under way on stop. `run` must not reject: it logs its own failures.
 */
export function periodicService(name: string, intervalMs: number, run: () => Promise<void>): BackgroundService {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  const runOnce = (): void => {
    running = run().finally(() => {
      running = null;
    });
  };
  return {
    name,
    start: () => {
      runOnce();
      timer = setInterval(() => {
        if (!running) runOnce();
      }, intervalMs);
      timer.unref();
    },
    stop: async () => {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
