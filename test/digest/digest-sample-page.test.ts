// Issue 5's acceptance tests: the sample page ingested with `newsbot ingest --date`, the real bot (createBot
// through startServer) and the digest service on its telegraf client, the Bot API emulator receiving the day's
// digest; /subscribe through the same bot, getChatMember answered by the harness's fake.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDigestMessages } from '../../src/digest/render-digest-messages.js';
import { createDigestService } from '../../src/digest/create-digest-service.js';
import { telegramHtmlProblems, visibleText } from './helpers/check-telegram-html.js';
import { GROUP_CHAT_ID, SAMPLE_PAGE_DATE, USER_ID, startBotHarness, type BotHarness } from '../bot/harness.js';

const ADMIN_ID = 4242;
const OTHER_GROUP = -1009876543210;

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
    const { subscriptions, sentDigests } = harness.archive.state;
    const service = createDigestService(harness.archive, harness.server.bot.telegram, { subscriptions, sentDigests, render: renderDigestMessages, now: () => DIGEST_TIME });
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

  it('refuses /subscribe from a non-admin and accepts an admin’s, persisted in the database', async () => {
    harness.api.handleMethod('getChatMember', (payload) => ({
      status: payload.user_id === ADMIN_ID ? 'administrator' : 'member',
      user: { id: Number(payload.user_id), is_bot: false, first_name: 'Someone' },
    }));
    const { subscriptions } = harness.archive.state;

    const [refusal] = await harness.sendGroupMessage('/subscribe', { chatId: OTHER_GROUP, userId: USER_ID });
    expect(refusal?.text).toContain('只有本群管理员');
    expect(await subscriptions.get(String(OTHER_GROUP))).toBeNull();

    const [accepted] = await harness.sendGroupMessage('/subscribe', { chatId: OTHER_GROUP, userId: ADMIN_ID, languageCode: 'en' });
    expect(accepted?.text).toContain('Subscribed');
    expect(await subscriptions.get(String(OTHER_GROUP))).toMatchObject({ active: true, source: 'command' });
    expect(harness.apiCalls('getChatMember').map((call) => call.payload.user_id)).toEqual([USER_ID, ADMIN_ID]);
  });
});
