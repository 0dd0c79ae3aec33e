import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBench } from '../../src/bench/run-bench.js';
import { latencyChart } from '../../src/bench/latency-chart.js';
import { latencyPercentiles } from '../../src/bench/latency-percentiles.js';
import { chartSizes, sliceCorpus } from '../../src/bench/corpus-slices.js';
import { formatBenchReport } from '../../src/bench/format-bench-report.js';
import { RERANK_STAGE } from '../../src/retrieval/reranking-retriever.js';
import { CMRC_DEV, PROJECT_ROOT, SAMPLE_PAGE } from '../helpers/run-cli.js';
import { TINY_RERANKER_ID, tinyRerankerCache } from '../embedding/support/tiny-model-cache.js';

const SQUAD = CMRC_DEV;
/** The compiled child, when `npm run build` has run; otherwise the cold start is reported as skipped. */
const COLD_START_CHILD = path.join(PROJECT_ROOT, 'dist/bench/cold-start-child.js');

describe('runBench (a small corpus, shape only: no timing assertions)', () => {
  it('reports positive figures for every stage, size and goal, and the reranker’s apart', async () => {
    const messages: string[] = [];
    // A model cache holding the generated cross-encoder only: the real-model run finds no embedding model and is skipped.
    const rerankerCache = tinyRerankerCache();
    const report = await runBench({
      chunks: 2000,
      sizes: [1000],
      questions: 50,
      squadFile: SQUAD,
      samplePage: SAMPLE_PAGE,
      env: { MODEL_CACHE_DIR: rerankerCache.cacheDir, HF_HUB_OFFLINE: '1', RERANK_MODEL: TINY_RERANKER_ID },
      cwd: PROJECT_ROOT,
      coldStartScript: COLD_START_CHILD,
      onProgress: (message) => messages.push(message),
    }).finally(rerankerCache.cleanup);

    expect(report.corpus.chunks).toBeGreaterThanOrEqual(2000);
    expect(report.corpus.articles).toBe(report.ingest.articles);
    expect(report.settings.embedder).toBe('hash');
    expect(report.machine.cores).toBeGreaterThan(0);
    expect(report.ingest.endToEnd.chunksPerSecond).toBeGreaterThan(0);
    for (const stage of Object.values(report.ingest.stages)) expect(stage.seconds).toBeGreaterThanOrEqual(0);
    for (const stage of ['parseClean', 'chunk', 'embed', 'database', 'vectorIndex'] as const) {
      expect(report.ingest.stages[stage].chunksPerSecond).toBeGreaterThan(0);
    }
    // Unchanged sources: nothing re-embedded or rewritten.
    expect(report.reingest).toMatchObject({ unchanged: report.corpus.articles, chunksWritten: 0 });

    expect(report.series.map((point) => point.chunks)).toEqual([report.series[0]!.chunks, report.corpus.chunks]);
    expect(report.series[0]!.chunks).toBeGreaterThanOrEqual(1000);
    for (const point of report.series) {
      for (const summary of [point.search, point.ask]) {
        expect(summary.count).toBe(50);
        expect(summary.p50).toBeGreaterThan(0);
        expect(summary.p95).toBeGreaterThanOrEqual(summary.p50);
        expect(summary.p99).toBeGreaterThanOrEqual(summary.p95);
      }
    }
    expect(report.queries).toEqual(report.series.at(-1));
    // Retrieval quality on the CMRC questions, and where a question's time goes.
    for (const point of report.series) {
      // A small corpus holds only some of the passages the questions were written about: far above chance, below 100k figures.
      expect(point.searchHitAt1).toBeGreaterThan(0.25);
      // The first passage is one of the first five: hit@5 can only add questions.
      expect(point.searchHitAt5).toBeGreaterThanOrEqual(point.searchHitAt1 ?? 1);
      expect(point.searchHitAt5).toBeLessThanOrEqual(1);
      expect(Object.keys(point.stages.search)).toEqual(expect.arrayContaining(['choose terms', 'read postings', 'rank postings', 'fetch chunks', 'fuse']));
      expect(Object.keys(point.stages.ask)).toEqual(
        expect.arrayContaining(['match pins', 'read question time', 'analyze question', 'rank postings', 'score sentences', 'choose sentence']),
      );
      // The series is taken without the reranker, so its figures and goals stay comparable.
      expect(Object.keys(point.stages.search)).not.toContain(RERANK_STAGE);
      expect(Object.keys(point.stages.ask)).not.toContain(RERANK_STAGE);
      for (const milliseconds of [...Object.values(point.stages.search), ...Object.values(point.stages.ask)]) expect(milliseconds).toBeGreaterThanOrEqual(0);
    }
    expect(report.memory.bench.maxRssMb).toBeGreaterThan(0);
    expect(report.disk.databaseMb).toBeGreaterThan(0);
    expect(report.disk.indexMb).toBeGreaterThan(0);
    expect(report.realModel).toEqual({ skipped: expect.stringContaining('no local transformers.js model') });
    // The reranker on its own: every search's rerank stage is a sample, and a search costs at least its rerank stage.
    if ('skipped' in report.reranker) throw new Error(`reranker skipped: ${report.reranker.skipped}`);
    expect(report.reranker).toMatchObject({ model: `${TINY_RERANKER_ID}@main:quantized`, passages: 20, questions: 50 });
    expect(report.reranker.rerank.count).toBe(50);
    expect(report.reranker.rerank.p50).toBeGreaterThan(0);
    expect(report.reranker.rerank.p95).toBeGreaterThanOrEqual(report.reranker.rerank.p50);
    expect(report.reranker.search.p50).toBeGreaterThanOrEqual(report.reranker.rerank.p50);
    expect(report.reranker.search.p95).toBeGreaterThanOrEqual(report.reranker.rerank.p95);
    for (const share of [report.reranker.searchHitAt1.reranked, report.reranker.searchHitAt1.fused]) {
      expect(share).toBeGreaterThanOrEqual(0);
      expect(share).toBeLessThanOrEqual(1);
    }
    expect(formatBenchReport(report)).toMatch(
      new RegExp(`reranker ${TINY_RERANKER_ID}@main:quantized reading 20 passages, 50 searches: rerank stage p50 [0-9.]+ ms, p95 [0-9.]+ ms`),
    );
    if (fs.existsSync(COLD_START_CHILD)) {
      expect(report.coldStart).toMatchObject({ vectors: report.corpus.chunks });
      expect((report.coldStart as { readyMs: number }).readyMs).toBeGreaterThan(0);
      expect((report.coldStart as { vectorsLoadedMs: number }).vectorsLoadedMs).toBeGreaterThan(0);
    } else {
      expect(report.coldStart).toEqual({ skipped: expect.stringContaining('npm run build') });
    }
    expect(report.goals.map((goal) => goal.goal).join('\n')).toMatch(
      /search p50 \/ p95[\s\S]*ask p95[\s\S]*growth[\s\S]*ingest[\s\S]*re-ingest[\s\S]*cold start[\s\S]*restarted serve[\s\S]*memory/,
    );
    expect(report.seconds).toBeGreaterThan(0);
    expect(messages.length).toBeGreaterThan(0);
  });
});

describe('bench helpers', () => {
  it('computes nearest-rank percentiles', () => {
    const samples = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(latencyPercentiles(samples)).toMatchObject({ count: 100, p50: 50, p95: 95, p99: 99, max: 100, mean: 50.5 });
    expect(latencyPercentiles([])).toMatchObject({ count: 0, p95: 0 });
  });

  it('caps chart sizes at the corpus and slices whole day files', () => {
    expect(chartSizes([100_000, 10_000, 30_000], 50_000)).toEqual([10_000, 30_000, 50_000]);
    const files = [3, 4, 5, 6].map((chunks, index) => ({ file: `day-${index}.jsonl`, articles: 1, chunks }));
    expect(sliceCorpus(files, [5, 18])).toEqual([
      { chunks: 7, files: ['day-0.jsonl', 'day-1.jsonl'] },
      { chunks: 18, files: ['day-2.jsonl', 'day-3.jsonl'] },
    ]);
  });

  it('draws one line per latency series in an SVG', () => {
    const svg = latencyChart(
      [
        { chunks: 10_000, searchP50: 3, searchP95: 7, askP50: 4, askP95: 9 },
        { chunks: 100_000, searchP50: 8, searchP95: 14, askP50: 9, askP95: 16 },
      ],
      { goals: [{ label: 'ask p95 goal 50 ms', ms: 50 }], subtitle: 'a <test> machine' },
    );
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.match(/<polyline/g)).toHaveLength(4);
    expect(svg).toContain('a &lt;test&gt; machine');
    expect(svg).toContain('100k');
  });
});
