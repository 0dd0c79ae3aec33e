// `newsbot pin`: an editors' answer pinned to a question is served to that question and its rewordings (mode pinned,
// citing the pin's article), not to other questions; unpinned or with its article removed, it is no longer served.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeArticle, openTestArchive } from '../helpers/open-test-archive.js';
import { runCli, temporaryHome } from '../helpers/run-cli.js';

const GYM = makeArticle('gym-renovation', '城南体育馆启动改造', ['城南体育馆今天起闭馆改造，改造内容包括更换看台座椅和维修屋顶。', '施工单位表示，改造期间周边道路照常通行。'], {
  date: '2026-09-01',
  url: 'https://news.example/gym',
});
const METRO = makeArticle('metro-fares', '地铁票价调整方案公布', ['地铁票价调整方案昨日公布，起步价为2元，每站另加0.5元。'], { date: '2026-09-02' });
const PINNED_QUESTION = '城南体育馆什么时候开放？';
const PINNED_ANSWER = '城南体育馆将于10月1日重新开放。';

describe('newsbot pin', () => {
  const home = temporaryHome('newsbot-pin-');
  const env = { NEWSBOT_HOME: home };
  const ask = async (question: string) => (await runCli(['ask', question, '--json'], env)).json();

  beforeAll(async () => {
    const archive = await openTestArchive(home);
    await archive.indexArticles([GYM, METRO]);
    await archive.close();
  }, 60_000);

  afterAll(() => {
    fs.rmSync(home, { recursive: true, force: true });
  });

  test('refuses a pin without a question or answer, or with an unknown article (exit 2)', async () => {
    expect((await runCli(['pin', 'add', '--answer', PINNED_ANSWER], env)).code).toBe(2);
    expect((await runCli(['pin', 'add', '--question', PINNED_QUESTION], env)).code).toBe(2);
    expect((await runCli(['pin', 'add', '--question', ' ', '--answer', PINNED_ANSWER], env)).code).toBe(2);
    const unknown = await runCli(['pin', 'add', '--question', PINNED_QUESTION, '--answer', PINNED_ANSWER, '--article', 'no-such-article'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no-such-article');
    expect((await runCli(['pin', 'remove', 'seven'], env)).code).toBe(2);
    expect((await runCli(['pin', 'list', '--json'], env)).json()).toEqual({ pins: [] });
  });

  test('the pinned question and its rewordings get the pin with its article cited; other questions do not', async () => {
    const before = await ask(PINNED_QUESTION);
    expect(before.mode).not.toBe('pinned');
    const added = await runCli(['pin', 'add', '--question', PINNED_QUESTION, '--answer', PINNED_ANSWER, '--article', GYM.id, '--json'], env);
    expect(added.code).toBe(0);
    const pin = added.json();
    expect(pin).toEqual({ id: expect.any(Number), question: PINNED_QUESTION, answer: PINNED_ANSWER, articleId: GYM.id });
    expect((await runCli(['pin', 'list', '--json'], env)).json()).toEqual({ pins: [pin] });

    for (const question of [PINNED_QUESTION, '城南体育馆哪天开门？', '请问城南体育馆几时对外开放']) {
      const result = await ask(question);
      expect(result, question).toMatchObject({ answered: true, mode: 'pinned', answer: `编辑部答复：${PINNED_ANSWER}[1]` });
      expect(result.citations).toHaveLength(1);
      expect(result.citations[0]).toMatchObject({ n: 1, articleId: GYM.id, title: GYM.title, date: GYM.date, url: GYM.url, chunkId: expect.any(Number) });
      expect(Object.keys(result.citations[0]).sort()).toEqual(['articleId', 'chunkId', 'date', 'n', 'quote', 'source', 'title', 'url']);
    }
    const english = await ask('When does the Chengnan gymnasium open?');
    expect(english.mode).not.toBe('pinned');
    for (const question of ['地铁票价是多少？', '地铁起步价多少钱', '城南菜市场的菜价涨了吗']) expect((await ask(question)).mode, question).not.toBe('pinned');

    const removed = await runCli(['pin', 'remove', String(pin.id), '--json'], env);
    expect(removed.json()).toEqual({ removed: true });
    expect(await ask(PINNED_QUESTION)).toEqual(before);
    const again = await runCli(['pin', 'remove', String(pin.id)], env);
    expect(again.code).toBe(1);
  });

  test('a pin whose article is removed is no longer served, and its questions count as unanswered again in the report', async () => {
    const pin = (await runCli(['pin', 'add', '--question', PINNED_QUESTION, '--answer', PINNED_ANSWER, '--article', GYM.id, '--json'], env)).json();
    const unsourced = (await runCli(['pin', 'add', '--question', '地铁5号线什么时候通车？', '--answer', '5号线计划年底通车。', '--json'], env)).json();
    expect((await ask(PINNED_QUESTION)).mode).toBe('pinned');
    const archive = await openTestArchive(home);
    const logged = { askedAt: new Date(), readerHash: 'reader-a', chatType: 'private', citedChunkIds: [], latencyMs: 5 };
    await archive.state.questionLog.record({ ...logged, question: '地铁5号线什么时候通车？', answered: false, mode: null, citedArticleIds: [] });
    await archive.state.questionLog.record({ ...logged, question: '城南体育馆哪天开门？', answered: true, mode: 'pinned', citedArticleIds: [GYM.id] });
    await archive.close();
    const report = (await runCli(['report', '--json'], env)).json();
    expect(report).toMatchObject({ questions: 2, answered: 1, unanswered: [{ count: 1, example: '地铁5号线什么时候通车？', pinId: unsourced.id }] });
    expect((await runCli(['report'], env)).stdout).toContain(`e.g. "地铁5号线什么时候通车？" (✓ pinned answer #${unsourced.id})`);

    expect((await runCli(['remove', GYM.id], env)).code).toBe(0);
    const afterRemoval = (await runCli(['report', '--json'], env)).json();
    expect(afterRemoval.answered).toBe(0);
    expect(afterRemoval.unanswered).toContainEqual({ keywords: expect.any(Array), count: 1, example: '城南体育馆哪天开门？' });
    const after = await ask(PINNED_QUESTION);
    expect(after.mode).not.toBe('pinned');
    expect(after.answered).toBe(false);
    // Without an article, a pin rests on nothing that can be removed; it cites nothing.
    expect(await ask('5号线地铁哪天开通？')).toMatchObject({ answered: true, mode: 'pinned', answer: '编辑部答复：5号线计划年底通车。', citations: [] });
    // A different line is a different question, however alike the words.
    expect((await ask('地铁3号线什么时候通车？')).mode).not.toBe('pinned');
    const listed = (await runCli(['pin', 'list', '--json'], env)).json();
    expect(listed.pins.map((each: { id: number }) => each.id)).toEqual([pin.id, unsourced.id]);
  });
});
