// Questions that fit several stories, through the real bot and the Bot API emulator: the answer names the other
// stories (另有报道) with a button each, the button answers about its story for the reader who asked only (bound to
// them and their chat as a private "more results" key is), it is rate-limited by the one guard, and /forget erases
// it. Follow-ups favour the previous answer's story and resolve 她 to the person it named. Invented articles beside
// the sample page (which gives the archive realistic word weights).
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createReaderKeys } from '../../../src/question-log/reader-keys.js';
import { htmlToText } from '../../../src/telegram/html-tokens.js';
import { makeArticle } from '../fake-archive.js';
import { GROUP_CHAT_ID, startBotHarness, type BotHarness, type BotReply } from '../harness.js';
import { htmlProblems } from '../support/html-validity.js';

const ARTICLES = [
  makeArticle({
    id: 'north-attack',
    title: '北城商场发生持刀袭击',
    date: '2025-03-02',
    paragraphs: ['3月1日晚，北城商场发生一起持刀袭击事件。', '袭击造成5人死亡，8人受伤。警方已控制嫌疑人。'],
  }),
  makeArticle({
    id: 'south-attack',
    title: '南港车站遇袭 <追踪> & 回应',
    date: '2025-04-18',
    paragraphs: ['4月17日上午，南港火车站广场发生袭击事件，袭击造成3人死亡，另有12人受伤。', '受伤人员已送往南港市人民医院救治，受伤群众情绪稳定。'],
  }),
  makeArticle({
    id: 'teacher-award',
    title: '青年教师奖揭晓',
    date: '2025-06-01',
    paragraphs: ['本届青年教师奖的获奖者是市实验小学教师王晓梅。', '她从教十年，所带班级多次获评优秀班集体。'],
  }),
  makeArticle({ id: 'teacher-move', title: '优秀教师交流轮岗', date: '2025-09-01', paragraphs: ['今年秋季，王晓梅后来去了河城第一中学任教，担任语文教研组长。'] }),
  makeArticle({
    id: 'other-teacher',
    title: '退休教师发挥余热',
    date: '2025-07-01',
    paragraphs: ['退休教师李建国后来去了河城师范学校，从事教师培训工作。'],
  }),
];

const storyButton = /^story:/;
const SECRET = 'other-stories-test-reader-secret';

function callbackDataOf(reply: BotReply, pattern: RegExp): string[] {
  return reply.buttons.flat().flatMap((button) => (button.callbackData && pattern.test(button.callbackData) ? [button.callbackData] : []));
}

describe('questions that fit several stories, in the bot', () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness({ articles: ARTICLES, env: { RATE_LIMIT_PER_MINUTE: '4', QUESTION_LOG_SECRET: SECRET } });
  });
  afterAll(async () => {
    await harness?.stop();
  });

  test('the answer names the other story under it, escaped, with a button to ask about it', async () => {
    const [reply] = await harness.sendPrivateMessage('袭击造成多少人死亡？', { userId: 7301 });
    const text = htmlToText(reply!.text);
    expect(text).toContain('5人死亡');
    expect(text).not.toContain('3人死亡，另有12人受伤。[');
    expect(text).toContain('另有报道：');
    expect(text).toContain('《南港车站遇袭 <追踪> & 回应》（2025-04-18）：');
    expect(reply!.text).toContain('南港车站遇袭 &lt;追踪&gt; &amp; 回应');
    expect(htmlProblems(reply!.text)).toEqual([]);
    const [data, ...more] = callbackDataOf(reply!, storyButton);
    expect(more).toEqual([]);
    expect(Buffer.byteLength(data!, 'utf8')).toBeLessThanOrEqual(64);
    expect(reply!.buttons.flat().find((button) => button.callbackData === data)?.text).toMatch(/^问《南港车站遇袭/);
  });

  test('in English the other stories come under "Other reports:"', async () => {
    const [reply] = await harness.sendPrivateMessage('袭击造成多少人死亡？', { userId: 7302, languageCode: 'en' });
    const text = htmlToText(reply!.text);
    expect(text).toContain('Other reports:');
    expect(text).toContain('“南港车站遇袭 <追踪> & 回应” (2025-04-18): ');
    expect(reply!.buttons.flat().some((button) => button.text.startsWith('Ask about “南港车站遇袭'))).toBe(true);
  });

  test('a question that names the place gets no other story', async () => {
    const [reply] = await harness.sendPrivateMessage('北城商场袭击造成多少人死亡？', { userId: 7303 });
    expect(htmlToText(reply!.text)).toContain('5人死亡');
    expect(htmlToText(reply!.text)).not.toContain('另有报道');
    expect(callbackDataOf(reply!, storyButton)).toEqual([]);
  });

  test("in a group, another reader's press gets nothing; the asker's press answers about that story alone", async () => {
    const [answer] = await harness.sendGroupMessage('@TestNameBot 袭击造成多少人死亡？', { userId: 7304 });
    const [data] = callbackDataOf(answer!, storyButton);
    const stranger = await harness.pressButton(answer!, data!, { userId: 7305 });
    expect(stranger.replies).toEqual([]);
    // The same reply as an unknown or old key: a press tells nobody whose button it is.
    expect(stranger.callbackAnswer?.text).toBe('这个按钮已过期，请重新提问。');
    expect(JSON.stringify(stranger.callbackAnswer)).not.toMatch(/袭击|南港/);

    const asker = await harness.pressButton(answer!, data!, { userId: 7304 });
    expect(asker.replies).toHaveLength(1);
    const [about] = asker.replies;
    const text = htmlToText(about!.text);
    expect(text).toMatch(/^↪ 《南港车站遇袭 <追踪> & 回应》：袭击造成多少人死亡？/);
    expect(text).toContain('3人死亡');
    expect(text).not.toContain('5人死亡');
    expect(text).not.toContain('北城商场发生持刀袭击');
    expect(htmlProblems(about!.text)).toEqual([]);
    expect(about!.chatId).toBe(GROUP_CHAT_ID);
    expect(about!.replyToMessageId).toBe(answer!.messageId);
  });

  test('a follow-up favours the story of the previous answer: after the button, "那受伤的呢？" stays with 南港', async () => {
    const [answer] = await harness.sendPrivateMessage('袭击造成多少人死亡？', { userId: 7306 });
    const { replies } = await harness.pressButton(answer!, storyButton, { userId: 7306 });
    expect(htmlToText(replies[0]!.text)).toContain('3人死亡');
    // The premise: asked on its own, the rewritten follow-up finds the 北城 story first.
    const resolved = '受伤 袭击造成多少人死亡？';
    expect((await harness.archive.retriever.search(resolved, { k: 2 }))[0]?.articleId).toBe('north-attack');

    const [followUp] = await harness.sendPrivateMessage('那受伤的呢？', { userId: 7306 });
    const text = htmlToText(followUp!.text);
    expect(text).toContain(`↪ ${resolved}`);
    expect(text).toContain('12人受伤');
    expect(text.split('来源')[0]).not.toContain('8人受伤');
  });

  test('a pronoun follow-up means the person the previous answer named', async () => {
    const [first] = await harness.sendPrivateMessage('青年教师奖的获奖者是谁？', { userId: 7307 });
    expect(htmlToText(first!.text)).toContain('王晓梅');
    // What the answer step is asked: the fitted answerability model gives the answer on this archive of five invented
    // articles a confidence under the default 2/3 (a miss noted in issue 21), so the rewrite is checked where it goes.
    const asked: string[] = [];
    const answerer = harness.archive.answerer;
    const original = answerer.answer.bind(answerer);
    answerer.answer = (question, options) => {
      asked.push(question);
      return original(question, options);
    };
    try {
      await harness.sendPrivateMessage('她后来去了哪所学校？', { userId: 7307 });
    } finally {
      answerer.answer = original;
    }
    expect(asked).toContain('王晓梅后来去了哪所学校？');
  });

  test('presses count against the rate limit; /forget erases the button and the follow-up context', async () => {
    const [answer] = await harness.sendPrivateMessage('袭击造成多少人死亡？', { userId: 7308 });
    const data = callbackDataOf(answer!, storyButton)[0]!;
    // The limit is 4 a minute here: the question and three presses; the fourth press is refused (by the one guard in
    // front of every feature, with a short alert and nothing posted).
    for (let press = 1; press <= 3; press += 1) expect(htmlToText((await harness.pressButton(answer!, data, { userId: 7308 })).replies[0]!.text)).toContain('3人死亡');
    const refused = await harness.pressButton(answer!, data, { userId: 7308 });
    expect(refused.replies).toEqual([]);
    expect(refused.callbackAnswer?.text).toMatch(/提问太快了/);

    const [another] = await harness.sendPrivateMessage('袭击造成多少人死亡？', { userId: 7309 });
    await harness.sendPrivateMessage('/forget', { userId: 7309 });
    const expired = await harness.pressButton(another!, storyButton, { userId: 7309 });
    expect(expired.replies).toEqual([]);
    expect(expired.callbackAnswer?.text).toBe('这个按钮已过期，请重新提问。');
    const [afterForget] = await harness.sendPrivateMessage('那受伤的呢？', { userId: 7309 });
    expect(htmlToText(afterForget!.text)).not.toContain('↪');
  });

  test('a story button is kept under the keyed hashes of its chat and reader, never their ids, and /forget erases it', async () => {
    const database = (harness.archive.store as unknown as { database: Database.Database }).database;
    const keys = createReaderKeys(SECRET);
    // Ten digits, as Telegram user ids now have: a chance match inside a hash or a timestamp is one in billions.
    const userId = 7356207310;
    const stored = () =>
      database.prepare('SELECT * FROM remembered_questions WHERE reader_hash = ? AND article_id IS NOT NULL').all(keys.reader(userId)) as Record<string, unknown>[];
    const [answer] = await harness.sendPrivateMessage('袭击造成多少人死亡？', { userId });
    expect(callbackDataOf(answer!, storyButton)).toHaveLength(1);
    expect(stored()).toMatchObject([{ chat_hash: keys.chat(userId), reader_only: 1, article_id: 'south-attack' }]);
    for (const table of ['remembered_questions', 'conversation_contexts']) {
      const rows = (database.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[]).map((row) => Object.values(row).join(' '));
      expect(
        rows.filter((row) => row.includes(String(userId))),
        table,
      ).toEqual([]);
    }
    await harness.sendPrivateMessage('/forget', { userId });
    expect(stored()).toEqual([]);
  });
});
