// /metrics on METRICS_PORT (loopback) in long-polling and webhook mode: Prometheus text that counts questions; the public
// webhook port serves it only with METRICS_ON_WEBHOOK_PORT.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startMetricsServer } from '../../src/serve/metrics-server.js';
import { createLogger } from '../../src/log/logger.js';
import { type BotHarness, startBotHarness } from '../bot/harness.js';
import { findFreePort } from '../bot/support/free-port.js';

/** Metric samples by name and labels (`name{a="b"}` → value); throws on any line that is not Prometheus text. */
function parsePrometheusText(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    if (line.startsWith('# HELP ') || line.startsWith('# TYPE ')) {
      expect(line).toMatch(/^# (HELP [a-zA-Z_:][a-zA-Z0-9_:]* .*|TYPE [a-zA-Z_:][a-zA-Z0-9_:]* (counter|gauge|histogram|summary|untyped))$/);
      continue;
    }
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*",?)*\})? (-?[0-9.e+-]+|NaN|\+Inf|-Inf)$/.exec(line);
    if (!match) throw new Error(`not Prometheus text: ${line}`);
    samples.set(`${match[1]}${match[2] ?? ''}`, Number(match[3]));
  }
  return samples;
}

const QUESTION_SAMPLE = 'newsbot_questions_total{chat_type="private",outcome="answered"}';

describe('metrics in long-polling mode', () => {
  let harness: BotHarness;

  beforeAll(async () => {
    harness = await startBotHarness({ env: { METRICS_PORT: '0' } });
  }, 120_000);

  afterAll(async () => {
    await harness?.stop();
  });

  test('/metrics parses as Prometheus text and counts a question; /health is ready', async () => {
    const base = `http://127.0.0.1:${harness.server.metricsPort}`;
    const before = parsePrometheusText(await (await fetch(`${base}/metrics`)).text()).get(QUESTION_SAMPLE) ?? 0;
    await harness.sendPrivateMessage('今年要提质升级多少所中小学食堂？', { userId: 5001 });
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const samples = parsePrometheusText(await response.text());
    expect(samples.get(QUESTION_SAMPLE)).toBe(before + 1);
    expect(samples.get('newsbot_answer_latency_seconds_count{mode="extractive"}')).toBeGreaterThanOrEqual(1);
    expect([...samples.keys()].some((name) => name.startsWith('newsbot_ingested_articles_total'))).toBe(true);
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
  });
});

describe('metrics in webhook mode', () => {
  let harness: BotHarness;
  let port: number;

  beforeAll(async () => {
    port = await findFreePort();
    harness = await startBotHarness({
      env: { WEBHOOK_URL: `http://127.0.0.1:${port}/telegram/updates`, WEBHOOK_PORT: String(port), WEBHOOK_SECRET: 'metrics-test-secret', METRICS_PORT: '0' },
    });
  }, 120_000);

  afterAll(async () => {
    await harness?.stop();
  });

  test('/metrics is on the metrics listener, not on the public webhook port', async () => {
    await harness.sendPrivateMessage('今年要提质升级多少所中小学食堂？', { userId: 5002 });
    expect(harness.server.metricsPort).not.toBeNull();
    const response = await fetch(`http://127.0.0.1:${harness.server.metricsPort}/metrics`);
    expect(response.status).toBe(200);
    expect(parsePrometheusText(await response.text()).get(QUESTION_SAMPLE)).toBeGreaterThanOrEqual(1);
    expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(404);
    expect(await (await fetch(`http://127.0.0.1:${port}/health`)).json()).toEqual({ ok: true });
  });
});

describe('metrics on the webhook port when configured', () => {
  let harness: BotHarness;
  let port: number;

  beforeAll(async () => {
    port = await findFreePort();
    harness = await startBotHarness({
      env: { WEBHOOK_URL: `http://127.0.0.1:${port}/telegram/updates`, WEBHOOK_PORT: String(port), WEBHOOK_SECRET: 'metrics-test-secret', METRICS_ON_WEBHOOK_PORT: 'true' },
    });
  }, 120_000);

  afterAll(async () => {
    await harness?.stop();
  });

  test('METRICS_ON_WEBHOOK_PORT=true serves /metrics on the webhook port too', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(response.status).toBe(200);
    expect(harness.server.metricsPort).toBeNull();
  });
});

test('the metrics server says not ready until the archive is open, on loopback', async () => {
  const server = await startMetricsServer({ port: 0, host: '127.0.0.1', logger: createLogger('silent') });
  try {
    const opening = await fetch(`http://127.0.0.1:${server.port}/health`);
    expect(opening.status).toBe(503);
    expect(await opening.json()).toEqual({ ok: false, archive: 'opening' });
    server.setHealth(() => ({ ready: true, details: {} }));
    expect((await fetch(`http://127.0.0.1:${server.port}/health`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${server.port}/nothing`)).status).toBe(404);
  } finally {
    await server.close();
  }
});
