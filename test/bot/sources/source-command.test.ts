// `/source` of a very long article: bounded replies (at most 5 messages per request), a next-page button that
// works across restarts, and the whole text as a .txt file.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { htmlToText } from '../../../src/telegram/html-tokens.js';
import type { Article } from '../../../src/ingest/article.js';
import { createFakeArchive, makeArticle } from '../fake-archive.js';
import { GROUP_CHAT_ID, startBotHarness, type BotHarness, type BotReply } from '../harness.js';
import { htmlProblems } from '../support/html-validity.js';

/** About 300 KB of UTF-8: numbered paragraphs, with characters Telegram's HTML mode treats specially. */
function hugeParagraphs(): string[] {
  const paragraphs: string[] = [];
  let bytes = 0;
  for (let index = 1; bytes < 300_000; index += 1) {
    const paragraph = `第${index}段<${index}>：株洲“制造强市”A&B 报告，轨道交通、航空动力和先进陶瓷产业集群继续发展，研发投入增长${index % 17}个百分点，专精特新企业稳步增加。`;
    paragraphs.push(paragraph);
    bytes += Buffer.byteLength(paragraph, 'utf8');
  }
  return paragraphs;
}

const HUGE_ARTICLE: Article = makeArticle({ id: 'huge-report', title: '株洲 <全年> 工作报告 & 附件', paragraphs: hugeParagraphs() });
/** An id (a feed GUID) too long to fit in a button's 64 bytes of callback data. */
const LONG_ID = `https://news.example.com/2026/04/23/${'very-long-feed-guid-'.repeat(3)}`;
const LONG_ID_ARTICLE: Article = makeArticle({ id: LONG_ID, title: '长编号文章', paragraphs: HUGE_ARTICLE.paragraphs.slice(0, 1_200) });
const SHORT_ARTICLE: Article = makeArticle({ id: 'short-note', title: '短讯', paragraphs: ['株洲今年新建80家爱心驿站。'] });
const ARTICLES = [HUGE_ARTICLE, LONG_ID_ARTICLE, SHORT_ARTICLE];

function startHarness(): Promise<BotHarness> {
  return startBotHarness({ openArchive: (env) => createFakeArchive(ARTICLES, { env }), env: { RATE_LIMIT_PER_MINUTE: '40' } });
}

function expectBoundedValidMessages(replies: BotReply[]): void {
  expect(replies.length).toBeGreaterThan(0);
  expect(replies.length).toBeLessThanOrEqual(5);
  for (const reply of replies.filter((candidate) => candidate.raw.document === undefined)) {
    expect(reply.text.length).toBeLessThanOrEqual(4096);
    expect(reply.parseMode).toBe('HTML');
    expect(htmlProblems(reply.text)).toEqual([]);
  }
}

function nextPageButton(reply: BotReply): string | undefined {
  return reply.buttons.flat().find((button) => button.callbackData?.startsWith('srcpage:'))?.callbackData;
}

function paragraphNumbers(replies: BotReply[]): number[] {
  const text = replies.map((reply) => htmlToText(reply.text)).join('\n');
  return [...text.matchAll(/第(\d+)段<\d+>/g)].map((match) => Number(match[1]));
}

describe('/source of a 300 KB article', () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.stop();
  });

  test('sends at most 5 valid messages, then pages on through the next-page button until every paragraph was shown', async () => {
    const first = await harness.sendPrivateMessage('/source huge-report', { userId: 4001 });
    expectBoundedValidMessages(first);
    expect(htmlToText(first[0]!.text)).toContain('株洲 <全年> 工作报告 & 附件');
    let last = first.at(-1)!;
    expect(nextPageButton(last)).toBe('srcpage:2:huge-report');
    const shown = [...first];
    let presses = 0;
    while (nextPageButton(last)) {
      const pressed = await harness.pressButton(last, nextPageButton(last)!, { userId: 4001 });
      presses += 1;
      expect(pressed.callbackAnswer).not.toHaveProperty('text');
      expectBoundedValidMessages(pressed.replies);
      expect(pressed.replies[0]!.replyToMessageId).toBe(last.messageId);
      shown.push(...pressed.replies);
      last = pressed.replies.at(-1)!;
    }
    expect(presses).toBeGreaterThanOrEqual(4);
    // Every paragraph exactly once, in order, across all pages.
    expect(paragraphNumbers(shown)).toEqual(HUGE_ARTICLE.paragraphs.map((_, index) => index + 1));
    expect(last.buttons.flat().map((button) => button.callbackData)).toEqual(['srcfile:huge-report']);
  });

  test('the .txt button delivers the whole article as one document', async () => {
    const [, , , fourth] = await harness.sendPrivateMessage('/source huge-report', { userId: 4002 });
    const documentsBefore = harness.api.documents.length;
    const pressed = await harness.pressButton(fourth!, 'srcfile:huge-report', { userId: 4002 });
    expect(pressed.replies).toHaveLength(1);
    expect(pressed.replies[0]!.raw.document).toMatchObject({ file_name: 'huge-report.txt' });
    const [document] = harness.api.documents.slice(documentsBefore);
    expect(document!.mimeType).toMatch(/^text\/plain/);
    const text = document!.content.toString('utf8');
    expect(Buffer.byteLength(text, 'utf8')).toBeGreaterThan(300_000);
    expect(text.startsWith('株洲 <全年> 工作报告 & 附件\n')).toBe(true);
    for (const paragraph of HUGE_ARTICLE.paragraphs) expect(text).toContain(paragraph);
    expect(document!.caption).toBe('<b>株洲 &lt;全年&gt; 工作报告 &amp; 附件</b>：全文');
  });

  test('in a group, anyone asking gets at most 5 messages, threaded under the command', async () => {
    const before = harness.botMessages(GROUP_CHAT_ID).length;
    const replies = await harness.sendGroupMessage('/source huge-report', { userId: 4003 });
    expectBoundedValidMessages(replies);
    expect(harness.botMessages(GROUP_CHAT_ID).length - before).toBe(replies.length);
    expect(replies[0]!.replyToMessageId).toBeDefined();
  });

  test('an article id too long for a button: the first page, then the whole text as a file (5 messages)', async () => {
    const replies = await harness.sendPrivateMessage(`/source ${LONG_ID}`, { userId: 4004 });
    expect(replies).toHaveLength(5);
    expectBoundedValidMessages(replies);
    expect(replies.slice(0, 4).every((reply) => reply.buttons.length === 0)).toBe(true);
    expect(replies[4]!.raw.document).toMatchObject({ file_name: expect.stringMatching(/^https-news-example-com.*\.txt$/) });
    expect(harness.api.documents.at(-1)!.content.toString('utf8')).toContain(LONG_ID_ARTICLE.paragraphs.at(-1)!);
  });

  test('a short article is one message with no buttons', async () => {
    const replies = await harness.sendPrivateMessage('/source short-note', { userId: 4005 });
    expect(replies).toHaveLength(1);
    expect(replies[0]!.buttons).toEqual([]);
  });

  test('a button for a page or article that no longer exists says it expired and sends nothing', async () => {
    const [, , , fourth] = await harness.sendPrivateMessage('/source huge-report', { userId: 4006 });
    const stale = {
      ...fourth!,
      buttons: [
        [
          { text: 'x', callbackData: 'srcpage:999:huge-report' },
          { text: 'y', callbackData: 'srcfile:removed-article' },
        ],
      ],
    };
    const pastTheEnd = await harness.pressButton(stale, 'srcpage:999:huge-report', { userId: 4006 });
    expect(pastTheEnd.replies).toEqual([]);
    expect(pastTheEnd.callbackAnswer?.text).toContain('过期');
    const removed = await harness.pressButton(stale, 'srcfile:removed-article', { userId: 4006 });
    expect(removed.replies).toEqual([]);
    expect(removed.callbackAnswer?.text).toContain('过期');
  });

  test('pressing page buttons counts against the rate limit: a flood gets a callback notice, not messages', async () => {
    const [, , , fourth] = await harness.sendPrivateMessage('/source huge-report', { userId: 4007 });
    let refused: Record<string, unknown> | undefined;
    let messagesSent = 0;
    for (let press = 0; press < 45 && !refused; press += 1) {
      const pressed = await harness.pressButton(fourth!, 'srcpage:2:huge-report', { userId: 4007 });
      messagesSent += pressed.replies.length;
      if (typeof pressed.callbackAnswer?.text === 'string') refused = pressed.callbackAnswer;
    }
    expect(String(refused?.text)).toMatch(/提问太快了/);
    // 40 requests a minute (the /source included), at most 4 messages each.
    expect(messagesSent).toBeLessThanOrEqual(39 * 4);
  });
});

test('the next-page button still works after the bot restarts (everything it needs is in the button)', async () => {
  const before = await startHarness();
  let last: BotReply;
  try {
    last = (await before.sendPrivateMessage('/source huge-report', { userId: 4010 })).at(-1)!;
  } finally {
    await before.stop();
  }
  const after = await startHarness();
  try {
    const pressed = await after.pressButton(last, 'srcpage:2:huge-report', { userId: 4010 });
    expectBoundedValidMessages(pressed.replies);
    expect(paragraphNumbers(pressed.replies)[0]).toBeGreaterThan(1);
    expect(pressed.callbackAnswer).not.toHaveProperty('text');
  } finally {
    await after.stop();
  }
});
