// Webhook mode: the built-in HTTP server, Telegram's secret-token header, the health endpoint.
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { createFakeArchive } from './fake-archive.js';
import { TEST_BOT_TOKEN, startBotHarness, type BotHarness } from './harness.js';
import { findFreePort } from './support/free-port.js';
import { STATION_ARTICLE } from './support/test-articles.js';

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
  expect(harness.apiCalls('getUpdates')).toEqual([]);
});

test('updates delivered with the secret header are answered', async () => {
  const [reply] = await harness.sendPrivateMessage('株洲今年新建多少家爱心驿站？');
  expect(reply!.text).toContain('80家');
  await vi.waitFor(() => expect(harness.api.webhookDeliveries.at(-1)?.status).toBe(200));
});

test('a request without the right secret is refused and not handled', async () => {
  const sendsBefore = harness.apiCalls('sendMessage').length;
  const update = JSON.stringify({ update_id: 999_001, message: { message_id: 1, date: 0, chat: { id: 5, type: 'private' }, from: { id: 5, is_bot: false, first_name: 'x' }, text: '你好' } });
  const missing = await fetch(`${base}/telegram/updates`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: update });
  expect(missing.status).toBe(401);
  const wrong = await fetch(`${base}/telegram/updates`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'nope' }, body: update });
  expect(wrong.status).toBe(401);
  expect(harness.apiCalls('sendMessage').length).toBe(sendsBefore);
});

test('health endpoint and unknown paths', async () => {
  const health = await fetch(`${base}/health`);
  expect(health.status).toBe(200);
  expect(await health.json()).toEqual({ status: 'ok' });
  expect((await fetch(`${base}/other`)).status).toBe(404);
  expect((await fetch(`${base}/telegram/updates`)).status).toBe(405);
});
