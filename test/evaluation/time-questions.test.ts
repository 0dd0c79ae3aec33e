// The time set (data/eval/time-questions.json): SQuAD with a date per passage and a clock per question, so answers in
// time are measured by `newsbot eval` like any other set.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSquad } from '../../src/evaluation/load-squad.js';
import { runSquadEval } from '../../src/evaluation/run-squad-eval.js';
import type { QuestionDetail } from '../../src/evaluation/question-detail.js';
import { EVAL_DIR, temporaryHome } from '../helpers/run-cli.js';
import { openTestArchive } from '../helpers/open-test-archive.js';

describe('the time evaluation set', () => {
  const home = temporaryHome();
  afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

  it('reads passage dates and question clocks, and every answer holds the gold of its time', async () => {
    const set = loadSquad(path.join(EVAL_DIR, 'time-questions.json'));
    expect(set.articles.find((article) => article.id === 'taxi-2025')?.date).toBe('2025-06-18');
    expect(set.questions.every((question) => question.now instanceof Date)).toBe(true);
    const archive = await openTestArchive(home);
    const details: QuestionDetail[] = [];
    try {
      const report = await runSquadEval(archive, set, { onDetail: (detail) => details.push(detail) });
      expect(report.answer.containsGold).toBe(1);
      const answerTo = (question: string): string => details.find((detail) => detail.question === question)?.answer ?? '';
      // A named year answers from that year's report alone; 去年 is read against the question's clock.
      expect(answerTo('2024年全市有多少辆出租车？')).not.toContain('2400');
      expect(answerTo('去年全市有多少辆出租车？')).not.toContain('2600');
    } finally {
      archive.close();
    }
  });
});
