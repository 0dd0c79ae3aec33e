import type { BenchSourceFile } from './write-bench-sources.js';

/** The files that grow the archive to the next chart size. */
export interface CorpusSlice {
  /** Chunk count this slice brings the archive to (at least the size asked for, whole files). */
  chunks: number;
  files: string[];
}

/**
 * The chart sizes that fit the corpus, smallest first, always ending with the whole corpus:
 * `chartSizes([10000, 30000, 100000], 50000)` is `[10000, 30000, 50000]`.
 */
export function chartSizes(sizes: readonly number[], corpusChunks: number): number[] {
  const fitting = [...new Set(sizes.filter((size) => Number.isInteger(size) && size > 0 && size < corpusChunks))].sort((left, right) => left - right);
  return [...fitting, corpusChunks];
}

/** Cuts the day files (in date order) into consecutive slices reaching each size in turn. */
export function sliceCorpus(files: readonly BenchSourceFile[], sizes: readonly number[]): CorpusSlice[] {
  const slices: CorpusSlice[] = [];
  let position = 0;
  let chunks = 0;
  for (const size of sizes) {
    const slice: CorpusSlice = { chunks, files: [] };
    while (position < files.length && (chunks < size || slice.files.length === 0)) {
      const file = files[position++]!;
      slice.files.push(file.file);
      chunks += file.chunks;
    }
    slice.chunks = chunks;
    if (slice.files.length > 0) slices.push(slice);
  }
  // Whatever the sizes left over belongs to the last slice.
  const last = slices.at(-1);
  while (last && position < files.length) {
    const file = files[position++]!;
    last.files.push(file.file);
    last.chunks += file.chunks;
  }
  return slices;
}
