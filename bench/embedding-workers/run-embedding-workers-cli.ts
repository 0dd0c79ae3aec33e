// The embedding bench's command line (docs/performance.md, "Embedding throughput"), run from the
// project folder after a build:
//   npm run bench:embedding-workers -- [--chunks 2000] [--sample 256] [--repeats 3] [--out bench/embedding-workers.json]
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runEmbeddingWorkers } from './run-embedding-workers.js';

/** Defaults of the embedding bench, relative to the working directory. */
export const EMBEDDING_BENCH_DEFAULTS = {
  chunks: 2000,
  sample: 256,
  repeats: 3,
  batchSizes: [8, 16, 32],
  threads: [1, 2],
  workers: [1, 2],
  out: 'bench/embedding-workers.json',
  squad: 'data/cmrc2018/cmrc2018_dev.json.gz',
  page: 'data/zhuzhou-daily-page.md',
  bin: 'bin/newsbot.js',
} as const;

const { values } = parseArgs({
  options: { chunks: { type: 'string' }, sample: { type: 'string' }, repeats: { type: 'string' }, out: { type: 'string' } },
});
const count = (value: string | undefined, fallback: number): number => {
  const parsed = Number(value ?? fallback);
  if (!Number.isInteger(parsed) || parsed <= 0) throw new Error(`expected a positive integer, got "${value}"`);
  return parsed;
};
const cwd = process.cwd();
const defaults = EMBEDDING_BENCH_DEFAULTS;
const report = await runEmbeddingWorkers({
  chunks: count(values.chunks, defaults.chunks),
  sampleChunks: count(values.sample, defaults.sample),
  repeats: count(values.repeats, defaults.repeats),
  batchSizes: defaults.batchSizes,
  threads: defaults.threads,
  workers: defaults.workers,
  squadFile: path.resolve(cwd, defaults.squad),
  samplePage: path.resolve(cwd, defaults.page),
  bin: path.resolve(cwd, defaults.bin),
  env: process.env,
  cwd,
  onProgress: (message) => process.stderr.write(`embedding bench: ${message}\n`),
});
const out = path.resolve(cwd, values.out ?? defaults.out);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(`${JSON.stringify({ batchThreads: report.batchThreads.map(({ batchSize, threads, median }) => ({ batchSize, threads, median })), ratios: report.ratios })}\n`);
