import { TelegramError } from 'telegraf';
import { describe, expect, it } from 'vitest';
import { classifyTelegramError } from '../../src/telegram/classify-telegram-error.js';
import type { MessageSender } from '../../src/telegram/message-sender.js';
import { sendMessages } from '../../src/telegram/send-messages.js';

const telegramError = (error_code: number, description: string, parameters?: object) =>
  new TelegramError({ ok: false, error_code, description, ...(parameters ? { parameters } : {}) } as never);

const networkError = () =>
  Object.assign(new Error('request to http://127.0.0.1/bot[REDACTED]/sendMessage failed, reason: connect ECONNREFUSED'), { name: 'FetchError', code: 'ECONNREFUSED' });

/** A sender that fails with the queued errors first, then succeeds with increasing message ids. */
function scriptedSender(errors: unknown[]): MessageSender & { sent: Array<[string, string]> } {
  let nextId = 100;
  const sent: Array<[string, string]> = [];
  return {
    sent,
    async send(chatId, html) {
      const error = errors.shift();
      if (error) throw error;
      sent.push([chatId, html]);
      return nextId++;
    },
  };
}

describe('classifyTelegramError', () => {
  it('treats 429, 5xx and network errors as transient', () => {
    expect(classifyTelegramError(telegramError(429, 'Too Many Requests: retry after 7', { retry_after: 7 }))).toMatchObject({ kind: 'transient', retryAfterMs: 7000 });
    expect(classifyTelegramError(telegramError(502, 'Bad Gateway'))).toMatchObject({ kind: 'transient', retryAfterMs: null });
    expect(classifyTelegramError(networkError())).toMatchObject({ kind: 'transient' });
  });

  it('treats blocked, kicked and missing chats as permanent', () => {
    expect(classifyTelegramError(telegramError(403, 'Forbidden: bot was blocked by the user'))).toEqual({
      kind: 'permanent',
      reason: '403: Forbidden: bot was blocked by the user',
    });
    expect(classifyTelegramError(telegramError(403, 'Forbidden: bot was kicked from the supergroup chat')).kind).toBe('permanent');
    expect(classifyTelegramError(telegramError(400, 'Bad Request: chat not found')).kind).toBe('permanent');
    expect(classifyTelegramError(telegramError(400, 'Bad Request: have no rights to send a message')).kind).toBe('permanent');
  });

  it('follows a group upgraded to a supergroup', () => {
    expect(classifyTelegramError(telegramError(400, 'Bad Request: group chat was upgraded to a supergroup chat', { migrate_to_chat_id: -1009 }))).toMatchObject({
      kind: 'migrated',
      toChatId: '-1009',
    });
  });

  it('neither retries nor disables on our own mistakes', () => {
    expect(classifyTelegramError(telegramError(400, "Bad Request: can't parse entities")).kind).toBe('rejected');
    expect(classifyTelegramError(telegramError(401, 'Unauthorized')).kind).toBe('rejected');
    expect(classifyTelegramError(new TypeError('x is undefined')).kind).toBe('rejected');
  });
});

describe('sendMessages', () => {
  it('sends every message in order and returns their ids', async () => {
    const sender = scriptedSender([]);
    expect(await sendMessages(sender, '-1', ['one', 'two'])).toEqual({ status: 'sent', messageIds: [100, 101] });
    expect(sender.sent).toEqual([
      ['-1', 'one'],
      ['-1', 'two'],
    ]);
  });

  it('backs off on transient errors, honouring retry_after', async () => {
    const sleeps: number[] = [];
    const sender = scriptedSender([networkError(), telegramError(429, 'Too Many Requests', { retry_after: 5 }), telegramError(500, 'Internal')]);
    const result = await sendMessages(sender, '-1', ['one'], { sleep: async (ms) => void sleeps.push(ms), baseDelayMs: 1000 });
    expect(result).toEqual({ status: 'sent', messageIds: [100] });
    expect(sleeps).toEqual([1000, 5000, 4000]);
  });

  it('gives up after the attempt bound, reporting what was delivered', async () => {
    const sleeps: number[] = [];
    const sender = scriptedSender([undefined, telegramError(502, 'Bad Gateway'), telegramError(502, 'Bad Gateway'), telegramError(502, 'Bad Gateway')]);
    const result = await sendMessages(sender, '-1', ['one', 'two'], { sleep: async (ms) => void sleeps.push(ms), maxAttempts: 3 });
    expect(result).toMatchObject({ status: 'failed', failure: { kind: 'transient' }, delivered: [100] });
    expect(sleeps).toEqual([1000, 2000]);
  });

  it('does not wait out an excessive retry_after', async () => {
    const sleeps: number[] = [];
    const sender = scriptedSender([telegramError(429, 'Too Many Requests', { retry_after: 3600 })]);
    const result = await sendMessages(sender, '-1', ['one'], { sleep: async (ms) => void sleeps.push(ms) });
    expect(result).toMatchObject({ status: 'failed', failure: { kind: 'transient' } });
    expect(sleeps).toEqual([]);
  });

  it('stops at once on a permanent error', async () => {
    const sender = scriptedSender([telegramError(403, 'Forbidden: bot was blocked by the user')]);
    const result = await sendMessages(sender, '-1', ['one', 'two'], { sleep: async () => expect.unreachable() });
    expect(result).toMatchObject({ status: 'failed', failure: { kind: 'permanent' }, delivered: [] });
  });

  it('resumes after the messages already delivered', async () => {
    const sender = scriptedSender([]);
    expect(await sendMessages(sender, '-1', ['one', 'two', 'three'], { delivered: [7, 8] })).toEqual({ status: 'sent', messageIds: [7, 8, 100] });
    expect(sender.sent).toEqual([['-1', 'three']]);
  });
});
