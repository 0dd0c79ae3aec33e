// The real model's share of a question (docs/performance.md, "The real model's share of a
// question"), run from the project folder after a build:
//   npm run bench:real-model-share -- [--chunks 100000] [--questions 200] [--repeats 3] [--out bench/real-model-share.json]
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { QUERY_VECTOR_CACHE_DEFAULTS } from '../../src/embedding/query-vector-cache.js';
import { runRealModelShare } from './run-real-model-share.js';

/** Defaults of the bench, relative to the working directory. */
export const REAL_MODEL_SHARE_DEFAULTS = {
  chunks: 100_000,
  questions: 200,
  warmUpQuestions: 20,
  repeats: 3,
  /** Taking turns in this order within each repeat. */
  settings: [
    { threads: 1, precision: 'full' },
    { threads: 2, precision: 'full' },
    { threads: 1, precision: 'quantized' },
    { threads: 2, precision: 'quantized' },
  ],
  out: 'bench/real-model-share.json',
  squad: 'data/cmrc2018/cmrc2018_dev.json.gz',
  page: 'data/zhuzhou-daily-page.md',
} as const;

const { values } = parseArgs({
  options: { chunks: { type: 'string' }, questions: { type: 'string' }, repeats: { type: 'string' }, out: { type: 'string' } },
});
const count = (value: string | undefined, fallback: number): number => {
  const parsed = Number(value ?? fallback);
  if (!Number.isInteger(parsed) || parsed <= 0) throw new Error(`expected a positive integer, got "${value}"`);
  return parsed;
};
const cwd = process.cwd();
const defaults = REAL_MODEL_SHARE_DEFAULTS;
const report = await runRealModelShare({
  chunks: count(values.chunks, defaults.chunks),
  questions: count(values.questions, defaults.questions),
  warmUpQuestions: defaults.warmUpQuestions,
  repeats: count(values.repeats, defaults.repeats),
  settings: defaults.settings,
  cacheEntries: QUERY_VECTOR_CACHE_DEFAULTS.maxEntries,
  squadFile: path.resolve(cwd, defaults.squad),
  samplePage: path.resolve(cwd, defaults.page),
  cwd,
  onProgress: (message) => process.stderr.write(`real-model-share: ${message}\n`),
});
const out = path.resolve(cwd, values.out ?? defaults.out);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(
  `${JSON.stringify({ loadAverage: report.machine.loadAverage, loadAverageAtEnd: report.loadAverageAtEnd, archive: report.archive, settings: report.settings })}\n`,
);
