/** Milliseconds spent per named stage, accumulated over many calls. */
export class StageTimer {
  private readonly totals = new Map<string, number>();

  /** Runs `work` and adds its duration to `stage`. */
  time<T>(stage: string, work: () => T): T {
    const started = performance.now();
    try {
      return work();
    } finally {
      this.add(stage, performance.now() - started);
    }
  }

  /** Awaits `work` and adds its duration to `stage`. */
  async timeAsync<T>(stage: string, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.add(stage, performance.now() - started);
    }
  }

  add(stage: string, milliseconds: number): void {
    this.totals.set(stage, (this.totals.get(stage) ?? 0) + milliseconds);
  }

  /** Total milliseconds of a stage (0 when never timed). */
  get(stage: string): number {
    return this.totals.get(stage) ?? 0;
  }

  /** Each stage's total divided by `count` (mean milliseconds per item), rounded to 0.001 ms, in first-timed order. */
  meanPer(count: number): Record<string, number> {
    const means: Record<string, number> = {};
    for (const [stage, total] of this.totals) means[stage] = count > 0 ? Math.round((total / count) * 1000) / 1000 : 0;
    return means;
  }
}
