/** Where one PostgreSQL and full replicas stop, projected from the measured sizes (linear in chunks). */

/** One measured corpus size: what a freshly built replica and PostgreSQL held. */
export interface MeasuredSize {
  chunks: number;
  /** The worker's peak RSS once its replica was built (median of the runs), MB. */
  peakRssMb: number;
  /** The replica on disk: SQLite file(s) + HNSW index folder, MB. */
  replicaDiskMb: number;
  /** PostgreSQL's database size, MB. */
  postgresMb: number;
}

export interface CapacityOnPaper {
  /** Growth of a worker's peak RSS per chunk between the two sizes, bytes (512-dimension vectors). */
  rssBytesPerChunk: number;
  /** Peak RSS with an empty archive, extrapolated, MB. */
  baseRssMb: number;
  replicaDiskBytesPerChunk: number;
  postgresBytesPerChunk: number;
  /** Extra bytes per chunk for a 768-dimension model (bge-base-zh): the vector in HNSW memory, in SQLite-free PostgreSQL, and on disk. */
  extraBytesPerChunkAt768: number;
  /** Chunks a full replica holds within a worker memory budget (GB → chunks), at 512 and 768 dimensions. */
  chunksPerReplica: Array<{ memoryGb: number; at512: number; at768: number }>;
}

const MEMORY_BUDGETS_GB = [1, 2, 4, 8, 16];
const MB = 1024 * 1024;

/** Linear fit through the smallest and largest measured sizes. */
export function capacityOnPaper(sizes: readonly MeasuredSize[]): CapacityOnPaper | null {
  const sorted = [...sizes].sort((left, right) => left.chunks - right.chunks);
  const small = sorted[0];
  const large = sorted.at(-1);
  if (!small || !large || large.chunks <= small.chunks) return null;
  const span = large.chunks - small.chunks;
  const rssBytesPerChunk = ((large.peakRssMb - small.peakRssMb) * MB) / span;
  const baseRssMb = small.peakRssMb - (rssBytesPerChunk * small.chunks) / MB;
  const extraBytesPerChunkAt768 = (768 - 512) * 4;
  const chunksWithin = (budgetMb: number, perChunk: number): number => Math.max(0, Math.floor(((budgetMb - baseRssMb) * MB) / perChunk / 1000) * 1000);
  return {
    rssBytesPerChunk: Math.round(rssBytesPerChunk),
    baseRssMb: Math.round(baseRssMb),
    replicaDiskBytesPerChunk: Math.round((large.replicaDiskMb * MB) / large.chunks),
    postgresBytesPerChunk: Math.round(((large.postgresMb - small.postgresMb) * MB) / span),
    extraBytesPerChunkAt768,
    chunksPerReplica: MEMORY_BUDGETS_GB.map((memoryGb) => ({
      memoryGb,
      at512: chunksWithin(memoryGb * 1024, rssBytesPerChunk),
      at768: chunksWithin(memoryGb * 1024, rssBytesPerChunk + extraBytesPerChunkAt768),
    })),
  };
}
