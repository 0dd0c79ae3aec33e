import { expect, test } from 'vitest';
import { Telegram, TelegramError } from 'telegraf';
import { installApiRetry } from '../../../src/bot/api/retry-api-calls.js';

function telegramFailing(errors: unknown[]): { telegram: Telegram; calls: string[] } {
  const telegram = new Telegram('7000000001:AAtest-token-for-the-loopback-emulator_x');
  const calls: string[] = [];
  telegram.callApi = (async (method: string) => {
    calls.push(method);
    const error = errors.shift();
    if (error) throw error;
    return true;
  }) as typeof telegram.callApi;
  return { telegram, calls };
}

const tooMany = (retryAfter: number) => new TelegramError({ error_code: 429, description: 'Too Many Requests', parameters: { retry_after: retryAfter } });

test('waits retry_after seconds on 429, then succeeds', async () => {
  const waits: number[] = [];
  const { telegram, calls } = telegramFailing([tooMany(3)]);
  installApiRetry(telegram, { sleep: async (milliseconds) => void waits.push(milliseconds) });
  await expect(telegram.callApi('sendMessage', { chat_id: 1, text: 'x' })).resolves.toBe(true);
  expect(waits).toEqual([3000]);
  expect(calls).toEqual(['sendMessage', 'sendMessage']);
});

test('backs off on 5xx and network errors, bounded', async () => {
  const waits: number[] = [];
  const network = Object.assign(new Error('socket hang up'), { name: 'FetchError', code: 'ECONNRESET' });
  const serverError = new TelegramError({ error_code: 502, description: 'Bad Gateway' });
  const { telegram, calls } = telegramFailing([network, serverError, serverError, serverError]);
  installApiRetry(telegram, { maxAttempts: 4, backoffMs: 10, sleep: async (milliseconds) => void waits.push(milliseconds) });
  await expect(telegram.callApi('sendMessage', { chat_id: 1, text: 'x' })).rejects.toThrow('Bad Gateway');
  expect(waits).toEqual([10, 20, 40]);
  expect(calls).toHaveLength(4);
});

test('does not retry client errors, a too-long retry_after, or getUpdates', async () => {
  const waits: number[] = [];
  const sleep = async (milliseconds: number) => void waits.push(milliseconds);
  const badRequest = telegramFailing([new TelegramError({ error_code: 400, description: "Bad Request: can't parse entities" })]);
  installApiRetry(badRequest.telegram, { sleep });
  await expect(badRequest.telegram.callApi('sendMessage', { chat_id: 1, text: 'x' })).rejects.toThrow('parse entities');
  const flood = telegramFailing([tooMany(3600)]);
  installApiRetry(flood.telegram, { sleep, maxRetryAfterSeconds: 30 });
  await expect(flood.telegram.callApi('sendMessage', { chat_id: 1, text: 'x' })).rejects.toThrow('Too Many Requests');
  const polling = telegramFailing([tooMany(1)]);
  installApiRetry(polling.telegram, { sleep });
  await expect(polling.telegram.callApi('getUpdates', {})).rejects.toThrow('Too Many Requests');
  expect(waits).toEqual([]);
});

test('installing twice wraps once', async () => {
  const waits: number[] = [];
  const { telegram, calls } = telegramFailing([tooMany(1), tooMany(1), tooMany(1)]);
  const sleep = async (milliseconds: number) => void waits.push(milliseconds);
  installApiRetry(telegram, { sleep, maxAttempts: 2 });
  installApiRetry(telegram, { sleep, maxAttempts: 2 });
  await expect(telegram.callApi('sendMessage', { chat_id: 1, text: 'x' })).rejects.toThrow();
  expect(calls).toHaveLength(2);
});
