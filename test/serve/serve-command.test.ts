// `newsbot serve` end to end through main(): the missing-token message, and the real command answering over
// the loopback Bot API until SIGTERM.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';
import { FakeBotApi } from '../bot/fake-bot-api.js';
import { SAMPLE_PAGE, SAMPLE_PAGE_DATE, TEST_BOT_TOKEN } from '../bot/harness.js';

const homes: string[] = [];
afterEach(async () => {
  for (const home of homes.splice(0)) await fs.rm(home, { recursive: true, force: true });
});

async function temporaryHome(): Promise<string> {
  const home = await fs.mkdtemp(path.join(os.tmpdir(), 'newsbot-serve-'));
  homes.push(home);
  return home;
}

test('without TELEGRAM_BOT_TOKEN, serve explains how to get one and how to try answers locally', async () => {
  const home = await temporaryHome();
  let stderr = '';
  const code = await main(
    ['serve'],
    { NEWSBOT_HOME: home, EMBEDDING_MODEL: 'hash', LOG_LEVEL: 'silent' },
    {
      cwd: home,
      stdout: () => {},
      stderr: (text) => {
        stderr += text;
      },
    },
  );
  expect(code).toBe(2);
  expect(stderr).toContain('@BotFather');
  expect(stderr).toContain('/newbot');
  expect(stderr).toContain('newsbot ask');
  expect(await fs.readdir(home)).toEqual([]);
});

test.each([
  ['DIGEST_CRON', 'notacron', 'DIGEST_CRON=notacron: DIGEST_CRON must be a cron pattern'],
  ['DIGEST_TIMEZONE', 'Mars/Olympus', 'DIGEST_TIMEZONE=Mars/Olympus: DIGEST_TIMEZONE must be an IANA time zone'],
  ['STAFF_REPORT_CRON', '61 * * * *', 'STAFF_REPORT_CRON=61 * * * *: STAFF_REPORT_CRON must be a cron pattern'],
  ['WEBHOOK_URL', 'notaurl', 'WEBHOOK_URL=notaurl: WEBHOOK_URL must be the public HTTPS address'],
  ['WEBHOOK_SECRET', 'has spaces and !', 'WEBHOOK_SECRET=<hidden>: WEBHOOK_SECRET may only contain'],
])('serve with %s=%s stops before starting anything, exit 2, naming the variable', async (name, value, expected) => {
  const home = await temporaryHome();
  let stderr = '';
  const env = { NEWSBOT_HOME: home, EMBEDDING_MODEL: 'hash', LOG_LEVEL: 'silent', TELEGRAM_BOT_TOKEN: TEST_BOT_TOKEN, TELEGRAM_API_ROOT: 'http://127.0.0.1:9', [name]: value };
  const code = await main(['serve'], env, {
    cwd: home,
    stdout: () => {},
    stderr: (text) => {
      stderr += text;
    },
  });
  expect(code).toBe(2);
  expect(stderr).toContain(`newsbot: invalid configuration: ${expected}`);
  if (name === 'WEBHOOK_SECRET') expect(stderr).not.toContain(value);
  expect(await fs.readdir(home)).toEqual([]);
});

test('serve answers over long polling and stops on SIGTERM', async () => {
  const home = await temporaryHome();
  const api = await FakeBotApi.start();
  const env = { NEWSBOT_HOME: home, EMBEDDING_MODEL: 'hash', LOG_LEVEL: 'silent', TELEGRAM_BOT_TOKEN: TEST_BOT_TOKEN, TELEGRAM_API_ROOT: api.apiRoot };
  const quiet = { cwd: home, stdout: () => {}, stderr: () => {} };
  try {
    expect(await main(['ingest', SAMPLE_PAGE, '--date', SAMPLE_PAGE_DATE], env, quiet)).toBe(0);
    let stderr = '';
    let announced: () => void = () => {};
    const started = new Promise<void>((resolve) => (announced = resolve));
    const serving = main(['serve'], env, {
      cwd: home,
      stdout: () => {},
      stderr: (text) => {
        stderr += text;
        if (stderr.includes('is answering')) announced();
      },
    });
    await Promise.race([started, serving.then((code) => Promise.reject(new Error(`serve exited early with ${code}: ${stderr}`)))]);
    expect(stderr).toContain('@TestNameBot is answering (polling)');

    const replied = api.emulator.waitBotMessage();
    await api.emulator.addUserMessage({
      botToken: TEST_BOT_TOKEN,
      date: Math.floor(Date.now() / 1000),
      text: '株洲有几个国家中小企业特色产业集群？',
      from: { id: 4242, is_bot: false, first_name: 'Reader' },
      chat: { id: 4242, type: 'private', first_name: 'Reader' },
    } as never);
    await replied;
    const answer = api.emulator.storage.botMessages.at(-1)!.message as unknown as { text: string };
    expect(answer.text).toContain('3个');

    process.emit('SIGTERM');
    expect(await serving).toBe(0);
    expect(process.listeners('SIGTERM')).toEqual([]);
  } finally {
    await api.stop();
  }
});
