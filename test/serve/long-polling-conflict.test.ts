// A second long-polling `serve` of the same bot is refused with a message that names the cause and the fix:
// through Telegram's 409 (two homes), the home's serve lock (one home), and PostgreSQL's lock (one database).
// Real `newsbot` processes on the fake Bot API. Needs the compiled CLI: `npx tsc -p tsconfig.build.json`.
import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeBotApi } from '../bot/fake-bot-api.js';
import { SAMPLE_PAGE, SAMPLE_PAGE_DATE, TEST_BOT_TOKEN } from '../bot/harness.js';
import { killProcess, runNewsbot, startWorker, type WorkerProcess } from '../bot/support/worker-process.js';
import { findFreePort } from '../bot/support/free-port.js';
import { startPostgresServer, type PostgresServer } from '../helpers/postgres-server.js';
import { temporaryHome } from '../helpers/run-cli.js';

const homes: string[] = [];
const workers: WorkerProcess[] = [];
let api: FakeBotApi;

function home(): string {
  const created = temporaryHome('newsbot-polling-');
  homes.push(created);
  return created;
}

function botEnv(newsbotHome: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NEWSBOT_HOME: newsbotHome,
    EMBEDDING_MODEL: 'hash',
    LOG_LEVEL: 'warn',
    TELEGRAM_BOT_TOKEN: TEST_BOT_TOKEN,
    TELEGRAM_API_ROOT: api.apiRoot,
    QUESTION_LOG_SECRET: 'question-log-secret-of-this-bot',
    ...extra,
  };
}

async function startPoller(name: string, env: Record<string, string>): Promise<WorkerProcess> {
  const worker = await startWorker(name, await findFreePort(), env);
  workers.push(worker);
  return worker;
}

/** A question to the bot through the emulator; resolves with the reply's text. */
async function ask(text: string): Promise<string> {
  const replied = api.emulator.waitBotMessage();
  await api.emulator.addUserMessage({
    botToken: TEST_BOT_TOKEN,
    date: Math.floor(Date.now() / 1000),
    text,
    from: { id: 4343, is_bot: false, first_name: 'Reader' },
    chat: { id: 4343, type: 'private', first_name: 'Reader' },
  } as never);
  await replied;
  return (api.emulator.storage.botMessages.at(-1)!.message as unknown as { text: string }).text;
}

function expectClearRefusal(stderr: string): void {
  expect(stderr).toContain("another newsbot serve is already receiving this bot's updates");
  expect(stderr).toContain('webhook mode (set WEBHOOK_URL and WEBHOOK_SECRET');
  expect(stderr).not.toContain(TEST_BOT_TOKEN);
  expect(stderr).not.toContain(TEST_BOT_TOKEN.split(':')[1]!);
}

beforeAll(async () => {
  api = await FakeBotApi.start();
});

afterEach(async () => {
  for (const worker of workers.splice(0)) {
    killProcess(worker.child);
    await worker.exited;
  }
  api.emulator.storage.botMessages.splice(0);
});

afterAll(async () => {
  await api?.stop();
  for (const created of homes) fs.rmSync(created, { recursive: true, force: true });
});

describe('one long-polling serve per bot', () => {
  it("stops on Telegram's 409 with the cause and the fix, and the first poller keeps answering", async () => {
    const first = home();
    expect((await runNewsbot(['ingest', SAMPLE_PAGE, '--date', SAMPLE_PAGE_DATE], botEnv(first))).code).toBe(0);
    const running = await startPoller('first', botEnv(first));
    const callsBefore = api.calls.length;

    const second = await runNewsbot(['serve'], botEnv(home()));
    expect(second.code).toBe(1);
    expectClearRefusal(second.stderr);
    expect(second.stderr).toContain('409');
    expect(second.stderr).toContain('terminated by other getUpdates request');
    // Refused once, not a loop of retries.
    expect(api.calls.slice(callsBefore).filter((call) => call.method === 'getUpdates' && call.status === 409)).toHaveLength(1);

    expect(await ask('株洲有几个国家中小企业特色产业集群？')).toContain('3个');
    expect(running.child.exitCode).toBeNull();
  }, 40_000);

  it('refuses a second serve on the same NEWSBOT_HOME at once, naming the process that serves it', async () => {
    const shared = home();
    const running = await startPoller('first', botEnv(shared));
    const callsBefore = api.calls.length;
    const second = await runNewsbot(['serve'], botEnv(shared));
    expect(second.code).toBe(1);
    expectClearRefusal(second.stderr);
    expect(second.stderr).toContain(`process ${running.child.pid} serves NEWSBOT_HOME=${shared}; one serve per home`);
    // Refused before talking to Telegram.
    expect(api.calls.slice(callsBefore)).toEqual([]);
  }, 30_000);

  describe('PostgreSQL mode', () => {
    let server: PostgresServer;
    let databaseUrl: string;
    beforeAll(async () => {
      server = await startPostgresServer();
      databaseUrl = await server.createDatabase();
    }, 30_000);
    afterAll(async () => {
      await server?.close();
    });

    it('refuses a second poller through the lock on the token hash before it polls, and frees the lock with the first', async () => {
      const first = await startPoller('first', botEnv(home(), { DATABASE_URL: databaseUrl }));
      const callsBefore = api.calls.length;
      const second = await runNewsbot(['serve'], botEnv(home(), { DATABASE_URL: databaseUrl }));
      expect(second.code).toBe(1);
      expectClearRefusal(second.stderr);
      expect(second.stderr).toMatch(/holds the long-polling lock of bot token sha256:[0-9a-f]{8}/);
      expect(api.calls.slice(callsBefore).filter((call) => call.method === 'getUpdates' && call.status === 409)).toEqual([]);

      // SIGKILL ends the first poller's session, so PostgreSQL frees the lock and a new poller starts.
      killProcess(first.child);
      await first.exited;
      const replacement = await startPoller('replacement', botEnv(home(), { DATABASE_URL: databaseUrl }));
      expect(replacement.stderr()).toContain('is answering (polling)');
    }, 40_000);
  });
});
