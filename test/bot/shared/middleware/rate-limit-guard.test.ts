// One rate limit for everything a user can make the bot send, through the Bot API emulator: a cited-passage button
// pressed 40 times in a group posts at most the limit's worth, whoever presses it; "more results", /source and
// inline queries count against the same windows; log lines name readers only by their keyed hash.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createFakeArchive, makeArticle } from '../../fake-archive.js';
import { type BotHarness, type BotReply, GROUP_CHAT_ID, startBotHarness } from '../../harness.js';
import { STATION_ARTICLE } from '../../support/test-articles.js';

const QUESTION = '株洲今年新建多少家爱心驿站？';
const PER_USER = 10;
const PER_CHAT = 20;
/** Some 60 Telegram messages of text: /source sends it a page (at most 5 messages) at a time, with a next-page button. */
const LONG_ARTICLE = makeArticle({
  id: 'long-report',
  title: '株洲政府工作报告全文',
  paragraphs: Array.from({ length: 1_500 }, (_, index) => `第${index + 1}段：株洲坚持制造强市战略，推动轨道交通、航空动力和先进陶瓷产业集群发展。`),
});

describe('one rate limit on every path', () => {
  let harness: BotHarness;
  const logLines: Record<string, unknown>[] = [];

  beforeAll(async () => {
    const logger = pino({ level: 'info', base: undefined }, { write: (line: string) => void logLines.push(JSON.parse(line) as Record<string, unknown>) });
    harness = await startBotHarness({
      env: { RATE_LIMIT_PER_MINUTE: String(PER_USER), RATE_LIMIT_PER_CHAT_PER_MINUTE: String(PER_CHAT) },
      openArchive: (env) => ({ ...createFakeArchive([STATION_ARTICLE, LONG_ARTICLE], { env }), logger }),
    });
  }, 60_000);

  afterAll(async () => {
    await harness?.stop();
  });

  /** Presses `button` under `reply` `times` times, as `userId`; resolves the messages posted and the callback answers. */
  async function pressMany(reply: BotReply, button: RegExp, times: number, userIds: number[]): Promise<{ posted: BotReply[]; alerts: unknown[] }> {
    const posted: BotReply[] = [];
    const alerts: unknown[] = [];
    for (let index = 0; index < times; index += 1) {
      const pressed = await harness.pressButton(reply, button, { userId: userIds[index % userIds.length]! });
      posted.push(...pressed.replies);
      alerts.push(pressed.callbackAnswer?.text);
    }
    return { posted, alerts };
  }

  test('40 presses of one cited-passage button by one reader in a group post at most the user limit’s worth', async () => {
    const chatId = -1005000000001;
    const [answer] = await harness.sendGroupMessage(`@TestNameBot ${QUESTION}`, { userId: 9301, chatId });
    const { posted, alerts } = await pressMany(answer!, /^src:/, 40, [9301]);
    console.info(`one reader, 40 presses of [1] 原文: ${posted.length} passages posted`);
    // The question took one slot of the reader's window.
    expect(posted.length).toBe(PER_USER - 1);
    expect(alerts.filter((text) => typeof text === 'string' && text.includes('提问太快了'))).toHaveLength(40 - posted.length);
  });

  test('40 presses by eight readers in one group post at most the chat limit’s worth', async () => {
    const [answer] = await harness.sendGroupMessage(`@TestNameBot ${QUESTION}`, { userId: 9310, chatId: GROUP_CHAT_ID });
    const readers = [9311, 9312, 9313, 9314, 9315, 9316, 9317, 9318];
    const { posted } = await pressMany(answer!, /^src:/, 40, readers);
    console.info(`eight readers, 40 presses of [1] 原文: ${posted.length} passages posted`);
    expect(posted.length).toBe(PER_CHAT - 1);
    expect(harness.botMessages(GROUP_CHAT_ID).length).toBeLessThanOrEqual(PER_CHAT);
  });

  test('“more results” presses count the same way', async () => {
    const [answer] = await harness.sendPrivateMessage(QUESTION, { userId: 9320 });
    const { posted } = await pressMany(answer!, /^more:/, 40, [9320]);
    expect(posted.length).toBe(PER_USER - 1);
  });

  test('questions, /source pages and their buttons share one window per reader', async () => {
    const userId = 9330;
    await harness.sendPrivateMessage(QUESTION, { userId });
    const source = await harness.sendPrivateMessage(`/source ${LONG_ARTICLE.id}`, { userId });
    const pageButton = source.find((reply) => reply.buttons.flat().some((button) => button.callbackData?.startsWith('srcpage:')))!;
    let pages = 0;
    for (let index = 0; index < 20; index += 1) {
      const pressed = await harness.pressButton(pageButton, /^srcpage:/, { userId });
      if (pressed.replies.length > 0) pages += 1;
    }
    // One question and one /source took two of the ten.
    expect(pages).toBe(PER_USER - 2);
    // The reader was told by the refused presses' alerts; a question now gets no answer, and no second warning.
    expect(await harness.sendPrivateMessage(QUESTION, { userId })).toEqual([]);
  });

  test('inline queries count too: past the limit the answer is an empty list', async () => {
    const results: number[] = [];
    for (let index = 0; index < 15; index += 1) results.push((await harness.sendInlineQuery(`${QUESTION}${index}`, { userId: 9340 })).results.length);
    expect(results.slice(0, PER_USER).every((count) => count > 0)).toBe(true);
    expect(results.slice(PER_USER)).toEqual([0, 0, 0, 0, 0]);
  });

  test('log lines name readers by their keyed hash, never by their Telegram id', async () => {
    await harness.sendPrivateMessage('/stats', { userId: 9350 });
    const limited = logLines.filter((line) => line.msg === 'rate limited');
    const refused = logLines.filter((line) => line.msg === 'staff command refused');
    expect(limited.length).toBeGreaterThan(0);
    expect(refused).toHaveLength(1);
    for (const line of [...limited, ...refused]) expect(line.reader).toMatch(/^[0-9a-f]{32}$/);
    const everything = JSON.stringify(logLines);
    // As a whole number: a millisecond timestamp may hold the same digits (…59311).
    for (const userId of [9301, 9311, 9320, 9330, 9340, 9350]) expect(everything).not.toMatch(new RegExp(`(?<![0-9])${userId}(?![0-9])`));
  });
});
