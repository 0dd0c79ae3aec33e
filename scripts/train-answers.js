#!/usr/bin/env node
// Fits the answer step's models (`npm run train:answers`): node scripts/train-answers.js [--set name=file]… [--judge name=file]…
// [--joined name[=judge|also|instead]]… [--facts-left-out fit|judge] [--out file] [--report file]. Without --set it fits on the tuning sets in the repository
// (CMRC 2018 dev, DRCD dev), so a bare clone reproduces the committed src/answer/model/answer-model.json. --judge sets are
// decided by the fit, never fitted on (a set that may not be committed, such as a local news set, is judged this way).
// --joined also asks the fit set `name` with each title's paragraphs joined into one article (reported as name-joined,
// same left-out passages and folds): judge (the default) only reports it, also fits on both archives, instead fits on the
// joined one only. Off by default: see docs/how-it-works.md, "Tried and not adopted". --facts-left-out judge decides the
// questions whose fact was cut out of their passage without fitting on them (fit, the default, fits on them too:
// docs/how-it-works.md, "A fact left out of its story").
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../dist/config/config.js';
import { createLogger } from '../dist/log/logger.js';
import { openArchive } from '../dist/pipeline/open-archive.js';
import { CURVE_THRESHOLDS, trainAnswerModel } from '../dist/evaluation/training/train-answer-model.js';

const root = path.join(path.dirname(new URL(import.meta.url).pathname), '..');
const REPOSITORY_SETS = [
  { name: 'cmrc2018-dev', file: path.join(root, 'data/cmrc2018/cmrc2018_dev.json.gz') },
  { name: 'drcd-dev', file: path.join(root, 'data/drcd/DRCD_dev.json.gz') },
];

const OPTIONS = {
  set: { type: 'string', multiple: true },
  judge: { type: 'string', multiple: true },
  joined: { type: 'string', multiple: true },
  out: { type: 'string', default: path.join(root, 'src/answer/model/answer-model.json') },
  report: { type: 'string' },
  'facts-left-out': { type: 'string', default: 'fit' },
  help: { type: 'boolean', short: 'h' },
};
const USAGE = `usage: node scripts/train-answers.js [--set name=file]… [--judge name=file]… [--joined name[=judge|also|instead]]…
         [--facts-left-out fit|judge] [--out file] [--report file]
Fits the answer step's models on the tuning sets (without --set: CMRC 2018 dev and DRCD dev, in the repository) and
writes them to --out (default src/answer/model/answer-model.json); --judge sets are decided by the fit, never fitted
on; --report writes the cross-validated curve. Run \`npm run build\` first; the comment atop this script says more.
`;
/** Bad usage: the message and exit code 2, as the CLI does. */
const usage = (message) => {
  process.stderr.write(`train-answers: ${message}\n${USAGE}`);
  process.exit(2);
};
const { values } = (() => {
  try {
    return parseArgs({ options: OPTIONS });
  } catch (error) {
    return usage(error.message);
  }
})();
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const named = (entry) => {
  const [name, file] = entry.split('=');
  if (!name || !file) usage(`expected name=file, got ${entry}`);
  return { name, file: path.resolve(file) };
};
const JOINED_USES = ['judge', 'also', 'instead'];
const joinedUses = new Map(
  (values.joined ?? []).map((entry) => {
    const [name, use = 'judge'] = entry.split('=');
    if (!name || !JOINED_USES.includes(use)) usage(`expected --joined name[=${JOINED_USES.join('|')}], got ${entry}`);
    return [name, use];
  }),
);
if (!['fit', 'judge'].includes(values['facts-left-out'])) usage(`expected --facts-left-out fit|judge, got ${values['facts-left-out']}`);
const fitSets = (values.set ? values.set.map(named) : REPOSITORY_SETS).map((set) => (joinedUses.has(set.name) ? { ...set, joined: joinedUses.get(set.name) } : set));
for (const name of joinedUses.keys()) {
  if (!fitSets.some((set) => set.name === name)) usage(`--joined ${name}: no fit set is named ${name} (fit sets: ${fitSets.map((set) => set.name).join(', ')})`);
}
const homes = [];
const openThrowawayArchive = () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-train-'));
  homes.push(home);
  return openArchive(loadConfig({ NEWSBOT_HOME: home, EMBEDDING_MODEL: 'hash', LOG_LEVEL: 'silent' }), createLogger('silent'));
};
try {
  let lastSet = '';
  const result = await trainAnswerModel({
    fitSets,
    judgeSets: (values.judge ?? []).map(named),
    fitFactsLeftOut: values['facts-left-out'] === 'fit',
    openArchive: openThrowawayArchive,
    onProgress: (set, done, total) => {
      if (set !== lastSet || done === total || done % 500 === 0) process.stderr.write(`${set}: ${done}/${total}\n`);
      lastSet = set;
    },
  });
  fs.writeFileSync(values.out, `${JSON.stringify(result.model, null, 2)}\n`);
  if (values.report) fs.writeFileSync(values.report, `${JSON.stringify(result.curve, null, 2)}\n`);
  // The report holds every measured threshold; the printed table the documented ones.
  for (const { threshold, sets } of result.curve.filter(({ threshold }) => CURVE_THRESHOLDS.includes(threshold))) {
    for (const set of sets) {
      process.stdout.write(
        `threshold ${threshold.toFixed(2)}  ${set.set.padEnd(14)} containsGold ${set.containsGold.toFixed(3)}  answered ${set.answered.toFixed(3)}  meanChars ${set.meanChars}  held-out answered ${set.heldOut.answered.toFixed(3)}  wrong ${set.heldOut.wrong.toFixed(3)}  fact left out answered ${set.factLeftOut.answered.toFixed(3)}  wrong ${set.factLeftOut.wrong.toFixed(3)}\n`,
      );
    }
  }
  process.stdout.write(`wrote ${values.out}\n`);
} finally {
  for (const home of homes) fs.rmSync(home, { recursive: true, force: true });
}
