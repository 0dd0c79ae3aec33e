import type { StageTimer } from './stage-timer.js';
import { ALL_INGEST_STAGES } from './ingest-sources.js';
import type { IngestFigures, StageFigures } from './bench-report.js';

/** Turns the stage timer of a whole ingest into seconds and chunks per second for each stage. */
export function ingestFigures(timer: StageTimer, ingested: { articles: number; chunks: number }): IngestFigures {
  const figures = (milliseconds: number): StageFigures => ({
    seconds: seconds(milliseconds),
    chunksPerSecond: Math.round(ingested.chunks / Math.max(milliseconds / 1000, 1e-9)),
  });
  const stage = (name: string): number => timer.get(name);
  const indexing = stage(ALL_INGEST_STAGES.indexArticles);
  const measuredInside = stage(ALL_INGEST_STAGES.chunk) + stage(ALL_INGEST_STAGES.embed) + stage(ALL_INGEST_STAGES.database) + stage(ALL_INGEST_STAGES.vectorIndex);
  const removeStale = stage(ALL_INGEST_STAGES.removeStale);
  return {
    articles: ingested.articles,
    chunks: ingested.chunks,
    endToEnd: figures(stage(ALL_INGEST_STAGES.parseClean) + indexing + removeStale),
    indexArticles: figures(indexing),
    stages: {
      parseClean: figures(stage(ALL_INGEST_STAGES.parseClean)),
      chunk: figures(stage(ALL_INGEST_STAGES.chunk)),
      embed: figures(stage(ALL_INGEST_STAGES.embed)),
      database: figures(stage(ALL_INGEST_STAGES.database)),
      vectorIndex: figures(stage(ALL_INGEST_STAGES.vectorIndex)),
      other: figures(Math.max(0, indexing - measuredInside) + removeStale),
    },
  };
}

/** Milliseconds to seconds, two decimals. */
export function seconds(milliseconds: number): number {
  return Math.round(milliseconds / 10) / 100;
}
