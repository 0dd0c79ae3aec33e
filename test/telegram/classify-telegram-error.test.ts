import { TelegramError } from 'telegraf';
import { expect, it } from 'vitest';
import { classifyTelegramError } from '../../src/telegram/classify-telegram-error.js';

it('tells a locally aborted call from a network failure, and a 429 from a 5xx', () => {
  const aborted = Object.assign(new Error('The operation was aborted'), { name: 'AbortError' });
  const reset = Object.assign(new Error('socket hang up'), { name: 'FetchError', code: 'ECONNRESET' });
  const tooMany = new TelegramError({ error_code: 429, description: 'Too Many Requests', parameters: { retry_after: 2 } });
  expect(classifyTelegramError(aborted)).toMatchObject({ kind: 'transient', trigger: 'aborted' });
  expect(classifyTelegramError(reset)).toMatchObject({ kind: 'transient', trigger: 'network' });
  expect(classifyTelegramError(tooMany)).toMatchObject({ kind: 'transient', trigger: 'rate-limit', retryAfterMs: 2000 });
  expect(classifyTelegramError(new TelegramError({ error_code: 503, description: 'Service Unavailable' }))).toMatchObject({ trigger: 'server-error' });
});
