import { expect, test } from 'vitest';
import { TelegramError } from 'telegraf';
import { type BotApiCall, retryBotApiCalls } from '../../src/telegram/retry-bot-api-calls.js';
import { RetryingTelegram } from '../../src/telegram/retrying-telegram.js';

function callFailing(errors: unknown[]): { call: BotApiCall; calls: string[] } {
  const calls: string[] = [];
  const call: BotApiCall = async (method) => {
    calls.push(method);
    const error = errors.shift();
    if (error) throw error;
    return true;
  };
  return { call, calls };
}

const tooMany = (retryAfter: number) => new TelegramError({ error_code: 429, description: 'Too Many Requests', parameters: { retry_after: retryAfter } });

test('waits retry_after seconds on 429, then succeeds', async () => {
  const waits: number[] = [];
  const { call, calls } = callFailing([tooMany(3)]);
  const retrying = retryBotApiCalls(call, { sleep: async (milliseconds) => void waits.push(milliseconds) });
  await expect(retrying('sendMessage', { chat_id: 1, text: 'x' })).resolves.toBe(true);
  expect(waits).toEqual([3000]);
  expect(calls).toEqual(['sendMessage', 'sendMessage']);
});

test('backs off on 5xx and network errors, bounded', async () => {
  const waits: number[] = [];
  const network = Object.assign(new Error('socket hang up'), { name: 'FetchError', code: 'ECONNRESET' });
  const serverError = new TelegramError({ error_code: 502, description: 'Bad Gateway' });
  const { call, calls } = callFailing([network, serverError, serverError, serverError]);
  const retrying = retryBotApiCalls(call, { maxAttempts: 4, backoffMs: 10, sleep: async (milliseconds) => void waits.push(milliseconds) });
  await expect(retrying('sendMessage', { chat_id: 1, text: 'x' })).rejects.toThrow('Bad Gateway');
  expect(waits).toEqual([10, 20, 40]);
  expect(calls).toHaveLength(4);
});

test('does not retry client errors, a too-long retry_after, or getUpdates', async () => {
  const waits: number[] = [];
  const sleep = async (milliseconds: number) => void waits.push(milliseconds);
  const badRequest = callFailing([new TelegramError({ error_code: 400, description: "Bad Request: can't parse entities" })]);
  await expect(retryBotApiCalls(badRequest.call, { sleep })('sendMessage', { chat_id: 1, text: 'x' })).rejects.toThrow('parse entities');
  const flood = callFailing([tooMany(3600)]);
  await expect(retryBotApiCalls(flood.call, { sleep, maxRetryAfterSeconds: 30 })('sendMessage', { chat_id: 1, text: 'x' })).rejects.toThrow('Too Many Requests');
  const polling = callFailing([tooMany(1)]);
  await expect(retryBotApiCalls(polling.call, { sleep })('getUpdates', {})).rejects.toThrow('Too Many Requests');
  expect(waits).toEqual([]);
});

test('a RetryingTelegram retries its own calls: one client, one transformer', async () => {
  const waits: number[] = [];
  let attempts = 0;
  const server = await import('node:http').then(({ default: http }) =>
    http.createServer((_request, response) => {
      attempts += 1;
      const body = attempts === 1 ? { ok: false, error_code: 429, description: 'Too Many Requests', parameters: { retry_after: 1 } } : { ok: true, result: true };
      response.writeHead(attempts === 1 ? 429 : 200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  try {
    const telegram = new RetryingTelegram(
      '7000000001:AAtest-token-for-the-loopback-emulator_x',
      { apiRoot: `http://127.0.0.1:${port}` },
      {
        sleep: async (milliseconds) => void waits.push(milliseconds),
      },
    );
    await expect(telegram.deleteWebhook()).resolves.toBe(true);
    expect(attempts).toBe(2);
    expect(waits).toEqual([1000]);
  } finally {
    server.close();
  }
});
