// Webhook mode: the built-in HTTP server, Telegram's secret-token header, the health endpoint.
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { createFakeArchive } from '../bot/fake-archive.js';
import { TEST_BOT_TOKEN, startBotHarness, type BotHarness } from '../bot/harness.js';
import { findFreePort } from '../bot/support/free-port.js';
import { STATION_ARTICLE } from '../bot/support/test-articles.js';

const SECRET = 'test_webhook-secret_0123456789';
let harness: BotHarness;
let base: string;

beforeAll(async () => {
  const port = await findFreePort();
  base = `http://127.0.0.1:${port}`;
  harness = await startBotHarness({
    openArchive: (env) => createFakeArchive([STATION_ARTICLE], { env }),
    env: { WEBHOOK_URL: `${base}/telegram/updates`, WEBHOOK_PORT: String(port), WEBHOOK_SECRET: SECRET },
  });
});
afterAll(async () => {
  await harness?.stop();
});

test('registers the webhook with its secret and does not poll', () => {
  expect(harness.server.mode).toBe('webhook');
  expect(harness.api.webhookOf(TEST_BOT_TOKEN)).toEqual({ url: `${base}/telegram/updates`, secretToken: SECRET });
  // Reactions are votes: Telegram sends them only when asked for by name.
  expect(harness.apiCalls('setWebhook').at(-1)!.payload.allowed_updates).toContain('message_reaction');
  expect(harness.apiCalls('getUpdates')).toEqual([]);
});

test('updates delivered with the secret header are answered', async () => {
  const [reply] = await harness.sendPrivateMessage('株洲今年新建多少家爱心驿站？');
  expect(reply!.text).toContain('80家');
  await vi.waitFor(() => expect(harness.api.webhookDeliveries.at(-1)?.status).toBe(200));
});

test('a request without the right secret is refused and not handled', async () => {
  const sendsBefore = harness.apiCalls('sendMessage').length;
  const update = JSON.stringify({
    update_id: 999_001,
    message: { message_id: 1, date: 0, chat: { id: 5, type: 'private' }, from: { id: 5, is_bot: false, first_name: 'x' }, text: '你好' },
  });
  const missing = await fetch(`${base}/telegram/updates`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: update });
  expect(missing.status).toBe(401);
  const wrong = await fetch(`${base}/telegram/updates`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'nope' },
    body: update,
  });
  expect(wrong.status).toBe(401);
  expect(harness.apiCalls('sendMessage').length).toBe(sendsBefore);
});

test('health endpoint, no metrics on the public port, and unknown paths', async () => {
  const health = await fetch(`${base}/health`);
  expect(health.status).toBe(200);
  expect(await health.json()).toEqual({ ok: true });
  expect((await fetch(`${base}/metrics`)).status).toBe(404);
  expect((await fetch(`${base}/other`)).status).toBe(404);
  expect((await fetch(`${base}/telegram/updates`)).status).toBe(405);
});

interface ChunkedResult {
  status: number;
  body: string;
  /** Bytes the client had written when the answer arrived. */
  bytesWritten: number;
  /** The answer's Connection header. */
  connection: string | undefined;
}

/** POSTs `chunks` with Transfer-Encoding: chunked (no Content-Length), one chunk per tick, until the server answers. */
function postChunked(url: string, chunks: Iterable<Buffer>, headers: Record<string, string>): Promise<ChunkedResult> {
  return new Promise((resolve, reject) => {
    let bytesWritten = 0;
    let answered = false;
    const request = http.request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (response) => {
      answered = true;
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (text: string) => {
        body += text;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body, bytesWritten, connection: response.headers.connection }));
    });
    // Writing after the server closed may fail with EPIPE/ECONNRESET; only a failure before any answer counts.
    request.on('error', (error) => {
      if (!answered) reject(error);
    });
    expect(request.getHeader('content-length')).toBeUndefined();
    const iterator = chunks[Symbol.iterator]();
    const writeNext = () => {
      if (answered || request.destroyed) return;
      const next = iterator.next();
      if (next.done) {
        request.end();
        return;
      }
      bytesWritten += next.value.length;
      request.write(next.value, (error) => {
        if (!error) setImmediate(writeNext);
      });
    };
    writeNext();
  });
}

function* repeatedChunks(chunk: Buffer, count: number): Generator<Buffer> {
  for (let index = 0; index < count; index += 1) yield chunk;
}

test('a chunked body without Content-Length is capped as it streams: 413, Connection: close, nothing handled', async () => {
  const sendsBefore = harness.apiCalls('sendMessage').length;
  // 64 KiB chunks, up to 8 MB: the server must answer long before the client is done.
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  const result = await postChunked(`${base}/telegram/updates`, repeatedChunks(chunk, 128), { 'x-telegram-bot-api-secret-token': SECRET });
  expect(result.status).toBe(413);
  expect(result.bytesWritten).toBeLessThan(8 * 1024 * 1024);
  expect(result.connection).toBe('close');
  expect(harness.apiCalls('sendMessage').length).toBe(sendsBefore);
  // The server is still healthy and still handles updates.
  expect((await fetch(`${base}/health`)).status).toBe(200);
  const [reply] = await harness.sendPrivateMessage('株洲今年新建多少家爱心驿站？', { userId: 3001 });
  expect(reply!.text).toContain('80家');
});

test('a small chunked update with the secret is handled', async () => {
  const sendsBefore = harness.apiCalls('sendMessage').length;
  const update = JSON.stringify({
    update_id: 999_100,
    message: {
      message_id: 7,
      date: Math.floor(Date.now() / 1000),
      chat: { id: 3002, type: 'private', first_name: 'x' },
      from: { id: 3002, is_bot: false, first_name: 'x', language_code: 'zh-hans' },
      text: '株洲今年新建多少家爱心驿站？',
    },
  });
  const bytes = Buffer.from(update);
  const pieces = [bytes.subarray(0, 40), bytes.subarray(40, 120), bytes.subarray(120)];
  const result = await postChunked(`${base}/telegram/updates`, pieces, { 'x-telegram-bot-api-secret-token': SECRET });
  expect(result.status).toBe(200);
  const sent = harness.apiCalls('sendMessage').slice(sendsBefore);
  expect(sent.some((call) => String(call.payload.chat_id) === '3002' && String(call.payload.text).includes('80家'))).toBe(true);
});

test('a client that ignores the 413 and goes on sending is disconnected after a short linger', async () => {
  const { port } = new URL(base);
  const socket = net.connect(Number(port), '127.0.0.1');
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  socket.write(
    `POST /telegram/updates HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nX-Telegram-Bot-Api-Secret-Token: ${SECRET}\r\n\r\n`,
  );
  const chunk = Buffer.concat([Buffer.from(`${(64 * 1024).toString(16)}\r\n`), Buffer.alloc(64 * 1024, 0x20), Buffer.from('\r\n')]);
  let received = '';
  let answeredAt = 0;
  socket.on('data', (data: Buffer) => {
    received += data.toString('latin1');
    answeredAt ||= Date.now();
  });
  const closed = new Promise<number>((resolve) => {
    socket.on('error', () => {});
    socket.once('close', () => resolve(Date.now()));
  });
  // Send like a client that never reads its answer, until the server hangs up.
  const sending = (async () => {
    while (!socket.destroyed && !socket.writableEnded) {
      if (!socket.write(chunk)) await new Promise((resolve) => setTimeout(resolve, 5));
      else await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  const closedAt = await closed;
  await sending;
  expect(received).toMatch(/^HTTP\/1\.1 413 /);
  expect(received.toLowerCase()).toContain('connection: close');
  // The server kept reading for a while (so the answer was not lost to a reset), then dropped the connection.
  expect(closedAt - answeredAt).toBeGreaterThanOrEqual(1_000);
  expect(closedAt - answeredAt).toBeLessThan(10_000);
  expect((await fetch(`${base}/health`)).status).toBe(200);
});
