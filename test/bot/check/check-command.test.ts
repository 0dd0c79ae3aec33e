// /check through the real bot (startServer) talking to the Bot API emulator, over the sample page archive.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkTexts, renderCheckResult } from '../../../src/bot/check/check-feature.js';
import type { CheckResult } from '../../../src/check/check-result.js';
import { MESSAGES_EN } from '../../../src/bot/shared/i18n/messages-en.js';
import { MESSAGES_ZH } from '../../../src/bot/shared/i18n/messages-zh.js';
import { GROUP_CHAT_ID, STAFF_USER_ID, USER_ID, startBotHarness, type BotHarness, type BotReply } from '../harness.js';
import { htmlProblems } from '../support/html-validity.js';

describe('/check through the bot', () => {
  let harness: BotHarness;

  beforeAll(async () => {
    harness = await startBotHarness();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  const only = (replies: BotReply[]): BotReply => {
    expect(replies).toHaveLength(1);
    const [reply] = replies;
    expect(reply!.parseMode).toBe('HTML');
    expect(htmlProblems(reply!.text)).toEqual([]);
    return reply!;
  };

  it('gives staff the verdict, the figures side by side and the quoted evidence with its source', async () => {
    const reply = only(await harness.sendPrivateMessage('/check 株洲省级专精特新中小企业累计达到702家', { userId: STAFF_USER_ID }));
    expect(reply.text).toContain('❌ <b>不符</b>');
    expect(reply.text).toMatch(/声明：<b>702家<\/b> · 报道：<b>602家<\/b>/);
    expect(reply.text).toMatch(/<blockquote>[^<]*累计602家[^<]*<\/blockquote>/);
    expect(reply.text).toContain('株洲位列');
    expect(reply.text).toContain('2026-04-23');
  });

  it('says supported with ✅ and answers in English for an English client', async () => {
    const reply = only(await harness.sendPrivateMessage('/check 2025年株洲新增国家制造业单项冠军企业5家', { userId: STAFF_USER_ID, languageCode: 'en' }));
    expect(reply.text).toContain('✅ <b>Supported</b>');
    expect(reply.text).toMatch(/claim: <b>5家<\/b> · archive: <b>5家<\/b>/);
    expect(reply.text).toContain('Evidence');
  });

  it('says not found with ❔ and no evidence when the archive does not speak to the claim', async () => {
    const reply = only(await harness.sendPrivateMessage('/check 株洲新增国家级绿色工厂12家', { userId: STAFF_USER_ID }));
    expect(reply.text).toContain('❔ <b>未找到</b>');
    expect(reply.text).not.toContain('<blockquote>');
  });

  it('checks the replied-to message when /check has no text of its own', async () => {
    const claimMessage: BotReply = { messageId: 424242, chatId: GROUP_CHAT_ID, text: '株洲今年将新建100家爱心驿站', buttons: [], raw: {} };
    const reply = only(await harness.sendGroupMessage('/check', { userId: STAFF_USER_ID, replyTo: claimMessage }));
    expect(reply.text).toContain('❌ <b>不符</b>');
    expect(reply.text).toContain('100家');
    expect(reply.text).toContain('80家');
    expect(reply.chatId).toBe(GROUP_CHAT_ID);
  });

  it('explains the usage when there is no claim at all', async () => {
    const reply = only(await harness.sendPrivateMessage('/check', { userId: STAFF_USER_ID }));
    expect(reply.text).toContain('/check');
    expect(reply.text).not.toMatch(/属实|不符|未找到/);
  });

  it('escapes what the claim contains', async () => {
    const reply = only(await harness.sendPrivateMessage('/check <b>株洲</b> & 今年将新建100家爱心驿站', { userId: STAFF_USER_ID }));
    expect(reply.text).toContain('&lt;b&gt;株洲&lt;/b&gt; &amp;');
  });

  it('refuses non-staff politely, in their language, revealing nothing', async () => {
    const chinese = only(await harness.sendPrivateMessage('/check 株洲省级专精特新中小企业累计达到702家', { userId: USER_ID }));
    expect(chinese.text).toBe(MESSAGES_ZH.staffOnly);
    const english = only(await harness.sendPrivateMessage('/check 株洲省级专精特新中小企业累计达到702家', { userId: USER_ID, languageCode: 'en-US' }));
    expect(english.text).toBe(MESSAGES_EN.staffOnly);
    for (const reply of [chinese, english]) expect(reply.text).not.toMatch(/602|不符|Contradicted/);
  });
});

describe('renderCheckResult', () => {
  const contradicted: CheckResult = {
    verdict: 'contradicted',
    evidence: [{ articleId: 'a1', title: 'A <title> & more', date: null, url: 'https://news.example/a?x=1&y="2"', quote: '新建80家“爱心驿站” <script>' }],
    explanation: 'Contradicted: claim 100家 · archive 80家',
    comparisons: [{ claim: '100家', archive: '80家', matches: false, articleTitle: 'A <title> & more', date: null }],
  };

  it('escapes titles, quotes and links, and marks an unknown date', () => {
    const html = renderCheckResult('新建100家 <b>', contradicted, checkTexts('zh'));
    expect(htmlProblems(html)).toEqual([]);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('《A &lt;title&gt; &amp; more》');
    expect(html).toContain('href="https://news.example/a?x=1&amp;y=%222%22"');
    expect(html).toContain('日期不详');
    expect(html).toContain('声明：<b>100家</b> · 报道：<b>80家</b> ❌');
  });

  it('shows "none" for a figure the archive does not state', () => {
    const notFound: CheckResult = {
      verdict: 'not_found',
      evidence: [],
      explanation: 'Not found',
      comparisons: [{ claim: '12家', archive: null, matches: false, articleTitle: null, date: null }],
    };
    const html = renderCheckResult('株洲新增国家级绿色工厂12家', notFound, checkTexts('en'));
    expect(html).toContain('❔ <b>Not found</b>');
    expect(html).toContain('claim: <b>12家</b> · archive: none');
    expect(html).toContain(checkTexts('en').notFound);
  });
});
