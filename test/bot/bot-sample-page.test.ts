// The acceptance suite of issue 3: the real bot from `serve`'s wiring, the real archive of the sample page
// (SQLite + HNSW, EMBEDDING_MODEL=hash), the loopback Bot API; used as a reader and a staff member would.
// NEWSBOT_TRANSCRIPT=<file> writes the exchange as Markdown (docs/telegram.md shows one).
import fs from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { htmlToText } from '../../src/telegram/html-tokens.js';
import { BOT_USERNAME, STAFF_USER_ID, TEST_BOT_TOKEN, startBotHarness, type BotHarness, type BotReply } from './harness.js';
import { expectValidSplit, htmlProblems } from './support/html-validity.js';
import { HTML_ARTICLE, LONG_ARTICLE } from './support/test-articles.js';

const transcript: string[] = [];
function record(who: string, text: string, replies: BotReply[]): void {
  transcript.push(`**${who}:** ${text}`, '');
  if (replies.length === 0) transcript.push('_(no reply: the message is not addressed to the bot)_', '');
  for (const reply of replies) {
    const buttons = reply.buttons
      .flat()
      .map((button) => `[${button.text}]`)
      .join(' ');
    transcript.push(`**@${BOT_USERNAME}:**`, '```', htmlToText(reply.text), '```', ...(buttons ? [`buttons: ${buttons}`] : []), '');
  }
}

describe('the bot on the sample page', () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness({ articles: [HTML_ARTICLE, LONG_ARTICLE] });
  });
  afterAll(async () => {
    await harness?.stop();
    if (process.env.NEWSBOT_TRANSCRIPT) await fs.writeFile(process.env.NEWSBOT_TRANSCRIPT, transcript.join('\n'));
  });

  test('a private question is answered with the right number and a source', async () => {
    const question = '株洲有几个国家中小企业特色产业集群？';
    const replies = await harness.sendPrivateMessage(question, { userId: 5001 });
    record('Reader', question, replies);
    expect(replies).toHaveLength(1);
    const [answer] = replies;
    expect(answer!.text).toContain('3个');
    expect(answer!.text).toMatch(/\[1\]/);
    expect(answer!.text).toContain('<b>来源</b>');
    expect(answer!.text).toContain('2026-04-23');
    expect(answer!.buttons.flat().some((button) => button.text === '[1] 原文')).toBe(true);
    expect(htmlProblems(answer!.text)).toEqual([]);

    const pressed = await harness.pressButton(answer!, '[1] 原文', { userId: 5001 });
    record('Reader presses', '[1] 原文', pressed.replies);
    expect(pressed.callbackAnswer).toBeDefined();
    expect(pressed.replies).toHaveLength(1);
    expect(pressed.replies[0]!.text).toMatch(/<blockquote>[^<]+<\/blockquote>/);
    expect(pressed.replies[0]!.text).toContain('/source ');
  });

  test('an unanswerable question says so and suggests /latest', async () => {
    const question = '株洲市的常住人口有多少？';
    const replies = await harness.sendPrivateMessage(question, { userId: 5002 });
    record('Reader', question, replies);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toContain('没有找到');
    expect(replies[0]!.text).toContain('/latest');
  });

  test('in a group: ignored without a mention, answered with one', async () => {
    const question = '今年要提质升级多少所中小学食堂？';
    const ignored = await harness.sendGroupMessage(question, { userId: 5003 });
    record('Reader in a group', question, ignored);
    expect(ignored).toEqual([]);
    const replies = await harness.sendGroupMessage(`@${BOT_USERNAME} ${question}`, { userId: 5003 });
    record('Reader in a group', `@${BOT_USERNAME} ${question}`, replies);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toContain('54');
    expect(replies[0]!.replyToMessageId).toBeDefined();
  });

  test('an inline query returns a cited answer to post', async () => {
    const query = '体重管理中心2025年精准管理了多少人？';
    const { results } = await harness.sendInlineQuery(query, { userId: 5004 });
    transcript.push(
      `**Reader types in any chat:** @${BOT_USERNAME} ${query}`,
      '',
      '**Inline results:**',
      ...results.map((result) => `- ${String(result.title)} — ${String(result.description)}`),
      '',
    );
    expect(results.length).toBeGreaterThanOrEqual(2);
    const posted = results[0]!.input_message_content as { message_text: string };
    expect(posted.message_text).toContain('154');
    expect(posted.message_text).toContain('[1]');
    expect(typeof results[1]!.title).toBe('string');
  });

  test('staff commands: refused to a reader, served to staff', async () => {
    const refused = await harness.sendPrivateMessage('/stats', { userId: 5005 });
    record('Reader', '/stats', refused);
    expect(refused[0]!.text).toBe('抱歉，这个命令只对本报编辑开放。');
    const stats = await harness.sendPrivateMessage('/stats', { userId: STAFF_USER_ID });
    record('Staff', '/stats', stats);
    const articles = Number(/文章：(\d+)/.exec(stats[0]!.text)?.[1]);
    expect(articles).toBeGreaterThanOrEqual(8);
    const search = await harness.sendPrivateMessage('/search 爱心驿站', { userId: STAFF_USER_ID });
    expect(search[0]!.text).toContain('检索结果');
    expect(search[0]!.text).toMatch(/1\. .+ · \d{4}-\d{2}-\d{2} · \d\.\d{4}/);
  });

  test('an article with HTML special characters renders as text', async () => {
    const [search] = await harness.sendPrivateMessage('/search 市场监管局 网页 script', { userId: STAFF_USER_ID });
    expect(search!.text).toContain('Tom &amp; Jerry &lt;b&gt;粗体&lt;/b&gt; 标题');
    expect(search!.text).toContain('&lt;script&gt;');
    expect(htmlProblems(search!.text)).toEqual([]);
    const [source] = await harness.sendPrivateMessage('/source html-special', { userId: 5006 });
    expect(htmlProblems(source!.text)).toEqual([]);
    expect(htmlToText(source!.text)).toContain('A&B 公司的 <b>标签</b> 和 &amp; 原样显示');
  });

  test('a long /source arrives as several valid messages', async () => {
    const parts = await harness.sendPrivateMessage('/source long-report', { userId: 5007 });
    expectValidSplit(parts, LONG_ARTICLE.paragraphs);
  });

  test('the rate limit (10 a minute) answers the 11th question with "slow down"', async () => {
    const answers: BotReply[][] = [];
    for (let index = 0; index < 11; index += 1) answers.push(await harness.sendPrivateMessage(`株洲国家重点小巨人企业累计多少家？${index}`, { userId: 5008 }));
    expect(answers.slice(0, 10).every((replies) => replies.length === 1 && !replies[0]!.text.includes('太快'))).toBe(true);
    expect(answers[10]![0]!.text).toMatch(/提问太快了/);
  });

  test('a 429 from the Bot API is honoured and the answer still arrives', async () => {
    harness.api.failNext('sendMessage', { errorCode: 429, description: 'Too Many Requests: retry after 1', retryAfterSeconds: 1 });
    const started = Date.now();
    const replies = await harness.sendPrivateMessage('华锐精密集团获得了什么奖项？', { userId: 5009 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toContain('省长质量奖');
    expect(
      harness
        .apiCalls('sendMessage')
        .slice(-2)
        .map((call) => call.status),
    ).toEqual([429, 200]);
  });

  test('English clients get English around the answer', async () => {
    const replies = await harness.sendPrivateMessage('/start', { userId: 5010, languageCode: 'en' });
    record('Reader (English client)', '/start', replies);
    expect(replies[0]!.text).toContain('You could ask:');
    expect(replies[0]!.text.match(/^• /gm)).toHaveLength(3);
  });

  test('the bot token never reaches the chat', () => {
    for (const call of harness.apiCalls()) expect(JSON.stringify(call.payload)).not.toContain(TEST_BOT_TOKEN);
  });
});
