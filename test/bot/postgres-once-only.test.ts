// Work that must happen once happens once across real `newsbot serve` workers (webhook mode, own
// NEWSBOT_HOME each) on one real PostgreSQL, with the Bot API emulator: the day's digest reaches each
// chat once with two workers, after the leader is SIGKILLed just before the digest time, and across a
// PostgreSQL restart at the digest time; one user's rate limit holds across workers; a "more results"
// button drawn by one worker works on the other. Needs the compiled CLI: `npx tsc -p tsconfig.build.json`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgresServer, type PostgresServer } from '../helpers/postgres-server.js';
import { FakeBotApi } from './fake-bot-api.js';
import { SAMPLE_PAGE, SAMPLE_PAGE_DATE, TEST_BOT_TOKEN } from './harness.js';
import { findFreePort } from './support/free-port.js';
import { killProcess, runNewsbot, startWorker, type WorkerProcess } from './support/worker-process.js';

const SECRET = 'shared_webhook-secret_for-every-worker';
const HOOK_PATH = '/telegram/updates';
const CLUSTERS = { question: '株洲有几个国家中小企业特色产业集群？', answer: '3个' };
/** Seconds from now to the digest time: time for two workers to start and one to lead, on a loaded machine too (8 s was met too late once). */
const DIGEST_LEAD_SECONDS = 15;

let server: PostgresServer;
let api: FakeBotApi;
const folders: string[] = [];
const workers: WorkerProcess[] = [];
let updateId = 1;

function folder(prefix: string): string {
  const created = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  folders.push(created);
  return created;
}

/** A scenario: its own database with today's articles, chats configured for the digest, a digest time a few seconds ahead. */
interface Scenario {
  databaseUrl: string;
  chats: string[];
  digestAt: Date;
  env: Record<string, string>;
}

async function scenario(firstChat: number): Promise<Scenario> {
  const databaseUrl = await server.createDatabase();
  const chats = [0, 1, 2].map((offset) => String(-(1_000_000 + firstChat + offset)));
  const today = new Date(Date.now() + DIGEST_LEAD_SECONDS * 1000).toISOString().slice(0, 10);
  const base = {
    DATABASE_URL: databaseUrl,
    EMBEDDING_MODEL: 'hash',
    LOG_LEVEL: 'info',
    TELEGRAM_BOT_TOKEN: TEST_BOT_TOKEN,
    TELEGRAM_API_ROOT: api.apiRoot,
    WEBHOOK_URL: `https://bot.example.org${HOOK_PATH}`,
    WEBHOOK_SECRET: SECRET,
    QUESTION_LOG_SECRET: 'question-log-secret-of-every-worker',
    RATE_LIMIT_PER_MINUTE: '3',
    DIGEST_TIMEZONE: 'UTC',
    DIGEST_CHAT_IDS: chats.join(','),
  };
  const source = path.join(folder('newsbot-source-'), 'today.jsonl');
  const articles = [
    { id: `today-ferry-${firstChat}`, title: '湘江轮渡恢复运营', body: '湘江轮渡航线今天恢复运营，每天开行42个班次。', date: today },
    { id: `today-market-${firstChat}`, title: '城南夜市开市', body: '城南夜市今晚开市，共有260个摊位。', date: today },
  ];
  fs.writeFileSync(source, articles.map((article) => JSON.stringify(article)).join('\n'));
  for (const files of [[SAMPLE_PAGE, '--date', SAMPLE_PAGE_DATE], [source]]) {
    const run = await runNewsbot(['ingest', ...files], { ...base, NEWSBOT_HOME: folder('newsbot-cli-') });
    if (run.code !== 0) throw new Error(`ingest exited with ${run.code}: ${run.stderr}`);
  }
  // After the ingest: the workers start, one leads, and only then the digest is due.
  const digestAt = new Date(Math.ceil(Date.now() / 1000) * 1000 + DIGEST_LEAD_SECONDS * 1000);
  // Croner's six fields: the digest time to the second, once a day.
  const env = { ...base, DIGEST_CRON: `${digestAt.getUTCSeconds()} ${digestAt.getUTCMinutes()} ${digestAt.getUTCHours()} * * *` };
  return { databaseUrl, chats, digestAt, env };
}

async function serve(name: string, env: Record<string, string>): Promise<WorkerProcess> {
  const worker = await startWorker(name, await findFreePort(), { ...env, NEWSBOT_HOME: folder(`newsbot-${name}-`) });
  workers.push(worker);
  return worker;
}

function sentTo(chat: string | number): Array<{ text: string; payload: Record<string, unknown> }> {
  return api
    .callsOf('sendMessage')
    .filter((call) => String(call.payload.chat_id) === String(chat))
    .map((call) => ({ text: String(call.payload.text), payload: call.payload }));
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}

/** Waits for the digest to reach every chat, then a little longer, so a second sender would be caught. */
async function expectDigestOnce(chats: readonly string[], digestAt: Date, settleMs = 3_000): Promise<void> {
  await until(() => chats.every((chat) => sentTo(chat).length > 0), Math.max(0, digestAt.getTime() - Date.now()) + 15_000, 'the digest in every chat');
  await sleep(settleMs);
  const first = sentTo(chats[0]!).map((message) => message.text);
  expect(first.join('\n')).toContain('湘江轮渡恢复运营');
  for (const chat of chats) {
    const texts = sentTo(chat).map((message) => message.text);
    // The same messages once: no message twice, no title twice.
    expect(texts, `chat ${chat}`).toEqual(first);
    expect(texts.join('\n').split('湘江轮渡恢复运营'), `chat ${chat}`).toHaveLength(2);
  }
}

async function post(worker: WorkerProcess, update: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${worker.base}${HOOK_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
    body: JSON.stringify({ update_id: updateId++, ...update }),
  });
  expect(response.status, `${worker.name} webhook`).toBe(200);
}

function message(user: number, text: string): Record<string, unknown> {
  return {
    message: {
      message_id: updateId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: user, type: 'private', first_name: 'Reader' },
      from: { id: user, is_bot: false, first_name: 'Reader' },
      text,
    },
  };
}

function leaderOf(candidates: readonly WorkerProcess[]): WorkerProcess | undefined {
  return candidates.find((worker) => worker.stderr().includes('this worker leads the background jobs'));
}

beforeAll(async () => {
  [server, api] = await Promise.all([startPostgresServer(), FakeBotApi.start()]);
}, 30_000);

afterAll(async () => {
  for (const worker of workers) killProcess(worker.child);
  await Promise.all(workers.map((worker) => worker.exited));
  await api?.stop();
  await server?.close();
  for (const created of folders) fs.rmSync(created, { recursive: true, force: true });
}, 20_000);

describe('once-only work across workers on one PostgreSQL', () => {
  let first: WorkerProcess;
  let second: WorkerProcess;

  it('two workers running the schedule: each chat gets the day’s digest exactly once', async () => {
    const { chats, digestAt, env } = await scenario(100);
    [first, second] = await Promise.all([serve('first', env), serve('second', env)]);
    await expectDigestOnce(chats, digestAt);
  }, 50_000);

  it('one user’s questions alternated between two workers: the limit of 3 a minute holds', async () => {
    const user = 7_001;
    for (let index = 0; index < 6; index += 1) {
      await post(index % 2 ? second : first, message(user, CLUSTERS.question));
      // Sequential, as a reader types: wait for this question's reply, if it gets one.
      const expected = Math.min(index + 1, 4);
      await until(() => sentTo(user).length >= expected, 5_000, `reply ${expected}`).catch(() => undefined);
    }
    await sleep(500);
    const replies = sentTo(user).map((reply) => reply.text);
    expect(replies.filter((reply) => reply.includes(CLUSTERS.answer))).toHaveLength(3);
    // One polite refusal, then silence.
    expect(replies).toHaveLength(4);
  }, 30_000);

  it('a “more results” button drawn by one worker works on the other', async () => {
    const user = 7_002;
    await post(first, message(user, CLUSTERS.question));
    await until(() => sentTo(user).length > 0, 5_000, 'the answer');
    const markup = sentTo(user)[0]!.payload.reply_markup;
    const keyboard = (typeof markup === 'string' ? JSON.parse(markup) : markup) as { inline_keyboard: Array<Array<{ callback_data?: string }>> };
    const more = keyboard.inline_keyboard.flat().find((button) => button.callback_data?.startsWith('more:'))?.callback_data;
    expect(more).toBeDefined();
    const answered = api.callsOf('answerCallbackQuery').length;
    await post(second, {
      callback_query: {
        id: `more-${user}`,
        chat_instance: 'instance',
        from: { id: user, is_bot: false, first_name: 'Reader' },
        message: { message_id: 1, date: Math.floor(Date.now() / 1000), chat: { id: user, type: 'private', first_name: 'Reader' }, text: 'answer' },
        data: more,
      },
    });
    await until(() => sentTo(user).length > 1, 5_000, 'the more results');
    expect(sentTo(user)[1]!.text).toContain('更多结果');
    const callbackAnswers = api.callsOf('answerCallbackQuery').slice(answered);
    expect(callbackAnswers.map((call) => call.payload.text ?? null)).toEqual([null]);
  }, 20_000);

  it('the leader killed with SIGKILL just before the digest time: the other worker takes over and sends it, once', async () => {
    const { chats, digestAt, env } = await scenario(200);
    const pair = await Promise.all([serve('third', env), serve('fourth', env)]);
    await until(() => leaderOf(pair) !== undefined, 10_000, 'a leader');
    const leader = leaderOf(pair)!;
    await sleep(Math.max(0, digestAt.getTime() - Date.now() - 1_500));
    expect(sentTo(chats[0]!)).toEqual([]);
    leader.child.kill('SIGKILL');
    expect(await leader.exited).toBe('SIGKILL');
    await expectDigestOnce(chats, digestAt);
    const survivor = pair.find((worker) => worker !== leader)!;
    expect(survivor.stderr()).toContain('this worker leads the background jobs');
  }, 60_000);

  it('PostgreSQL restarted around the digest time: no chat gets it twice', async () => {
    const { chats, digestAt, env } = await scenario(300);
    const pair = await Promise.all([serve('fifth', env), serve('sixth', env)]);
    await until(() => leaderOf(pair) !== undefined, 10_000, 'a leader');
    await sleep(Math.max(0, digestAt.getTime() - Date.now() - 1_000));
    await server.stop();
    await sleep(3_000);
    await server.start();
    await expectDigestOnce(chats, digestAt);
  }, 60_000);
});
