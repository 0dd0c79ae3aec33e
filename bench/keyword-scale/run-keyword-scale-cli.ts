// Why keyword search quality changes with the archive, on archives kept by the budget fit, run from the project folder:
//   npm run bench:keyword-budget -- --chunks 1000000 --sizes 100000,300000,1000000 --keep /tmp/kw
//   npm run bench:keyword-scale -- --kept /tmp/kw [--budgets 2000/50,16000/150,0.037*N^0.898/50] [--sizes 1000000] [--out bench/keyword-scale.json]
// --fts5-ranking adds the store's budget ranked by FTS5's bm25() (the search before the postings ranker), in the same run;
// --common-terms-by-characters the store's search with its common terms weighed by characters (the search before that change).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { budgetVariants, runKeywordScale } from './run-keyword-scale.js';
import { KEPT_ARCHIVES_FILE, type KeptArchives } from '../keyword-budget/run-keyword-budget.js';

const { values } = parseArgs({
  options: {
    kept: { type: 'string' },
    budgets: { type: 'string' },
    sizes: { type: 'string' },
    out: { type: 'string' },
    examples: { type: 'string' },
    'no-plain': { type: 'boolean' },
    'fts5-ranking': { type: 'boolean' },
    'common-terms-by-characters': { type: 'boolean' },
    range: { type: 'string' },
    help: { type: 'boolean' },
  },
});
const usage =
  'usage: npm run bench:keyword-scale -- --kept DIR [--budgets 2000/50,0.037*N^0.898/50,...] [--sizes 1000000,...] [--examples 30] [--no-plain] [--fts5-ranking] [--common-terms-by-characters] [--range FROM..TO] [--out bench/keyword-scale.json]';
if (values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
if (!values.kept) {
  process.stderr.write(`${usage}\n--kept is required: the folder of npm run bench:keyword-budget -- --keep DIR\n`);
  process.exit(2);
}
const [rangeFrom, rangeTo] = (values.range ?? '').split('..');
const range = values.range ? { from: rangeFrom || undefined, to: rangeTo || undefined } : undefined;
const kept = JSON.parse(fs.readFileSync(path.join(values.kept, KEPT_ARCHIVES_FILE), 'utf8')) as KeptArchives;
const list = (value: string | undefined): string[] => (value ? value.split(',').filter((entry) => entry.trim().length > 0) : []);
const report = await runKeywordScale({
  kept,
  squadFile: path.resolve('data/cmrc2018/cmrc2018_dev.json.gz'),
  variants: budgetVariants(list(values.budgets), values['fts5-ranking'] === true, values['common-terms-by-characters'] === true),
  warmUp: 20,
  examples: Number(values.examples ?? 30),
  plain: values['no-plain'] !== true,
  sizes: list(values.sizes).map(Number),
  range,
  onProgress: (message) => process.stderr.write(`keyword-scale: ${message}\n`),
});
const out = path.resolve(values.out ?? 'bench/keyword-scale.json');
fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
for (const archive of report.archives) {
  const { plain } = archive;
  process.stdout.write(`${archive.chunks} chunks (${archive.questions} questions, gold sentence known for ${archive.goldSentenceKnown}):\n`);
  for (const variant of archive.variants) {
    process.stdout.write(
      `  ${variant.name} (ranked ${variant.budget.rankedPostings}, pool ${variant.budget.rescorePool}): hit@1 ${variant.hitAt1} (${variant.hitAt1WithVariedCopies} with varied copies), hit@5 ${variant.hitAt5} (${variant.hitAt5WithVariedCopies}; ${variant.hitAt5WithoutPerArticleLimit} without the per-article limit), p50 ${variant.latency.p50} ms (stages ${JSON.stringify(variant.stages)}); misses@1 ${JSON.stringify(variant.misses.at1)}, misses@5 ${JSON.stringify(variant.misses.at5)}, distinct candidate texts ${variant.distinctCandidateTexts}\n`,
    );
  }
  if (plain) {
    process.stdout.write(
      `  plain FTS5: hit@1 ${plain.hitAt1} (${plain.hitAt1WithVariedCopies}), hit@5 ${plain.hitAt5} (${plain.hitAt5WithVariedCopies}; ${plain.hitAt5WithPerArticleLimit} with the per-article limit), p50 ${plain.latency.p50} ms\n`,
    );
  }
}
process.stdout.write(`load average ${report.machine.loadAverage} at the start, ${report.loadAverageAtEnd} at the end; report: ${out}\n`);
