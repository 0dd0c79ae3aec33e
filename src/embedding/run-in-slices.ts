/**
 * Runs `run` over `items` `size` at a time, in order, and joins the results: how a model adapter hands a caller's batch
 * to the model a few texts a call. The signal is checked between calls, so a caller who gave up stops the rest.
 */
export async function runInSlices<Item, Result>(items: readonly Item[], size: number, run: (slice: Item[]) => Promise<Result[]>, signal?: AbortSignal): Promise<Result[]> {
  const results: Result[] = [];
  for (let start = 0; start < items.length; start += size) {
    if (start > 0) signal?.throwIfAborted();
    results.push(...(await run(items.slice(start, start + size))));
  }
  return results;
}
