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
}
