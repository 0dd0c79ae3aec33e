/** One setting's throughput in the texts-per-call sweep. */
export interface TextsPerCallTrial {
  precision: string;
  threads: number;
  textsPerCall: number;
  /** Median chunks per second over the repeats. */
  median: number;
}

/**
 * The texts per model call that embed fastest where an archive is embedded: one onnxruntime thread per process, one
 * process per core (the most chunks per core; docs/performance.md). Of the given precision's trials at that thread
 * count, the size with the highest median chunks/s (the smaller size on a tie).
 */
export function chooseTextsPerCall(trials: readonly TextsPerCallTrial[], precision: string, threads = 1): number {
  const candidates = trials.filter((trial) => trial.precision === precision && trial.threads === threads);
  if (candidates.length === 0) throw new Error(`no trials at precision "${precision}" with ${threads} thread(s)`);
  return candidates.reduce((best, trial) => (trial.median > best.median || (trial.median === best.median && trial.textsPerCall < best.textsPerCall) ? trial : best)).textsPerCall;
}
