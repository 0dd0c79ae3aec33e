#!/usr/bin/env node
// Two answer-model fits compared at equal wrong answers: node scripts/compare-answer-curves.js <before.json> <after.json>
// [--json]. Each file is a report of `node scripts/train-answers.js --report FILE` (same sets and folds). For each set,
// at each threshold from 0.5 to 0.8 of the first fit, the second fit's containsGold at the same share of wrong answers
// to unanswerable questions (passage and fact left out together; read along its curve), minus the first's, in points.
// Run `npm run build` first.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { compareCurves } from '../dist/evaluation/training/compare-curves.js';

const { values, positionals } = parseArgs({ options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
if (values.help || positionals.length !== 2) {
  console.error('usage: node scripts/compare-answer-curves.js <before.json> <after.json> [--json]');
  process.exit(values.help ? 0 : 2);
}
const read = (file) => {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    console.error(`compare-answer-curves: cannot read ${file}: ${error.message}`);
    process.exit(2);
  }
};
const comparisons = compareCurves(read(positionals[0]), read(positionals[1]));
if (values.json) console.log(JSON.stringify(comparisons, null, 2));
else
  for (const { set, points, meanDifference } of comparisons) {
    const at = points.map((point) => `${point.wrong.toFixed(3)}: ${point.difference >= 0 ? '+' : ''}${point.difference.toFixed(1)}`).join('  ');
    console.log(`${set.padEnd(14)} mean ${meanDifference >= 0 ? '+' : ''}${meanDifference.toFixed(2)} points   (wrong: difference) ${at}`);
  }
