/** Runs tasks with at most N in flight per host, the rest waiting in arrival order. */
export interface HostLimiter {
  run<T>(host: string, task: () => Promise<T>): Promise<T>;
}

/** Creates a limiter allowing `maxConcurrentPerHost` tasks at once for each host. */
export function createHostLimiter(maxConcurrentPerHost: number): HostLimiter {
  const active = new Map<string, number>();
  const waiting = new Map<string, Array<() => void>>();

  const release = (host: string): void => {
    const next = waiting.get(host)?.shift();
    if (next) {
      next();
      return;
    }
    const count = (active.get(host) ?? 1) - 1;
    if (count <= 0) {
      active.delete(host);
      waiting.delete(host);
    } else {
      active.set(host, count);
    }
  };

  const acquire = (host: string): Promise<void> => {
    const count = active.get(host) ?? 0;
    if (count < maxConcurrentPerHost) {
      active.set(host, count + 1);
      return Promise.resolve();
    }
    // The slot passes straight from the releasing task to this one, so the count stays put.
    return new Promise((resolve) => {
      const queue = waiting.get(host) ?? [];
      queue.push(resolve);
      waiting.set(host, queue);
    });
  };

  return {
    async run<T>(host: string, task: () => Promise<T>): Promise<T> {
      await acquire(host);
      try {
        return await task();
      } finally {
        release(host);
      }
    },
  };
}
