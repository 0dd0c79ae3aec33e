import fs from 'node:fs';
import path from 'node:path';
import type { RegisterCommand } from '../cli-context.js';
import { UsageError } from '../errors.js';
import { runBench } from '../../bench/run-bench.js';
import { formatBenchReport } from '../../bench/format-bench-report.js';
import { latencyChart } from '../../bench/latency-chart.js';
import { BENCH_GOALS } from '../../bench/check-goals.js';

/** Defaults of `newsbot bench`, relative to the working directory. */
export const BENCH_DEFAULTS = {
  chunks: 100_000,
  sizes: [10_000, 30_000, 100_000],
  questions: 1000,
  out: 'bench/results.json',
  squad: 'data/cmrc2018/cmrc2018_dev.json.gz',
  page: 'data/zhuzhou-daily-page.md',
} as const;

interface BenchCommandOptions {
  json?: boolean;
  chunks: string;
  sizes: string;
  questions: string;
  out: string;
  squad: string;
  page: string;
  keep?: boolean;
}

/** `newsbot bench`: speed and memory figures on a synthetic ten-year archive; writes results.json and a latency chart. */
export const registerBenchCommand: RegisterCommand = (program, context) => {
  program
    .command('bench')
    .description(
      'build a corpus of N chunks from real Chinese text in a temporary home (EMBEDDING_MODEL=hash) and measure ingest, query latency, cold start, memory and disk; with RERANK_MODEL set, also the reranker’s time per search, apart',
    )
    .option('--json', 'print the whole report as one JSON object')
    .option('--chunks <n>', 'chunks in the corpus', String(BENCH_DEFAULTS.chunks))
    .option('--sizes <list>', 'corpus sizes for the latency chart, comma-separated (capped at --chunks)', BENCH_DEFAULTS.sizes.join(','))
    .option('--questions <n>', 'questions timed for search, and as many for ask, at each size', String(BENCH_DEFAULTS.questions))
    .option('--out <file>', 'where to write the report; the chart goes beside it as latency.svg', BENCH_DEFAULTS.out)
    .option('--squad <file>', 'SQuAD-format file with the passages and questions (CMRC 2018)', BENCH_DEFAULTS.squad)
    .option('--page <file>', 'a newspaper page whose articles join the text ("" to leave out)', BENCH_DEFAULTS.page)
    .option('--keep', 'keep the temporary corpus and archive (their folder is printed)')
    .action(async (options: BenchCommandOptions) => {
      const chunks = positiveInteger('--chunks', options.chunks);
      const questions = positiveInteger('--questions', options.questions);
      const sizes = options.sizes
        .split(',')
        .filter((size) => size.trim().length > 0)
        .map((size) => positiveInteger('--sizes', size.trim()));
      const squadFile = path.resolve(context.cwd, options.squad);
      if (!fs.existsSync(squadFile)) throw new UsageError(`the SQuAD file ${squadFile} does not exist; pass --squad <cmrc2018_dev.json>`);
      const samplePage = options.page.length > 0 ? path.resolve(context.cwd, options.page) : null;
      if (samplePage && !fs.existsSync(samplePage)) throw new UsageError(`the sample page ${samplePage} does not exist; pass --page <file> or --page ""`);

      const report = await runBench({
        chunks,
        sizes,
        questions,
        squadFile,
        samplePage,
        env: context.env,
        cwd: context.cwd,
        keepFiles: options.keep ?? false,
        onProgress: (message) => context.stderr(`bench: ${message}\n`),
      });
      const out = path.resolve(context.cwd, options.out);
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
      const chart = latencyChart(
        report.series.map((point) => ({ chunks: point.chunks, searchP50: point.search.p50, searchP95: point.search.p95, askP50: point.ask.p50, askP95: point.ask.p95 })),
        {
          subtitle: `${report.machine.cpu}, ${report.machine.cores} cores, Node ${report.machine.node}`,
          goals: [
            { label: `search p95 goal ${BENCH_GOALS.searchP95Ms} ms`, ms: BENCH_GOALS.searchP95Ms },
            { label: `ask p95 goal ${BENCH_GOALS.askP95Ms} ms`, ms: BENCH_GOALS.askP95Ms },
          ],
        },
      );
      fs.writeFileSync(path.join(path.dirname(out), 'latency.svg'), chart);
      if (options.json) context.stdout(`${JSON.stringify(report)}\n`);
      else context.stdout(`${formatBenchReport(report)}report: ${out}\n`);
    });
};

function positiveInteger(option: string, value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) throw new UsageError(`${option} must be a positive integer, got "${value}"`);
  return parsed;
}
