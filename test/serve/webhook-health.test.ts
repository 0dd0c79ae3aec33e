// GET /health on the public webhook port with a readiness check (a PostgreSQL-mode worker's replica): 503 until ready,
// then 200; never the details (replica position, last error), which are for the metrics listener.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Telegraf } from 'telegraf';
import { startWebhookServer, type WebhookServer } from '../../src/serve/webhook-server.js';
import { createLogger } from '../../src/log/logger.js';
import { FakeBotApi } from '../bot/fake-bot-api.js';
import { TEST_BOT_TOKEN } from '../bot/harness.js';

let api: FakeBotApi;
let server: WebhookServer;
let ready = false;

beforeAll(async () => {
  api = await FakeBotApi.start();
  const bot = new Telegraf(TEST_BOT_TOKEN, { telegram: { apiRoot: api.apiRoot } });
  server = await startWebhookServer(bot, {
    url: 'https://bot.example.org/telegram/updates',
    port: 0,
    host: '127.0.0.1',
    secret: 'health-test-secret',
    logger: createLogger('silent'),
    health: () => ({ ready, details: { replica: { ready, position: ready ? 7 : 0, lastError: ready ? null : 'ECONNREFUSED: connect ECONNREFUSED <address>' } } }),
  });
});

afterAll(async () => {
  await server?.close();
  await api?.stop();
});

test('answers 503 while not ready and 200 once ready, without the details, never cached', async () => {
  const building = await fetch(`http://127.0.0.1:${server.port}/health`);
  expect(building.status).toBe(503);
  expect(building.headers.get('cache-control')).toBe('no-store');
  expect(await building.json()).toEqual({ ok: false });
  ready = true;
  const answering = await fetch(`http://127.0.0.1:${server.port}/healthz`);
  expect(answering.status).toBe(200);
  expect(await answering.json()).toEqual({ ok: true });
  expect((await fetch(`http://127.0.0.1:${server.port}/metrics`)).status).toBe(404);
});
