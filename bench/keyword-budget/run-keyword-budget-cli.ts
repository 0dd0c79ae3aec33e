// Fits the keyword search's budget (src/store/sqlite/keyword-budget.ts; docs/performance.md), run from the project folder:
//   npm run bench:keyword-budget -- [--chunks 100000] [--sizes 10000,30000,100000] [--questions 600] [--out bench/keyword-budget.json] [--keep DIR | --reuse DIR] [--ranked 2000,4000] [--pools 50,150]
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runKeywordBudget } from './run-keyword-budget.js';

/** Defaults of the fit, relative to the working directory; `bench` is `newsbot bench`'s own (its questions are left out). */
export const KEYWORD_BUDGET_DEFAULTS = {
  chunks: 100_000,
  sizes: [10_000, 30_000, 100_000],
  rankedPostings: [500, 1_000, 2_000, 4_000, 8_000, 16_000, 32_000],
  rescorePools: [50, 150, 400],
  tolerance: 0.01,
  questions: 600,
  bench: { questions: 1000, warmUpQuestions: 20, seed: 7 },
  out: 'bench/keyword-budget.json',
  squad: 'data/cmrc2018/cmrc2018_dev.json.gz',
  page: 'data/zhuzhou-daily-page.md',
} as const;

const { values } = parseArgs({
  options: {
    chunks: { type: 'string' },
    sizes: { type: 'string' },
    questions: { type: 'string' },
    out: { type: 'string' },
    keep: { type: 'string' },
    reuse: { type: 'string' },
    ranked: { type: 'string' },
    pools: { type: 'string' },
  },
});
const count = (value: string | undefined, fallback: number): number => {
  const parsed = Number(value ?? fallback);
  if (!Number.isInteger(parsed) || parsed <= 0) throw new Error(`expected a positive integer, got "${value}"`);
  return parsed;
};
const cwd = process.cwd();
const defaults = KEYWORD_BUDGET_DEFAULTS;
const report = await runKeywordBudget({
  chunks: count(values.chunks, defaults.chunks),
  sizes: values.sizes ? values.sizes.split(',').map((size) => count(size.trim(), 0)) : defaults.sizes,
  rankedPostings: values.ranked ? values.ranked.split(',').map((value) => count(value.trim(), 0)) : defaults.rankedPostings,
  rescorePools: values.pools ? values.pools.split(',').map((value) => count(value.trim(), 0)) : defaults.rescorePools,
  tolerance: defaults.tolerance,
  questions: count(values.questions, defaults.questions),
  bench: defaults.bench,
  squadFile: path.resolve(cwd, defaults.squad),
  samplePage: path.resolve(cwd, defaults.page),
  cwd,
  keep: values.keep ?? null,
  reuse: values.reuse ?? null,
  onProgress: (message) => process.stderr.write(`keyword-budget: ${message}\n`),
});
const out = path.resolve(cwd, values.out ?? defaults.out);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(`${JSON.stringify({ loadAverage: report.machine.loadAverage, loadAverageAtEnd: report.loadAverageAtEnd, chosen: report.chosen, fit: report.fit })}\n`);
