import type { Embedder } from '../../src/embedding/embedder.js';

export interface ReadersRun {
  readers: number;
  questions: number;
  /** Each question's embedding, from its call to its vector, milliseconds. */
  p50Ms: number;
  p95Ms: number;
  /** How late the event loop ran its callbacks meanwhile (what any other request on the process waited), milliseconds. */
  eventLoopDelay: { p50Ms: number; p99Ms: number; maxMs: number };
}

/**
 * `readers` readers asking at once, each its share of `questions` one after another (a reader asks
 * again when answered), every question embedded as a query by `embedder`; with 1 reader, one
 * question at a time. Records each question's latency and the event loop's delay over the run.
 */
export async function timeReaders(embedder: Embedder, questions: readonly string[], readers: number): Promise<ReadersRun> {
  const latencies: number[] = [];
  // A 1 ms timer's lateness: how long the event loop could not run anything else (another reader's keyword answer).
  const lateness: number[] = [];
  let due = performance.now() + 1;
  const probe = setInterval(() => {
    const now = performance.now();
    lateness.push(Math.max(0, now - due));
    due = now + 1;
  }, 1);
  await Promise.all(
    Array.from({ length: readers }, async (_, reader) => {
      for (let index = reader; index < questions.length; index += readers) {
        const started = performance.now();
        await embedder.embed([questions[index]!], 'query');
        latencies.push(performance.now() - started);
      }
    }),
  );
  // A loop blocked to the end never ran the timer: its lateness so far counts too.
  lateness.push(Math.max(0, performance.now() - due));
  clearInterval(probe);
  return {
    readers,
    questions: latencies.length,
    p50Ms: percentile(latencies, 0.5),
    p95Ms: percentile(latencies, 0.95),
    eventLoopDelay: { p50Ms: percentile(lateness, 0.5), p99Ms: percentile(lateness, 0.99), maxMs: percentile(lateness, 1) },
  };
}

/** The nearest-rank percentile, rounded to 0.01. */
function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  return round(sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))] ?? Number.NaN);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
