/** Either the work's value, or a mark that the time ran out first. */
export type RaceResult<Value> = { timedOut: false; value: Value } | { timedOut: true };

/**
 * Waits for `work` at most `timeoutMs`. The work is not cancelled (answers have no cancellation):
 * the caller just stops waiting and must ignore a late result.
 */
export async function raceTimeout<Value>(work: Promise<Value>, timeoutMs: number): Promise<RaceResult<Value>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<RaceResult<Value>>((resolve) => {
    timer = setTimeout(() => resolve({ timedOut: true }), timeoutMs);
  });
  try {
    return await Promise.race([work.then((value): RaceResult<Value> => ({ timedOut: false, value })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
