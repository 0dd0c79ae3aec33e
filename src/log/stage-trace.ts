/**
 * Where one piece of work spent its time, stage by stage (a question: segmentation, term lookups, the FTS5 query,
 * the vector search, fetching chunks, scoring sentences). `newsbot bench` passes one in; serving passes none and
 * pays nothing for it.
 */
export interface StageTrace {
  add(stage: string, milliseconds: number): void;
}

/** Runs `work` and adds its duration to `stage` of `trace`, when there is a trace. */
export function traced<T>(trace: StageTrace | undefined, stage: string, work: () => T): T {
  if (!trace) return work();
  const started = performance.now();
  try {
    return work();
  } finally {
    trace.add(stage, performance.now() - started);
  }
}

/** `traced` for asynchronous work. */
export async function tracedAsync<T>(trace: StageTrace | undefined, stage: string, work: () => Promise<T>): Promise<T> {
  if (!trace) return work();
  const started = performance.now();
  try {
    return await work();
  } finally {
    trace.add(stage, performance.now() - started);
  }
}
