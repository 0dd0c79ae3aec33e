/** Options for `mapConcurrently`. */
export interface MapConcurrentlyOptions {
  /** Most calls of `work` in flight at once (at least 1). */
  concurrency: number;
  /** Checked before each call: once aborted, no new call starts and the result rejects with its reason. */
  signal?: AbortSignal;
}

/**
 * Maps `items` through async `work` with at most `concurrency` calls in flight, results in the
 * items' order. The first failure rejects the whole and no further call starts (calls in flight
 * finish and are dropped). With a concurrency of 1 the calls run one after another, in order.
 */
export async function mapConcurrently<Item, Result>(
  items: readonly Item[],
  work: (item: Item, position: number) => Promise<Result>,
  options: MapConcurrentlyOptions,
): Promise<Result[]> {
  const results = new Array<Result>(items.length);
  let next = 0;
  let failed = false;
  const runWorker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const position = next;
      next += 1;
      try {
        options.signal?.throwIfAborted();
        results[position] = await work(items[position] as Item, position);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  // A missing or nonsensical limit (NaN, 0) means one at a time rather than none at all.
  const limit = options.concurrency >= 1 ? Math.floor(options.concurrency) : 1;
  const workers = Math.min(limit, items.length);
  await Promise.all(Array.from({ length: workers }, runWorker));
  return results;
}
