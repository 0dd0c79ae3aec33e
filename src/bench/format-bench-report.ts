import type { BenchReport, StageFigures } from './bench-report.js';
import type { LatencySummary } from './latency-percentiles.js';

/** The bench report as text for a terminal (the JSON has every figure). */
export function formatBenchReport(report: BenchReport): string {
  const { machine, corpus, ingest, reingest, queries, coldStart, memory, disk, realModel, reranker } = report;
  const number = (value: number): string => value.toLocaleString('en-US');
  const stage = (label: string, figures: StageFigures): string =>
    `  ${label.padEnd(14)}${figures.seconds.toFixed(2).padStart(9)} s ${number(figures.chunksPerSecond).padStart(12)} chunks/s`;
  const latency = (summary: LatencySummary): string => `p50 ${summary.p50} ms, p95 ${summary.p95} ms, p99 ${summary.p99} ms`;
  const lines = [
    `newsbot bench: ${number(corpus.chunks)} chunks, ${number(corpus.articles)} articles (${corpus.firstDate} … ${corpus.lastDate}), embedder ${report.settings.embedder}`,
    `machine: ${machine.os}; ${machine.cpu}; ${machine.cores} cores; ${machine.memoryGb} GB; Node ${machine.node}`,
    '',
    `ingest: ${number(ingest.endToEnd.chunksPerSecond)} chunks/s end to end (${ingest.endToEnd.seconds} s); indexArticles alone ${number(ingest.indexArticles.chunksPerSecond)} chunks/s`,
    stage('parse+clean', ingest.stages.parseClean),
    stage('chunk', ingest.stages.chunk),
    stage('embed', ingest.stages.embed),
    stage('database', ingest.stages.database),
    stage('vector index', ingest.stages.vectorIndex),
    stage('other', ingest.stages.other),
    `re-ingest, unchanged: ${reingest.seconds} s (parse ${reingest.parseSeconds} s, index ${reingest.indexSeconds} s; ${number(reingest.unchanged)} unchanged, ${reingest.chunksWritten} chunks rewritten)`,
    '',
    `queries over ${number(queries.chunks)} chunks (${report.settings.questions} questions each):`,
    `  search  ${latency(queries.search)}`,
    `  ask     ${latency(queries.ask)} (answered ${Math.round(queries.answeredShare * 100)}%)`,
    `  search hit@1 (first passage holds a gold answer): ${queries.searchHitAt1 ?? '–'}; hit@5 (any of the first five): ${queries.searchHitAt5 ?? '–'}`,
    "where a question's time goes (mean ms):",
    ...stageLines('search', queries.stages.search, queries.search.mean),
    ...stageLines('ask', queries.stages.ask, queries.ask.mean),
    'by corpus size (p50 / p95):',
    ...report.series.map(
      (point) =>
        `  ${number(point.chunks).padStart(9)} chunks: search ${point.search.p50} / ${point.search.p95} ms, ask ${point.ask.p50} / ${point.ask.p95} ms, hit@1 ${point.searchHitAt1 ?? '–'}, hit@5 ${point.searchHitAt5 ?? '–'}`,
    ),
    '',
    'skipped' in coldStart
      ? `serve cold start: skipped (${coldStart.skipped})`
      : `serve cold start: ${coldStart.readyMs} ms to the first answer (imports ${coldStart.importMs} ms, openArchive ${coldStart.openArchiveMs} ms, first answer ${coldStart.firstAnswerMs} ms); vectors read in the background by ${coldStart.vectorsLoadedMs} ms; ${coldStart.peakRssMb} MB peak`,
    `memory peak: bench process ${memory.bench.maxRssMb} MB, serving process ${memory.servePeakRssMb ?? '–'} MB`,
    `disk: database ${disk.databaseMb} MB, vector index ${disk.indexMb} MB`,
    'skipped' in realModel
      ? `real model: skipped (${realModel.skipped})`
      : `real model ${realModel.model} over ${number(realModel.chunks)} chunks: search ${latency(realModel.search)}; ask ${latency(realModel.ask)}`,
    'skipped' in reranker
      ? `reranker: skipped (${reranker.skipped})`
      : `reranker ${reranker.model} reading ${reranker.passages} passages, ${reranker.questions} searches: rerank stage ${latency(reranker.rerank)}; ` +
        `search with it ${latency(reranker.search)}; hit@1 ${reranker.searchHitAt1.reranked ?? '–'} (without it ${reranker.searchHitAt1.fused ?? '–'}); ` +
        `openArchive with the model ${reranker.openArchiveMs} ms`,
    '',
    'goals:',
    ...report.goals.map((goal) => `  ${goal.met ? '✓' : '✗'} ${goal.goal}: ${goal.measured} (target ${goal.target})`),
    `bench took ${(report.seconds / 60).toFixed(1)} min`,
  ];
  return `${lines.join('\n')}\n`;
}

/** One line per stage, then what the stages leave of the mean (the rest of the code path). */
function stageLines(label: string, stages: Record<string, number>, mean: number): string[] {
  const entries = Object.entries(stages);
  const traced = entries.reduce((sum, [, milliseconds]) => sum + milliseconds, 0);
  return [`  ${label}: ${entries.map(([stage, milliseconds]) => `${stage} ${milliseconds.toFixed(3)}`).join(', ')}; rest ${Math.max(0, mean - traced).toFixed(3)} (mean ${mean})`];
}
