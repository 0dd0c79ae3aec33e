/** One setting's throughput in the texts-per-call sweep. */
export interface TextsPerCallTrial {
  precision: string;
  threads: number;
  textsPerCall: number;
  /** Median chunks per second over the repeats. */
  median: number;
}

/**
 * The texts per model call that embed fastest: for the given precision, the call size with the highest median
 * chunks/s at each thread count, and of those the one that wins at most thread counts (the smaller size on a tie).
 */
export function chooseTextsPerCall(trials: readonly TextsPerCallTrial[], precision: string): number {
  const ofPrecision = trials.filter((trial) => trial.precision === precision);
  if (ofPrecision.length === 0) throw new Error(`no trials at precision "${precision}"`);
  const wins = new Map<number, number>();
  for (const threads of new Set(ofPrecision.map((trial) => trial.threads))) {
    const fastest = ofPrecision.filter((trial) => trial.threads === threads).reduce((best, trial) => (trial.median > best.median ? trial : best));
    wins.set(fastest.textsPerCall, (wins.get(fastest.textsPerCall) ?? 0) + 1);
  }
  return [...wins.entries()].sort(([leftSize, leftWins], [rightSize, rightWins]) => rightWins - leftWins || leftSize - rightSize)[0]![0];
}
