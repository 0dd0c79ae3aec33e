// Times `ask` on a kept bench archive (`newsbot bench --keep` prints its folder), with the bench's own questions, and
// keeps the answers; run from the project folder:
//   npm run bench:ask-path -- --home <kept folder>/home [--questions 1000] [--answers answers.jsonl] [--out report.json]
// Two builds compared: run each build's copy of this script in turns (A B A B …) on the same home.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/log/logger.js';
import { openArchive } from '../../src/pipeline/open-archive.js';
import { loadBenchText } from '../../src/bench/bench-text.js';
import { benchQuestions } from '../../src/bench/bench-questions.js';
import { timeAnswers } from './time-answers.js';
import { positiveIntegerOption } from './positive-integer-option.js';

/** `newsbot bench`'s settings: its questions are drawn from the same seeded pool (warm-up, search, then ask). */
const BENCH = { seed: 7, warmUpQuestions: 20, squad: 'data/cmrc2018/cmrc2018_dev.json.gz', page: 'data/zhuzhou-daily-page.md' } as const;

const { values } = parseArgs({ options: { home: { type: 'string' }, questions: { type: 'string' }, answers: { type: 'string' }, out: { type: 'string' } } });
if (!values.home) {
  process.stderr.write('usage: run-ask-path-cli --home <NEWSBOT_HOME of a kept bench archive> [--questions 1000] [--answers FILE] [--out FILE]\n');
  process.exit(2);
}
const count = positiveIntegerOption('questions', values.questions, 1000);
const cwd = process.cwd();
const text = await loadBenchText({ squadFile: path.resolve(cwd, BENCH.squad), samplePage: path.resolve(cwd, BENCH.page) });
const pool = benchQuestions(text.questions, BENCH.warmUpQuestions + 2 * count, BENCH.seed);
const config = loadConfig({ ...process.env, NEWSBOT_HOME: path.resolve(values.home), EMBEDDING_MODEL: 'hash', LOG_LEVEL: 'silent' }, cwd);
const archive = await openArchive(config, createLogger('silent'));
try {
  const result = await timeAnswers(archive.answerer, {
    warmUp: pool.slice(0, BENCH.warmUpQuestions),
    questions: pool.slice(BENCH.warmUpQuestions + count),
    answersFile: values.answers,
  });
  const report = JSON.stringify(result);
  if (values.out) fs.writeFileSync(values.out, `${report}\n`);
  process.stdout.write(`${report}\n`);
} finally {
  archive.close();
}
