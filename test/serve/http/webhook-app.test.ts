// The webhook listener as a pure request → response function (Hono's app.request): no port, no socket.
import { expect, test } from 'vitest';
import type { Update } from 'telegraf/types';
import { createLogger } from '../../../src/log/logger.js';
import { createMetricsApp } from '../../../src/serve/http/metrics-app.js';
import { createWebhookApp, MAX_UPDATE_BYTES } from '../../../src/serve/http/webhook-app.js';

const SECRET = 'app-test-secret';
const logger = createLogger('silent');

function appHandling(handled: Update[], ready = true) {
  return createWebhookApp({
    hookPath: '/telegram/updates',
    secret: SECRET,
    handleUpdate: async (update) => void handled.push(update),
    health: () => ({ ready, details: { replica: { position: 7 } } }),
    logger,
  });
}

const update = { update_id: 1, message: { message_id: 1, date: 0, chat: { id: 5, type: 'private' }, text: '你好' } };

test('an update with the secret is handled; without it, 401 and nothing handled', async () => {
  const handled: Update[] = [];
  const app = appHandling(handled);
  const refused = await app.request('/telegram/updates', { method: 'POST', body: JSON.stringify(update), headers: { 'content-type': 'application/json' } });
  expect(refused.status).toBe(401);
  expect(handled).toEqual([]);
  const accepted = await app.request('/telegram/updates', {
    method: 'POST',
    body: JSON.stringify(update),
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
  });
  expect(accepted.status).toBe(200);
  expect(handled).toEqual([update]);
});

test('a body over the limit is refused with 413 and Connection: close, before the update is handled', async () => {
  const handled: Update[] = [];
  const response = await appHandling(handled).request('/telegram/updates', {
    method: 'POST',
    body: ' '.repeat(MAX_UPDATE_BYTES + 1),
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
  });
  expect(response.status).toBe(413);
  expect(response.headers.get('connection')).toBe('close');
  expect(handled).toEqual([]);
});

test('health without details, no metrics, 405 and 404 on the public listener; details and metrics on the operators’ one', async () => {
  const app = appHandling([], false);
  const health = await app.request('/health');
  expect(health.status).toBe(503);
  expect(await health.json()).toEqual({ ok: false });
  expect((await app.request('/metrics')).status).toBe(404);
  expect((await app.request('/telegram/updates')).status).toBe(405);
  expect((await app.request('/other')).status).toBe(404);
  const operators = createMetricsApp(() => ({ ready: true, details: { replica: { position: 7 } } }), logger);
  expect(await (await operators.request('/healthz')).json()).toEqual({ ok: true, replica: { position: 7 } });
  expect((await operators.request('/metrics')).headers.get('content-type')).toContain('text/plain');
  expect((await operators.request('/metrics', { method: 'POST' })).status).toBe(405);
});
