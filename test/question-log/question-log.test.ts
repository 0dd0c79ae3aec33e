// The question log through the Bot API emulator: what is recorded (and what is not: names), /unanswered for staff,
// 👍/👎 votes, /forget, and retention.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createQuestionLogCleanup } from '../../src/question-log/question-log-cleanup.js';
import { createLogger } from '../../src/log/logger.js';
import { type BotHarness, STAFF_USER_ID, startBotHarness } from '../bot/harness.js';

const ANSWERABLE = '今年要提质升级多少所中小学食堂？';
const UNANSWERABLE = '火星上有没有咖啡馆？';

describe('question log', () => {
  let harness: BotHarness;

  beforeAll(async () => {
    harness = await startBotHarness({ env: { QUESTION_LOG_SECRET: 'test-question-log-secret' } });
  }, 120_000);

  afterAll(async () => {
    await harness?.stop();
  });

  test('a question asked is recorded without the reader’s name; /unanswered lists it for staff and refuses others', async () => {
    await harness.sendPrivateMessage(UNANSWERABLE, { userId: 4001, firstName: 'Secretname' });
    await harness.sendPrivateMessage(`请问${UNANSWERABLE}`, { userId: 4002 });
    const [answer] = await harness.sendPrivateMessage(ANSWERABLE, { userId: 4001 });
    expect(answer!.buttons.flat().map((button) => button.text)).toEqual(expect.arrayContaining(['👍', '👎']));

    const since = new Date(Date.now() - 60_000);
    const logged = await harness.archive.state.questionLog.list({ since });
    expect(logged.map((entry) => [entry.question, entry.answered, entry.chatType])).toEqual([
      [UNANSWERABLE, false, 'private'],
      [`请问${UNANSWERABLE}`, false, 'private'],
      [ANSWERABLE, true, 'private'],
    ]);
    const answered = logged[2]!;
    expect(answered.citedArticleIds.length).toBeGreaterThan(0);
    expect(answered.citedChunkIds.length).toBeGreaterThan(0);
    expect(answered.latencyMs).toBeGreaterThanOrEqual(0);
    expect(answered.readerHash).toBe(logged[0]!.readerHash);
    expect(answered.readerHash).not.toBe(logged[1]!.readerHash);
    expect(answered.readerHash).not.toContain('4001');
    expect(JSON.stringify(logged)).not.toContain('Secretname');

    const [refusal] = await harness.sendPrivateMessage('/unanswered', { userId: 4001 });
    expect(refusal!.text).not.toContain('火星');
    expect(refusal!.text).toContain('编辑');

    const [report] = await harness.sendPrivateMessage('/unanswered 7', { userId: STAFF_USER_ID });
    expect(report!.parseMode).toBe('HTML');
    expect(report!.text).toContain('2 次');
    expect(report!.text).toContain('火星');
    expect(report!.text).toContain('咖啡馆');
    expect(report!.text).not.toContain('爱心驿站？');
  });

  test('👍 then 👎 by one reader counts one vote, a 👎; /stats shows it', async () => {
    const [answer] = await harness.sendPrivateMessage(ANSWERABLE, { userId: 4003 });
    const up = await harness.pressButton(answer!, '👍', { userId: 4003 });
    expect(up.callbackAnswer?.text).toContain('谢谢');
    await harness.pressButton(answer!, '👎', { userId: 4003 });
    const votes = await harness.archive.state.answerFeedback.votes(new Date(Date.now() - 60_000));
    expect(votes.map((vote) => [vote.question, vote.vote])).toEqual([[ANSWERABLE, 'down']]);
    expect(votes[0]!.citedChunkIds.length).toBeGreaterThan(0);

    const [stats] = await harness.sendPrivateMessage('/stats', { userId: STAFF_USER_ID, languageCode: 'en' });
    expect(stats!.text).toContain('0% 👍 (0 👍, 1 👎)');
    expect(stats!.text).toContain(`1 👎 / 0 👍: “${ANSWERABLE}”`);
  });

  test('/forget removes that reader’s questions and votes and nothing else', async () => {
    const [others] = await harness.sendPrivateMessage(ANSWERABLE, { userId: 4005 });
    await harness.pressButton(others!, '👍', { userId: 4005 });
    const [own] = await harness.sendPrivateMessage(ANSWERABLE, { userId: 4004 });
    await harness.pressButton(own!, '👎', { userId: 4004 });
    await harness.sendPrivateMessage(UNANSWERABLE, { userId: 4004 });
    const since = new Date(Date.now() - 60_000);
    const before = await harness.archive.state.questionLog.list({ since });
    const votesBefore = await harness.archive.state.answerFeedback.votes(since);

    const [done] = await harness.sendPrivateMessage('/forget', { userId: 4004, languageCode: 'en' });
    expect(done!.text).toBe('Deleted: 2 logged question(s) and 1 vote(s) of yours.');

    const after = await harness.archive.state.questionLog.list({ since });
    expect(after).toHaveLength(before.length - 2);
    expect(after.filter((entry) => entry.question === UNANSWERABLE)).toHaveLength(before.filter((entry) => entry.question === UNANSWERABLE).length - 1);
    expect(await harness.archive.state.answerFeedback.votes(since)).toHaveLength(votesBefore.length - 1);
    const [again] = await harness.sendPrivateMessage('/forget', { userId: 4004, languageCode: 'en' });
    expect(again!.text).toBe('Deleted: 0 logged question(s) and 0 vote(s) of yours.');
  });

  test('entries past retention are gone after the cleanup runs, with the votes on them', async () => {
    const { questionLog, answerFeedback } = harness.archive.state;
    const old = await questionLog.record({
      askedAt: new Date(Date.now() - 40 * 24 * 60 * 60 * 1000),
      readerHash: 'old-reader',
      chatType: 'private',
      question: '很久以前的问题',
      answered: false,
      mode: null,
      citedArticleIds: [],
      citedChunkIds: [],
      latencyMs: 5,
    });
    await answerFeedback.vote(old, 'old-reader', 'down', new Date(Date.now() - 40 * 24 * 60 * 60 * 1000));
    const recentCount = (await questionLog.list({ since: new Date(Date.now() - 24 * 60 * 60 * 1000) })).length;

    const cleanup = createQuestionLogCleanup(questionLog, { retentionDays: 30, logger: createLogger('silent') });
    expect(await cleanup.runOnce()).toBe(1);
    expect(await questionLog.get(old)).toBeNull();
    expect(await answerFeedback.vote(old, 'someone', 'up', new Date())).toBe(false);
    expect(await questionLog.list({ since: new Date(0) })).toHaveLength(recentCount);
  });

  test('/help states what is logged and how to delete it', async () => {
    const [help] = await harness.sendPrivateMessage('/help', { userId: 4007 });
    expect(help!.text).toContain('/forget');
    expect(help!.text).toContain('不记录姓名或用户名');
    expect(help!.text).toContain('30 天');
  });
});
