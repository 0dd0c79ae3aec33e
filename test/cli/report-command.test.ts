// `newsbot report`: unanswered questions grouped by shared key words, most frequent first, and reader votes.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { groupUnanswered } from '../../src/report/group-unanswered.js';
import type { LoggedQuestion, QuestionLogEntry } from '../../src/store/question-log-store.js';
import { openTestArchive } from '../helpers/open-test-archive.js';
import { runCli, temporaryHome } from '../helpers/run-cli.js';

const DAY_MS = 24 * 60 * 60 * 1000;

function entry(question: string, answered: boolean, ageMs: number, reader = 'reader-a'): QuestionLogEntry {
  return {
    askedAt: new Date(Date.now() - ageMs),
    readerHash: reader,
    chatType: 'private',
    question,
    answered,
    mode: answered ? 'extractive' : null,
    citedArticleIds: [],
    citedChunkIds: answered ? [1, 2] : [],
    latencyMs: 12,
  };
}

describe('newsbot report', () => {
  const home = temporaryHome('newsbot-report-');

  beforeAll(async () => {
    const archive = await openTestArchive(home);
    const log = archive.state.questionLog;
    await log.record(entry('地铁5号线什么时候通车？', false, 2 * 60_000));
    await log.record(entry('地铁票价是多少？', false, 3 * 60_000, 'reader-b'));
    await log.record(entry('今年地铁新线路有哪些？', false, 4 * 60_000, 'reader-c'));
    await log.record(entry('图书馆几点开门？', false, 5 * 60_000));
    await log.record(entry('十天前没人能答的问题：动物园门票', false, 10 * DAY_MS));
    const answered = await log.record(entry('爱心驿站有多少家？', true, 60_000, 'reader-b'));
    await archive.state.answerFeedback.vote(answered, 'reader-b', 'down', new Date());
    await archive.close();
  }, 60_000);

  afterAll(() => {
    fs.rmSync(home, { recursive: true, force: true });
  });

  test('--json groups the unanswered questions of the period by shared words, most frequent first', async () => {
    const run = await runCli(['report', '--since', '7d', '--json'], { NEWSBOT_HOME: home });
    expect(run.code).toBe(0);
    const report = run.json();
    expect(report.questions).toBe(5);
    expect(report.answered).toBe(1);
    expect(report.unanswered[0]).toEqual({ keywords: ['地铁'], count: 3, example: '地铁5号线什么时候通车？' });
    expect(report.unanswered.slice(1).map((group: { count: number }) => group.count)).toEqual([1]);
    expect(JSON.stringify(report)).not.toContain('动物园');
    expect(report.feedback.weeks).toHaveLength(1);
    expect(report.feedback.weeks[0]).toMatchObject({ up: 0, down: 1, upShare: 0 });
    expect(report.feedback.mostDisliked[0]).toMatchObject({ question: '爱心驿站有多少家？', down: 1, citedChunkIds: [1, 2] });
  });

  test('the text report and a bad --since', async () => {
    const run = await runCli(['report', '--since', '30d'], { NEWSBOT_HOME: home });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('3× 地铁');
    expect(run.stdout).toContain('动物园');
    const bad = await runCli(['report', '--since', 'yesterday'], { NEWSBOT_HOME: home });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--since');
  });
});

test('identical questions without key words still group by their text', () => {
  const asked = (question: string, id: number): LoggedQuestion => ({ ...entry(question, false, id * 1000), id });
  const groups = groupUnanswered([asked('？', 1), asked('？', 2), asked('谁？', 3)]);
  expect(groups[0]).toEqual({ keywords: [], count: 2, example: '？' });
});
