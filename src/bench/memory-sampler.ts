/** Peak resident memory seen by a `MemorySampler`, in megabytes. */
export interface MemoryPeak {
  /** Highest `process.memoryUsage().rss` sampled. */
  sampledRssMb: number;
  /** The kernel's high-water mark (`process.resourceUsage().maxRSS`), which also catches peaks between samples. */
  maxRssMb: number;
}

/** Samples the process's resident memory at an interval (default 100 ms) until stopped. */
export class MemorySampler {
  private peakBytes = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(intervalMs = 100) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    // Sampling must never keep the process alive.
    this.timer.unref();
  }

  /** Takes a sample now (call after long synchronous work, which the interval cannot interrupt). */
  sample(): void {
    this.peakBytes = Math.max(this.peakBytes, process.memoryUsage().rss);
  }

  peak(): MemoryPeak {
    this.sample();
    return { sampledRssMb: toMegabytes(this.peakBytes), maxRssMb: toMegabytes(process.resourceUsage().maxRSS * 1024) };
  }

  stop(): MemoryPeak {
    clearInterval(this.timer);
    return this.peak();
  }
}

/** Bytes to megabytes (2^20), one decimal. */
export function toMegabytes(bytes: number): number {
  return Math.round((bytes / 1_048_576) * 10) / 10;
}
