// The real bot (startServer wiring) against the loopback Bot API, over a small in-memory archive:
// behaviour that does not depend on retrieval quality.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { htmlToText } from '../../src/telegram/html-tokens.js';
import { createFakeArchive } from './fake-archive.js';
import { BOT_USERNAME, GROUP_CHAT_ID, STAFF_USER_ID, TEST_BOT_TOKEN, startBotHarness, type BotHarness } from './harness.js';
import { expectValidSplit, htmlProblems } from './support/html-validity.js';
import { HTML_ARTICLE, LONG_ARTICLE, STATION_ARTICLE } from './support/test-articles.js';

const ARTICLES = [STATION_ARTICLE, HTML_ARTICLE, LONG_ARTICLE];

describe('bot over a fake archive', () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness({ openArchive: (env) => createFakeArchive(ARTICLES, { env }), env: { RATE_LIMIT_PER_MINUTE: '5', MAX_QUESTION_CHARS: '80' } });
  });
  afterAll(async () => {
    await harness?.stop();
  });

  test('registers its commands in Chinese and English', () => {
    const menus = harness.apiCalls('setMyCommands').map((call) => call.payload);
    const publicZh = menus.find((menu) => !menu.language_code && !menu.scope) as { commands: Array<{ command: string }> };
    const publicCommands = publicZh.commands.map((item) => item.command);
    expect(publicCommands.slice(0, 5)).toEqual(['start', 'help', 'ask', 'latest', 'source']);
    expect(publicCommands).not.toContain('stats');
    expect(publicCommands).not.toContain('search');
    const publicEn = menus.find((menu) => menu.language_code === 'en' && !menu.scope) as { commands: Array<{ command: string; description: string }> };
    expect(publicEn.commands.map((item) => item.command)).toEqual(publicCommands);
    const descriptionOf = (menu: { commands: Array<{ command: string; description?: string }> }, command: string) =>
      menu.commands.find((item) => item.command === command)?.description;
    expect(descriptionOf(publicZh, 'source')).toMatch(/[\u4e00-\u9fff]/);
    expect(descriptionOf(publicEn, 'source')).toMatch(/^[\x20-\x7e]+$/);
    // The menu button opens the command list, which Telegram shows in the reader's language.
    expect(harness.apiCalls('setChatMenuButton').map((call) => call.payload)).toContainEqual({ menu_button: { type: 'commands' } });
    const staff = menus.find((menu) => (menu.scope as { chat_id?: number } | undefined)?.chat_id === STAFF_USER_ID) as { commands: Array<{ command: string }> };
    expect(staff.commands.map((item) => item.command)).toContain('stats');
  });

  test('a private question gets a cited answer, a typing indicator and source buttons', async () => {
    const actionsBefore = harness.apiCalls('sendChatAction').length;
    const [reply, ...rest] = await harness.sendPrivateMessage('株洲今年新建多少家爱心驿站？', { userId: 2001 });
    expect(rest).toEqual([]);
    expect(reply!.parseMode).toBe('HTML');
    expect(reply!.text).toContain('80家爱心驿站');
    expect(reply!.text).toContain('[1]');
    expect(reply!.text).toContain('<a href="https://www.zznews.gov.cn/news/2026/0423/care-stations.html">株洲今年新建80家爱心驿站</a> · 2026-04-23');
    expect(reply!.buttons.flat().map((button) => button.text)).toEqual(['[1] 原文', '更多结果', '关注此话题', '👍', '👎']);
    const typing = harness.apiCalls('sendChatAction').slice(actionsBefore);
    expect(typing.map((call) => call.payload.action)).toContain('typing');
  });

  test('a source button shows the cited passage; "more results" lists other passages', async () => {
    const [answer] = await harness.sendPrivateMessage('株洲今年新建多少家爱心驿站？', { userId: 2002 });
    const pressed = await harness.pressButton(answer!, /\[1\]/, { userId: 2002 });
    expect(pressed.callbackAnswer).toBeDefined();
    expect(pressed.replies).toHaveLength(1);
    expect(pressed.replies[0]!.text).toContain('<blockquote>株洲今年将新建80家爱心驿站，方便户外劳动者歇脚。</blockquote>');
    expect(pressed.replies[0]!.replyToMessageId).toBe(answer!.messageId);
    const more = await harness.pressButton(answer!, '更多结果', { userId: 2002 });
    expect(more.replies).toHaveLength(1);
    expect(more.replies[0]!.text).toMatch(/更多结果|没有更多结果/);
  });

  test('says so when the archive has nothing, suggesting a rephrase or /latest', async () => {
    const [reply] = await harness.sendPrivateMessage('火星上有没有咖啡馆？', { userId: 2003 });
    expect(reply!.text).toContain('没有找到');
    expect(reply!.text).toContain('/latest');
    expect(reply!.buttons).toEqual([]);
  });

  test('speaks English to English clients', async () => {
    const [reply] = await harness.sendPrivateMessage('Is there a cafe on Mars?', { userId: 2004, languageCode: 'en' });
    expect(reply!.text).toContain('Try rephrasing');
    expect(reply!.text).toContain('/latest');
  });

  test('in groups: ignores plain messages, answers mentions, replies to the bot and /ask', async () => {
    const ignored = await harness.sendGroupMessage('株洲今年新建多少家爱心驿站？', { userId: 2005 });
    expect(ignored).toEqual([]);
    const [mentioned] = await harness.sendGroupMessage(`@${BOT_USERNAME} 株洲今年新建多少家爱心驿站？`, { userId: 2005 });
    expect(mentioned!.chatId).toBe(GROUP_CHAT_ID);
    expect(mentioned!.text).toContain('80家');
    expect(mentioned!.replyToMessageId).toBeDefined();
    const [followUp] = await harness.sendGroupMessage('爱心驿站提供什么服务？', { userId: 2006, replyTo: mentioned });
    expect(followUp!.text).toContain('饮水');
    const [asked] = await harness.sendGroupMessage(`/ask@${BOT_USERNAME} 爱心驿站提供什么服务？`, { userId: 2007 });
    expect(asked!.text).toContain('饮水');
    const [usage] = await harness.sendGroupMessage('/ask', { userId: 2007 });
    expect(usage!.text).toContain('/ask');
  });

  test('inline queries return the cited answer and its articles', async () => {
    const { results, payload } = await harness.sendInlineQuery('爱心驿站 新建多少家', { userId: 2008 });
    expect(payload.cache_time).toBeLessThanOrEqual(60);
    expect(results[0]!.type).toBe('article');
    const posted = results[0]!.input_message_content as { message_text: string; parse_mode: string };
    expect(posted.parse_mode).toBe('HTML');
    expect(posted.message_text).toContain('[1]');
    expect(results.some((result) => result.title === '株洲今年新建80家爱心驿站')).toBe(true);
    const latest = await harness.sendInlineQuery('', { userId: 2008 });
    expect(latest.results.length).toBeGreaterThan(0);
    const nothing = await harness.sendInlineQuery('火星咖啡馆', { userId: 2008 });
    expect(nothing.results).toEqual([]);
    expect(nothing.payload.button).toEqual({ text: '没有找到相关文章：私聊提问', start_parameter: 'inline' });
  });

  test('staff commands: refused politely to others, served to staff', async () => {
    const [refusal] = await harness.sendPrivateMessage('/stats', { userId: 2009 });
    expect(refusal!.text).toContain('只对本报编辑开放');
    expect(refusal!.text).not.toMatch(/\d/);
    const [searchRefusal] = await harness.sendPrivateMessage('/search 爱心驿站', { userId: 2009 });
    expect(searchRefusal!.text).toBe(refusal!.text);
    const [stats] = await harness.sendPrivateMessage('/stats', { userId: STAFF_USER_ID });
    expect(stats!.text).toContain('文章：3');
    const [search] = await harness.sendPrivateMessage('/search 爱心驿站', { userId: STAFF_USER_ID });
    expect(search!.text).toContain('检索结果');
    expect(search!.text).toContain('2026-04-23');
  });

  test('article text with HTML special characters renders as text', async () => {
    const [answer] = await harness.sendPrivateMessage('市场监管局提醒网页中的脚本会执行吗？', { userId: 2010 });
    expect(answer!.text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(answer!.text).toContain('A&amp;B');
    expect(answer!.text).toContain('Tom &amp; Jerry &lt;b&gt;粗体&lt;/b&gt; 标题');
    expect(answer!.text).toContain('href="https://news.example.com/a?x=1&amp;y=%3C2%3E"');
    expect(htmlProblems(answer!.text)).toEqual([]);
    const source = await harness.sendPrivateMessage('/source html-special', { userId: 2010 });
    expect(source).toHaveLength(1);
    expect(htmlProblems(source[0]!.text)).toEqual([]);
    expect(htmlToText(source[0]!.text)).toContain('<script>alert("x")</script>');
  });

  test('a long /source is split into several valid messages that keep all the text', async () => {
    const parts = await harness.sendPrivateMessage('/source long-report', { userId: 2011 });
    expectValidSplit(parts, LONG_ARTICLE.paragraphs);
    expect(parts[1]!.text.startsWith('第')).toBe(true);
  });

  test('/latest numbers the newest articles and /source <n> opens one; /start shows examples', async () => {
    const [latest] = await harness.sendPrivateMessage('/latest', { userId: 2012 });
    expect(latest!.text).toContain('1. <a href="https://www.zznews.gov.cn/news/2026/0423/care-stations.html">');
    const [first] = await harness.sendPrivateMessage('/source 1', { userId: 2012 });
    expect(first!.text).toContain('<b>株洲今年新建80家爱心驿站</b>');
    const [start] = await harness.sendPrivateMessage('/start', { userId: 2012 });
    expect(start!.text).toContain('可以这样问');
    expect(start!.text.match(/^• /gm)).toHaveLength(3);
    const [notFound] = await harness.sendPrivateMessage('/source 99', { userId: 2012 });
    expect(notFound!.text).toContain('没有找到文章');
  });

  test('too long questions are refused politely', async () => {
    const [reply] = await harness.sendPrivateMessage('问'.repeat(81), { userId: 2013 });
    expect(reply!.text).toContain('最多 80 个字');
  });

  test('rate limit: a friendly "slow down" once, then silence until the window frees', async () => {
    const replies = [];
    for (let index = 0; index < 7; index += 1) replies.push(await harness.sendPrivateMessage(`爱心驿站第${index}问`, { userId: 2014 }));
    expect(replies.slice(0, 5).every((reply) => reply.length === 1 && !reply[0]!.text.includes('太快'))).toBe(true);
    expect(replies[5]![0]!.text).toMatch(/提问太快了，请 \d+ 秒后再试/);
    expect(replies[6]).toEqual([]);
    const [otherUser] = await harness.sendPrivateMessage('株洲今年新建多少家爱心驿站？', { userId: 2015 });
    expect(otherUser!.text).toContain('80家');
  });

  test('a 429 from the Bot API is retried after retry_after', async () => {
    harness.api.failNext('sendMessage', { errorCode: 429, description: 'Too Many Requests: retry after 1', retryAfterSeconds: 1 });
    const started = Date.now();
    const [reply] = await harness.sendPrivateMessage('株洲今年新建多少家爱心驿站？', { userId: 2016 });
    expect(reply!.text).toContain('80家');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    const sends = harness.apiCalls('sendMessage').slice(-2);
    expect(sends.map((call) => call.status)).toEqual([429, 200]);
  });

  test('an unknown command in a private chat gets the help text; /help lists staff commands to staff only', async () => {
    const [reply] = await harness.sendPrivateMessage('/frobnicate', { userId: 2017 });
    expect(reply!.text).toContain('/latest — 最新文章');
    const [help] = await harness.sendPrivateMessage('/help', { userId: 2017 });
    expect(help!.text).toBe(reply!.text);
    expect(help!.text).toContain('/digest');
    expect(help!.text).not.toContain('/stats');
    const [staffHelp] = await harness.sendPrivateMessage('/help', { userId: STAFF_USER_ID, languageCode: 'en' });
    expect(staffHelp!.text).toContain('<b>Staff only</b>');
    expect(staffHelp!.text).toContain('/stats — Archive size, last ingest and reader votes');
    expect(help!.text).toContain('/forget');
    expect(staffHelp!.text).toContain('never your name or username');
  });

  test('the token never appears in what the bot sends', () => {
    for (const call of harness.apiCalls()) expect(JSON.stringify(call.payload)).not.toContain(TEST_BOT_TOKEN.split(':')[1]);
  });
});

describe('bot failures', () => {
  test('a slow answer gets the localized "took too long" reply', async () => {
    const harness = await startBotHarness({
      openArchive: (env) => createFakeArchive(ARTICLES, { env, answerDelayMs: 1_500 }),
      env: { HANDLER_TIMEOUT_MS: '200' },
    });
    try {
      const [reply] = await harness.sendPrivateMessage('株洲今年新建多少家爱心驿站？');
      expect(reply!.text).toContain('用时太长');
      const [english] = await harness.sendPrivateMessage('How many stations?', { userId: 3001, languageCode: 'en-US' });
      expect(english!.text).toContain('took too long');
    } finally {
      await harness.stop();
    }
  });

  test('an error inside a handler is logged and answered with "something went wrong", without internals', async () => {
    const secretDetail = 'SQLITE_CORRUPT at /var/lib/newsbot/newsbot.db';
    const harness = await startBotHarness({ openArchive: (env) => createFakeArchive(ARTICLES, { env, answerError: new Error(secretDetail) }) });
    try {
      const [reply] = await harness.sendPrivateMessage('株洲今年新建多少家爱心驿站？');
      expect(reply!.text).toBe('抱歉，出了点问题，请稍后再试。');
      expect(reply!.text).not.toContain('SQLITE');
      const [stillWorks] = await harness.sendPrivateMessage('/latest');
      expect(stillWorks!.text).toContain('最新文章');
    } finally {
      await harness.stop();
    }
  });

  test('the token never appears in a log line, even when an error message carries it', async () => {
    const lines: string[] = [];
    const writeSync = fs.writeSync;
    // pino writes synchronously to fd 2 through fs.writeSync: capture what would reach stderr.
    fs.writeSync = ((fd: number, data: unknown, ...rest: unknown[]) => {
      if (fd === 2) {
        lines.push(String(data));
        return String(data).length;
      }
      return (writeSync as (...args: unknown[]) => number)(fd, data, ...rest);
    }) as typeof fs.writeSync;
    try {
      const leaky = new Error(`request to ${'https://api.telegram.org'}/bot${TEST_BOT_TOKEN}/sendMessage failed`);
      const harness = await startBotHarness({ openArchive: (env) => createFakeArchive(ARTICLES, { env, answerError: leaky }), logLevel: 'debug' });
      try {
        harness.api.failNext('sendMessage', { errorCode: 429, description: 'Too Many Requests: retry after 1', retryAfterSeconds: 1 });
        const [reply] = await harness.sendPrivateMessage('株洲今年新建多少家爱心驿站？');
        expect(reply!.text).toBe('抱歉，出了点问题，请稍后再试。');
      } finally {
        await harness.stop();
      }
    } finally {
      fs.writeSync = writeSync;
    }
    const log = lines.join('');
    expect(log).toContain('update failed');
    expect(log).toContain('retrying');
    expect(log).toContain('[redacted]');
    expect(log).not.toContain(TEST_BOT_TOKEN.split(':')[1]);
  });

  test('background services start after the bot and stop before it, in reverse order', async () => {
    const events: string[] = [];
    const service = (name: string) => ({ name, start: () => void events.push(`start ${name}`), stop: async () => void events.push(`stop ${name}`) });
    const harness = await startBotHarness({ openArchive: (env) => createFakeArchive(ARTICLES, { env }), services: [service('digest'), service('feeds')] });
    expect(events).toEqual(['start digest', 'start feeds']);
    await harness.stop();
    expect(events).toEqual(['start digest', 'start feeds', 'stop feeds', 'stop digest']);
  });

  test('a service that fails to start stops what started and fails the server start', async () => {
    const events: string[] = [];
    const failing = { name: 'broken', start: () => Promise.reject(new Error('cron expression invalid')), stop: () => void events.push('stop broken') };
    const fine = { name: 'fine', start: () => void events.push('start fine'), stop: () => void events.push('stop fine') };
    await expect(startBotHarness({ openArchive: (env) => createFakeArchive(ARTICLES, { env }), services: [fine, failing] })).rejects.toThrow('cron expression invalid');
    expect(events).toEqual(['start fine', 'stop fine']);
  });
});
