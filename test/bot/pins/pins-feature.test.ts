// Staff pin editors' answers through the Bot API emulator: `/pin`, `/pin` as a reply to the question, `/pins`,
// `/unpin`; readers asking the same thing get the pin; others cannot pin; `/unanswered` shows what a pin answers.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeArticle } from '../../helpers/open-test-archive.js';
import { type BotHarness, type BotReply, GROUP_CHAT_ID, STAFF_USER_ID, startBotHarness } from '../harness.js';

const READER = 8301;
const OTHER_READER = 8302;
const GYM = makeArticle('gym-renovation', '城南体育馆启动改造', ['城南体育馆今天起闭馆改造，改造内容包括更换看台座椅和维修屋顶。'], {
  date: '2026-09-01',
  url: 'https://news.example/gym',
});
const METRO = makeArticle('metro-fares', '地铁票价调整方案公布', ['地铁票价调整方案昨日公布，起步价为2元。'], { date: '2026-09-02' });
const plain = (reply: BotReply): string => reply.text.replace(/<[^>]+>/g, '');

describe('/pin, /pins, /unpin', () => {
  let harness: BotHarness;

  beforeAll(async () => {
    harness = await startBotHarness({ ingestSamplePage: false, articles: [GYM, METRO], env: { RATE_LIMIT_PER_MINUTE: '1000' } });
  }, 120_000);

  afterAll(async () => {
    await harness?.stop();
  });

  test('a reader who is not staff cannot pin, list or unpin', async () => {
    for (const command of [`/pin 城南体育馆什么时候开放？ | 10月1日 | ${GYM.id}`, '/pins', '/unpin 1']) {
      const [reply] = await harness.sendPrivateMessage(command, { userId: READER });
      expect(reply!.text, command).toContain('只对本报编辑开放');
    }
    expect(await harness.archive.state.pins.list()).toEqual([]);
  });

  test('staff pin an answer; the question and a rewording get it with the article cited; /unanswered marks the group', async () => {
    // What the question log holds for a question the archive could not answer (the bot records it so).
    await harness.archive.state.questionLog.record({
      askedAt: new Date(),
      readerHash: 'reader-hash',
      chatType: 'private',
      question: '城南体育馆什么时候开放？',
      answered: false,
      mode: null,
      citedArticleIds: [],
      citedChunkIds: [],
      latencyMs: 5,
    });
    const [before] = await harness.sendPrivateMessage('/unanswered', { userId: STAFF_USER_ID });
    expect(plain(before!)).toContain('例：“城南体育馆什么时候开放？”');
    expect(plain(before!)).not.toContain('已置顶');
    const [pinned] = await harness.sendPrivateMessage(`/pin 城南体育馆什么时候开放？ | 城南体育馆将于10月1日重新开放。 | ${GYM.id}`, { userId: STAFF_USER_ID });
    expect(plain(pinned!)).toMatch(/^已置顶编辑部答复 #\d+：“城南体育馆什么时候开放？”，出处《城南体育馆启动改造》/);

    const [answer] = await harness.sendPrivateMessage('城南体育馆哪天开门？', { userId: OTHER_READER });
    expect(plain(answer!)).toContain('编辑部答复：城南体育馆将于10月1日重新开放。');
    expect(answer!.text).toContain('城南体育馆启动改造');
    const [unrelated] = await harness.sendPrivateMessage('地铁票价是多少？', { userId: OTHER_READER });
    expect(unrelated!.text).not.toContain('编辑部答复');

    const [report] = await harness.sendPrivateMessage('/unanswered', { userId: STAFF_USER_ID });
    const pinId = (await harness.archive.state.pins.list())[0]!.id;
    expect(plain(report!)).toContain(`例：“城南体育馆什么时候开放？” ✓ 已置顶答复 #${pinId}`);
  });

  test('/pin as a reply takes the question from the replied message; /pins lists, escaped; /unpin removes', async () => {
    const question: BotReply = { messageId: 99_001, chatId: GROUP_CHAT_ID, text: '3 次 <b>地铁</b> — 例：“地铁5号线什么时候通车？”', buttons: [], raw: {} };
    const [pinned] = await harness.sendGroupMessage('/pin 5号线计划年底通车 <试运行> | ', { userId: STAFF_USER_ID, replyTo: question });
    expect(plain(pinned!)).toMatch(/^已置顶编辑部答复 #\d+：“地铁5号线什么时候通车？”。/);
    const [list] = await harness.sendPrivateMessage('/pins', { userId: STAFF_USER_ID, languageCode: 'en' });
    expect(list!.text).toContain('5号线计划年底通车 &lt;试运行&gt;');
    expect(list!.text).toContain(`(article <code>${GYM.id}</code>)`);
    const [answer] = await harness.sendPrivateMessage('5号线地铁哪天开通？', { userId: READER });
    expect(answer!.text).toContain('编辑部答复：5号线计划年底通车 &lt;试运行&gt;');

    const id = (await harness.archive.state.pins.list()).find((pin) => pin.question === '地铁5号线什么时候通车？')!.id;
    const [unpinned] = await harness.sendPrivateMessage(`/unpin ${id}`, { userId: STAFF_USER_ID });
    expect(unpinned!.text).toBe(`已取消置顶 #${id}。`);
    const [again] = await harness.sendPrivateMessage(`/unpin ${id}`, { userId: STAFF_USER_ID });
    expect(again!.text).toBe(`没有置顶答复 #${id}。`);
    const [after] = await harness.sendPrivateMessage('5号线地铁哪天开通？', { userId: READER });
    expect(after!.text).not.toContain('编辑部答复');
  });

  test('usage and problems are explained: no answer, an unknown article', async () => {
    const [usage] = await harness.sendPrivateMessage('/pin', { userId: STAFF_USER_ID });
    expect(usage!.text).toContain('用法');
    const [unknown] = await harness.sendPrivateMessage('/pin 问题？ | 答案 | <no-such>', { userId: STAFF_USER_ID });
    expect(unknown!.text).toContain('资料库中没有编号为 <code>&lt;no-such&gt;</code> 的文章');
    const [unpinUsage] = await harness.sendPrivateMessage('/unpin seven', { userId: STAFF_USER_ID });
    expect(unpinUsage!.text).toContain('/unpin 编号');
  });
});
