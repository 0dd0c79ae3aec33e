import type { MachineInfo } from './machine-info.js';
import type { LatencySummary } from './latency-percentiles.js';
import type { MemoryPeak } from './memory-sampler.js';
import type { DiskUsage } from './disk-usage.js';
import type { ColdStartResult } from './measure-cold-start.js';

/** Time and throughput of one ingest stage. */
export interface StageFigures {
  seconds: number;
  /** Chunks of the corpus divided by the stage's seconds. */
  chunksPerSecond: number;
}

/** Ingest of the whole corpus, stage by stage. */
export interface IngestFigures {
  articles: number;
  chunks: number;
  /** Reading the JSONL sources plus `indexArticles`: what `newsbot ingest <folder>` spends. */
  endToEnd: StageFigures;
  /** `indexArticles` alone (chunk, embed, database, vector index): the pipeline without parsing. */
  indexArticles: StageFigures;
  stages: {
    /** `readSources`: read, decode and validate the records (`parseSourceFile`). */
    parseClean: StageFigures;
    /** `chunkArticle`. */
    chunk: StageFigures;
    /** `Embedder.embed` of the passages. */
    embed: StageFigures;
    /** Every store call: content-hash look-ups, article, chunk and full-text index writes. */
    database: StageFigures;
    /** Vector index `add`/`remove` and the final `save`. */
    vectorIndex: StageFigures;
    /** The rest of `indexArticles`: content hashes, batching. */
    other: StageFigures;
  };
}

/** Ingesting the same, unchanged sources again: nothing may be embedded. */
export interface ReingestFigures {
  seconds: number;
  parseSeconds: number;
  indexSeconds: number;
  unchanged: number;
  /** Chunks written (0 when the content hashes did their job). */
  chunksWritten: number;
}

/** Query latencies at one corpus size. */
export interface SizePoint {
  articles: number;
  chunks: number;
  search: LatencySummary;
  ask: LatencySummary;
  answeredShare: number;
  /** Share of the timed searches whose first passage holds a gold answer (CMRC questions). */
  searchHitAt1: number | null;
  /** Share of them with a gold answer in any of the first five passages. */
  searchHitAt5: number | null;
  /** Mean milliseconds per question of each stage, for `search` and `ask` (`ask` includes its retrieval's stages). */
  stages: { search: Record<string, number>; ask: Record<string, number> };
  /** `openArchive` in the bench process before this size's queries. */
  openArchiveMs: number;
}

/** Query latencies with a transformers.js model, or why they were not measured. */
export type RealModelFigures = { skipped: string } | { model: string; chunks: number; ingestChunksPerSecond: number; search: LatencySummary; ask: LatencySummary };

/**
 * The cross-encoder's cost (RERANK_MODEL) over the full bench archive, or why it was not measured:
 * per search, the `rerank` stage (`RerankingRetriever`) and the whole search with it; hit@1 with it
 * and without it on the same questions.
 */
export type RerankerFigures =
  | { skipped: string }
  | {
      /** The reranker's id: model, revision and the weights that ran. */
      model: string;
      /** RERANK_PASSAGES: passages it reads per search. */
      passages: number;
      questions: number;
      /** `openArchive` with the reranker: loading its model included. */
      openArchiveMs: number;
      rerank: LatencySummary;
      search: LatencySummary;
      searchHitAt1: { reranked: number | null; fused: number | null };
    };

/** One goal of issue 7 with its measured value. */
export interface GoalCheck {
  goal: string;
  target: string;
  measured: string;
  met: boolean;
}

/** Everything `newsbot bench` measures; written to `bench/results.json`. */
export interface BenchReport {
  formatVersion: 1;
  startedAt: string;
  machine: MachineInfo;
  settings: { chunks: number; sizes: number[]; questions: number; embedder: string; seed: number };
  corpus: { articles: number; chunks: number; sourceFiles: number; sourceMb: number; firstDate: string; lastDate: string };
  ingest: IngestFigures;
  reingest: ReingestFigures;
  /** Latencies at the full corpus size. */
  queries: SizePoint;
  /** Latencies at each chart size, smallest first (the last is `queries`). */
  series: SizePoint[];
  coldStart: ColdStartResult;
  /** Peak resident memory of the bench process (ingest and queries) and of the cold-started serving process. */
  memory: { bench: MemoryPeak; servePeakRssMb: number | null };
  disk: DiskUsage;
  realModel: RealModelFigures;
  /** Measured apart from the figures above, which are taken without a reranker. */
  reranker: RerankerFigures;
  goals: GoalCheck[];
  /** Wall time of the whole bench. */
  seconds: number;
}
