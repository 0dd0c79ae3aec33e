import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';

describe('loadConfig: settings serve reads', () => {
  it('accepts the defaults and valid values', () => {
    const config = loadConfig({ DIGEST_CRON: '30 7 * * 1-5', DIGEST_TIMEZONE: 'Europe/Berlin', STAFF_REPORT_CRON: '@weekly', WEBHOOK_URL: 'https://bot.example.com/hook' });
    expect(config.digest).toMatchObject({ cron: '30 7 * * 1-5', timezone: 'Europe/Berlin' });
    expect(config.telegram.webhookHost).toBeNull();
    expect(config.metrics).toEqual({ port: null, host: '127.0.0.1', onWebhookPort: false });
  });

  it('takes plain http for a loopback webhook only', () => {
    expect(loadConfig({ WEBHOOK_URL: 'http://127.0.0.1:8443/hook' }).telegram.webhookUrl).toBe('http://127.0.0.1:8443/hook');
    expect(() => loadConfig({ WEBHOOK_URL: 'http://bot.example.com/hook' })).toThrow(/WEBHOOK_URL=http:\/\/bot\.example\.com\/hook: WEBHOOK_URL must be the public HTTPS address/);
  });

  it('reads WEBHOOK_HOST and METRICS_ON_WEBHOOK_PORT', () => {
    const config = loadConfig({ WEBHOOK_HOST: '127.0.0.1', METRICS_ON_WEBHOOK_PORT: 'true', METRICS_PORT: '9100' });
    expect(config.telegram.webhookHost).toBe('127.0.0.1');
    expect(config.metrics).toEqual({ port: 9100, host: '127.0.0.1', onWebhookPort: true });
  });

  it('names every bad setting at once, and croner’s reason for a bad cron pattern', () => {
    let error: unknown;
    try {
      loadConfig({ DIGEST_CRON: '0 25 * * *', DIGEST_TIMEZONE: 'Mars/Olympus' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/DIGEST_CRON=0 25 \* \* \*: DIGEST_CRON must be a cron pattern .*Invalid value for hour/);
    expect((error as Error).message).toContain('DIGEST_TIMEZONE=Mars/Olympus');
  });
});
