// Long polling with a slow answerer (an LLM taking seconds), through the Bot API emulator: readers in different
// chats are answered side by side, not one getUpdates batch after another; one reader's updates in a chat keep
// their order; stopping waits for the answers in flight.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Answerer } from '../../src/answer/answer-result.js';
import { createFakeArchive } from '../bot/fake-archive.js';
import { type BotHarness, GROUP_CHAT_ID, startBotHarness } from '../bot/harness.js';
import { STATION_ARTICLE } from '../bot/support/test-articles.js';

const QUESTION = '株洲今年新建多少家爱心驿站？';

/** One answer's life, in ms since the test started. */
interface AnswerSpan {
  question: string;
  startedAt: number;
  finishedAt: number;
}

/**
 * Wraps an answerer so each answer waits until `overlapWanted` answers are in flight at once, or `holdMs` passed:
 * handled side by side the readers release each other at once, handled one after another each waits `holdMs`.
 */
function slowAnswerer(base: Answerer, options: { holdMs: number; overlapWanted: number }) {
  const spans: AnswerSpan[] = [];
  const origin = Date.now();
  let inFlight = 0;
  let mostInFlight = 0;
  const waiting = new Set<() => void>();
  const answerer: Answerer = {
    async answer(question, answerOptions) {
      const span = { question, startedAt: Date.now() - origin, finishedAt: Number.NaN };
      spans.push(span);
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      if (inFlight >= options.overlapWanted) for (const release of [...waiting]) release();
      else
        await new Promise<void>((resolve) => {
          const release = () => {
            clearTimeout(timer);
            waiting.delete(release);
            resolve();
          };
          const timer = setTimeout(release, options.holdMs);
          waiting.add(release);
        });
      inFlight -= 1;
      span.finishedAt = Date.now() - origin;
      return base.answer(question, answerOptions);
    },
  };
  return { answerer, spans, mostInFlight: () => mostInFlight };
}

describe('long polling with a 5 s answer', () => {
  let harness: BotHarness;
  let slow: ReturnType<typeof slowAnswerer>;

  beforeAll(async () => {
    harness = await startBotHarness({
      openArchive: (env) => {
        const base = createFakeArchive([STATION_ARTICLE], { env });
        slow = slowAnswerer(base.answerer, { holdMs: 5_000, overlapWanted: 3 });
        return { ...base, answerer: slow.answerer };
      },
    });
  }, 60_000);

  afterAll(async () => {
    await harness?.stop();
  });

  test('three readers asking 0.3 s apart in their own chats are answered side by side', async () => {
    const asked: Promise<unknown>[] = [];
    const askedAt: number[] = [];
    for (const userId of [7101, 7102, 7103]) {
      askedAt.push(Date.now());
      asked.push(harness.sendPrivateMessage(`${QUESTION}（读者${userId}）`, { userId }));
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    await Promise.all(asked);
    const answeredAt = [7101, 7102, 7103].map((userId) => harness.botMessages(userId).at(-1));
    for (const reply of answeredAt) expect(reply?.text).toContain('80家');
    console.info(`answers started at ${slow.spans.map((span) => span.startedAt).join(', ')} ms, finished at ${slow.spans.map((span) => span.finishedAt).join(', ')} ms`);
    // All three were being answered at the same time: each started before any of them finished.
    expect(slow.mostInFlight()).toBe(3);
    const firstFinish = Math.min(...slow.spans.map((span) => span.finishedAt));
    for (const span of slow.spans) expect(span.startedAt).toBeLessThanOrEqual(firstFinish);
  }, 30_000);
});

describe('order within one reader’s conversation, and a graceful stop', () => {
  let harness: BotHarness;
  let slow: ReturnType<typeof slowAnswerer>;

  beforeAll(async () => {
    harness = await startBotHarness({
      openArchive: (env) => {
        const base = createFakeArchive([STATION_ARTICLE], { env });
        // Never three at once here: every answer takes 400 ms.
        slow = slowAnswerer(base.answerer, { holdMs: 400, overlapWanted: 99 });
        return { ...base, answerer: slow.answerer };
      },
    });
  }, 60_000);

  afterAll(async () => {
    await harness?.stop();
  });

  test('one reader’s two questions in a group are answered in order; another reader in the group does not wait for them', async () => {
    slow.spans.length = 0;
    const first = harness.sendGroupMessage(`@TestNameBot ${QUESTION}（第一问）`, { userId: 7201, chatId: GROUP_CHAT_ID });
    const second = harness.sendGroupMessage(`@TestNameBot ${QUESTION}（第二问）`, { userId: 7201, chatId: GROUP_CHAT_ID });
    const other = harness.sendGroupMessage(`@TestNameBot ${QUESTION}（别人问）`, { userId: 7202, chatId: GROUP_CHAT_ID });
    await Promise.all([first, second, other]);
    const span = (marker: string) => slow.spans.find((candidate) => candidate.question.includes(marker))!;
    expect(span('第二问').startedAt).toBeGreaterThanOrEqual(span('第一问').finishedAt);
    expect(span('别人问').startedAt).toBeLessThan(span('第一问').finishedAt);
    expect(harness.botMessages(GROUP_CHAT_ID)).toHaveLength(3);
  }, 30_000);

  test('stopping waits for the answer in flight, which is still sent', async () => {
    slow.spans.length = 0;
    const sendsBefore = harness.apiCalls('sendMessage').length;
    void harness.sendPrivateMessage(QUESTION, { userId: 7301 }).catch(() => {});
    while (slow.spans.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    await harness.server.stop('test stop');
    expect(slow.spans[0]!.finishedAt).toBeGreaterThan(0);
    const answers = harness.apiCalls('sendMessage').slice(sendsBefore);
    expect(answers.some((call) => Number(call.payload.chat_id) === 7301 && String(call.payload.text).includes('80家'))).toBe(true);
  }, 30_000);
});
