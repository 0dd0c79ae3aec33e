#!/usr/bin/env node
// How the answer step does in small archives (docs/how-it-works.md, "A measure that read the archive's size"): each
// SQuAD-format set is cut into archives of N consecutive passages, each indexed on its own in a temporary home (the
// offline hash embedder), its questions asked there; then the same archives with `eval --held-out`'s passages and facts
// left out within each. Figures summed over the archives: node scripts/eval-small-archives.js <set.json[.gz]>…
// [--passages N] [--json]. Run `npm run build` first. The whole set as one archive is `newsbot eval <set> --held-out`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../dist/config/config.js';
import { createLogger } from '../dist/log/logger.js';
import { openArchive } from '../dist/pipeline/open-archive.js';
import { loadSquad } from '../dist/evaluation/load-squad.js';
import { sliceSquadSet } from '../dist/evaluation/slice-squad-set.js';
import { runSquadEval } from '../dist/evaluation/run-squad-eval.js';
import { runHeldOutEval } from '../dist/evaluation/run-held-out-eval.js';

const USAGE = 'usage: node scripts/eval-small-archives.js <set.json[.gz]>… [--passages N (default 10)] [--json]\n';
const { values, positionals } = (() => {
  try {
    return parseArgs({ options: { passages: { type: 'string', default: '10' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
  } catch (error) {
    process.stderr.write(`eval-small-archives: ${error.message}\n${USAGE}`);
    process.exit(2);
  }
})();
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const passages = Number(values.passages);
if (positionals.length === 0 || !Number.isInteger(passages) || passages < 1) {
  process.stderr.write(USAGE);
  process.exit(2);
}

/** Runs `work` on an archive in a temporary home of its own, removed after. */
async function withArchive(work) {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-small-'));
  const archive = await openArchive(loadConfig({ NEWSBOT_HOME: home, EMBEDDING_MODEL: 'hash', LOG_LEVEL: 'silent' }), createLogger('silent'));
  try {
    return await work(archive);
  } finally {
    await archive.close();
    fs.rmSync(home, { recursive: true, force: true });
  }
}

const reports = [];
for (const file of positionals) {
  const set = loadSquad(file);
  const sums = { archives: 0, questions: 0, containsGold: 0, answered: 0, heldOut: { questions: 0, answered: 0, wrong: 0 }, factLeftOut: { questions: 0, answered: 0, wrong: 0 } };
  const add = (into, report) => {
    into.questions += report.questions;
    into.answered += report.answered * report.questions;
    into.wrong += report.wrong * report.questions;
  };
  for (let start = 0; start < set.articles.length; start += passages) {
    const small = sliceSquadSet(set, start, passages);
    if (small.questions.length === 0) continue;
    const asked = await withArchive((archive) => runSquadEval(archive, small));
    sums.archives += 1;
    sums.questions += asked.questions;
    sums.containsGold += asked.answer.containsGold * asked.questions;
    sums.answered += asked.answer.answered * asked.questions;
    const heldOut = await withArchive((archive) => runHeldOutEval(archive, small, { every: 10 }));
    add(sums.heldOut, heldOut);
    add(sums.factLeftOut, heldOut.factLeftOut);
  }
  const share = (count, total) => (total === 0 ? 0 : Math.round((count / total) * 10000) / 10000);
  const left = (report) => ({ questions: report.questions, answered: share(report.answered, report.questions), wrong: share(report.wrong, report.questions) });
  reports.push({
    set: path.basename(file),
    passagesPerArchive: passages,
    archives: sums.archives,
    questions: sums.questions,
    containsGold: share(sums.containsGold, sums.questions),
    answered: share(sums.answered, sums.questions),
    heldOut: left(sums.heldOut),
    factLeftOut: left(sums.factLeftOut),
  });
}
if (values.json) process.stdout.write(`${JSON.stringify(reports, null, 1)}\n`);
else
  for (const report of reports)
    process.stdout.write(
      `${report.set}: ${report.archives} archives of ${passages} passages, ${report.questions} questions: contains gold ${report.containsGold}, answered ${report.answered}; passage left out: answered ${report.heldOut.answered}, wrong ${report.heldOut.wrong} (${report.heldOut.questions}); fact left out: answered ${report.factLeftOut.answered}, wrong ${report.factLeftOut.wrong} (${report.factLeftOut.questions})\n`,
    );
