// Compares `ask` on two builds of the project, in turns on one kept bench archive (A B A B …, each run a fresh
// process), checks every run's 1,000 answers are the same, and prints medians and the pairs' ratios; from the
// project folder, each build a folder holding its dist/, bench/dist/, bin/, data/, package.json and node_modules:
//   npm run bench:build && node bench/dist/bench/ask-path/compare-builds-cli.js --before <folder> --after <folder> \
//     --home <a copy of the kept home> [--pairs 8] [--out <folder>]
// Opening an archive may write to it (migrations, locks): give a copy of a kept home, not the home itself.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { TimeAnswersResult } from './time-answers.js';
import { summarizePairs } from './summarize-pairs.js';
import { positiveIntegerOption } from './positive-integer-option.js';

const { values } = parseArgs({
  options: { before: { type: 'string' }, after: { type: 'string' }, home: { type: 'string' }, pairs: { type: 'string' }, out: { type: 'string' } },
});
if (!values.before || !values.after || !values.home) {
  process.stderr.write('usage: compare-builds-cli --before <build folder> --after <build folder> --home <NEWSBOT_HOME> [--pairs 8] [--out <folder>]\n');
  process.exit(2);
}
const pairs = positiveIntegerOption('pairs', values.pairs, 8);
const out = path.resolve(values.out ?? fs.mkdtempSync(path.join(os.tmpdir(), 'ask-path-pairs-')));
fs.mkdirSync(out, { recursive: true });
const builds = { before: path.resolve(values.before), after: path.resolve(values.after) } as const;
const runs: Record<keyof typeof builds, TimeAnswersResult[]> = { before: [], after: [] };
let firstAnswers: string | null = null;
for (let pair = 1; pair <= pairs; pair += 1) {
  for (const side of ['before', 'after'] as const) {
    const answersFile = path.join(out, `${side}-${pair}.answers.jsonl`);
    const reportFile = path.join(out, `${side}-${pair}.json`);
    const script = path.join(builds[side], 'bench/dist/bench/ask-path/run-ask-path-cli.js');
    execFileSync(process.execPath, [script, '--home', path.resolve(values.home), '--answers', answersFile, '--out', reportFile], {
      cwd: builds[side],
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    runs[side].push(JSON.parse(fs.readFileSync(reportFile, 'utf8')) as TimeAnswersResult);
    const answers = fs.readFileSync(answersFile, 'utf8');
    firstAnswers ??= answers;
    if (answers !== firstAnswers) {
      process.stderr.write(`the answers of ${side} run ${pair} differ from the first run's: compare ${answersFile}\n`);
      process.exitCode = 1;
    }
    process.stderr.write(`${new Date().toISOString()} ${side} ${pair}/${pairs}: p50 ${runs[side].at(-1)!.ask.p50} ms, load ${os.loadavg()[0]!.toFixed(2)}\n`);
  }
}
const summary = { ...summarizePairs(runs.before, runs.after), answersIdentical: process.exitCode !== 1, runs: out };
process.stdout.write(`${JSON.stringify(summary, null, 1)}\n`);
