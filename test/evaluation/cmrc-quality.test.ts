// Retrieval and answer quality on a fixed slice of the CMRC 2018 dev set (shipped in data/cmrc2018, CC BY-SA 4.0).
// The floors sit a little under the figures measured with the offline embedder (0.874 containsGold, 104.5 characters,
// 0.084 held-out wrong with the fitted answer model, which saw these questions), so a change that makes
// retrieval, answers or abstention clearly worse fails here; `newsbot eval` reports the whole set.
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSquad } from '../../src/evaluation/load-squad.js';
import { sliceSquadSet } from '../../src/evaluation/slice-squad-set.js';
import { runSquadEval } from '../../src/evaluation/run-squad-eval.js';
import { runHeldOutEval } from '../../src/evaluation/run-held-out-eval.js';
import { CMRC_DEV, temporaryHome } from '../helpers/run-cli.js';
import { openTestArchive } from '../helpers/open-test-archive.js';

/** The first passages of the dev set, in file order, with their questions. */
const PASSAGES = 250;

describe('quality on the CMRC 2018 dev set (offline embedder)', () => {
  const homes: string[] = [];
  const set = sliceSquadSet(loadSquad(CMRC_DEV), 0, PASSAGES);
  afterAll(() => {
    for (const home of homes) fs.rmSync(home, { recursive: true, force: true });
  });

  it('finds the passage and answers with the gold text', async () => {
    const home = temporaryHome();
    homes.push(home);
    const archive = await openTestArchive(home);
    try {
      const report = await runSquadEval(archive, set);
      expect(report.questions).toBeGreaterThan(850);
      expect(report.retrieval.hitAt1).toBeGreaterThanOrEqual(0.96);
      expect(report.retrieval.hitAt5).toBeGreaterThanOrEqual(0.98);
      expect(report.answer.containsGold).toBeGreaterThanOrEqual(0.85);
      expect(report.answer.meanChars).toBeLessThanOrEqual(110);
    } finally {
      archive.close();
    }
  }, 120_000);

  it('answers in an archive of three passages as in one of hundreds: no measure reads the size of the archive', async () => {
    // The first 150 passages, each three an archive of their own. 0.869 contains gold, against 0.858 for the whole
    // slice in one archive; 0.806 with stop 38's fit, whose answerability model read the first passage's score margin,
    // which is large only in a small archive (docs/how-it-works.md, "A measure that read the archive's size").
    let questions = 0;
    let containsGold = 0;
    for (let start = 0; start < 150; start += 3) {
      const small = sliceSquadSet(set, start, 3);
      const home = temporaryHome();
      homes.push(home);
      const archive = await openTestArchive(home);
      try {
        const report = await runSquadEval(archive, small);
        questions += report.questions;
        containsGold += report.answer.containsGold * report.questions;
      } finally {
        archive.close();
      }
    }
    expect(questions).toBeGreaterThan(500);
    expect(containsGold / questions).toBeGreaterThanOrEqual(0.84);
  }, 120_000);

  it('abstains on questions whose passage or fact is not in the archive', async () => {
    const home = temporaryHome();
    homes.push(home);
    const archive = await openTestArchive(home);
    try {
      const report = await runHeldOutEval(archive, set, { every: 10 });
      expect(report.questions).toBeGreaterThan(80);
      // Wrong answers only: an answer holding the gold from another passage is right.
      expect(report.wrong).toBeLessThanOrEqual(0.12);
      expect(report.wrong).toBeLessThanOrEqual(report.answered);
      // Questions whose story is in the archive without their fact: 0.42 wrong at stop 38's fit, 0.75 before the
      // answerability model was fitted on such questions.
      expect(report.factLeftOut.questions).toBeGreaterThan(60);
      expect(report.factLeftOut.wrong).toBeLessThanOrEqual(0.5);
    } finally {
      archive.close();
    }
  }, 120_000);
});
