// Issue 5's acceptance test: the sample page ingested with `newsbot ingest --date`, the digest service on
// the real bot's telegraf client, and the Bot API emulator receiving the day's digest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDigestService } from '../../src/digest/create-digest-service.js';
import { telegramHtmlProblems, visibleText } from '../digest/helpers/check-telegram-html.js';
import { GROUP_CHAT_ID, SAMPLE_PAGE_DATE, startBotHarness, type BotHarness } from './harness.js';

/** 2026-04-23 08:00 in Asia/Shanghai. */
const DIGEST_TIME = new Date('2026-04-23T00:00:00.000Z');

let harness: BotHarness;

beforeAll(async () => {
  harness = await startBotHarness({ env: { DIGEST_CHAT_IDS: String(GROUP_CHAT_ID) } });
});

afterAll(async () => {
  await harness?.stop();
});

describe('daily digest through the Bot API emulator', () => {
  it('delivers the sample page’s day once, as valid HTML, with every article of that day once', async () => {
    const service = createDigestService(harness.archive, harness.server.bot.telegram, { now: () => DIGEST_TIME });
    service.start();
    const again = await service.scheduler.runDue(DIGEST_TIME);
    service.stop();
    expect(again.outcomes).toEqual([{ chatId: String(GROUP_CHAT_ID), status: 'already-sent' }]);

    const messages = harness.botMessages(GROUP_CHAT_ID);
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) {
      expect(message.parseMode).toBe('HTML');
      expect(message.text.length).toBeLessThanOrEqual(4096);
      expect(telegramHtmlProblems(message.text)).toEqual([]);
    }
    const shown = messages.map((message) => visibleText(message.text)).join('\n');
    expect(shown.startsWith('2026年4月23日 星期四 · 今日要闻')).toBe(true);
    const articles = harness.archive.store.articlesOnDate(SAMPLE_PAGE_DATE);
    expect(articles.length).toBeGreaterThan(5);
    for (const article of articles) expect(shown.split(`. ${article.title}\n`).length - 1).toBe(1);
    expect(shown.match(/^\d+\. /gm)).toHaveLength(articles.length);
  });
});
