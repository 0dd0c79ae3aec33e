// Several `newsbot serve` workers (real processes, webhook mode, each with its own NEWSBOT_HOME) on one real
// PostgreSQL: they all answer, follow ingests and removals made by another process, survive a worker killed
// with SIGKILL and a PostgreSQL restart, and a late worker builds its replica by itself.
// Needs the compiled CLI: `npx tsc -p tsconfig.build.json`.
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
const BOT_USERNAME = 'TestNameBot';
const CLUSTERS = { question: '株洲有几个国家中小企业特色产业集群？', answer: '3个' };
const FERRY = { question: '湘江轮渡每天开行多少个班次？', answer: '42个班次' };
const TRAM = { question: '株洲有轨电车一期全长多少公里？', answer: '17.6公里' };
const MARKET = { question: '城南夜市有多少个摊位？', answer: '260个摊位' };

let server: PostgresServer;
let api: FakeBotApi;
let databaseUrl: string;
const folders: string[] = [];
const workers: WorkerProcess[] = [];
let updateId = 1;
let chatId = 1000;

function folder(prefix: string): string {
  const created = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  folders.push(created);
  return created;
}

function environment(home: string): Record<string, string> {
  return {
    NEWSBOT_HOME: home,
    DATABASE_URL: databaseUrl,
    EMBEDDING_MODEL: 'hash',
    LOG_LEVEL: 'warn',
    TELEGRAM_BOT_TOKEN: TEST_BOT_TOKEN,
    TELEGRAM_API_ROOT: api.apiRoot,
    // The same public URL on every worker (behind one load balancer); each listens on its own port.
    WEBHOOK_URL: `https://bot.example.org${HOOK_PATH}`,
    WEBHOOK_SECRET: SECRET,
    QUESTION_LOG_SECRET: 'question-log-secret-of-every-worker',
    RATE_LIMIT_PER_MINUTE: '10000',
  };
}

async function serve(name: string, home = folder(`newsbot-${name}-`)): Promise<WorkerProcess> {
  const worker = await startWorker(name, await findFreePort(), { ...environment(home), METRICS_PORT: String(await findFreePort()) });
  workers.push(worker);
  return worker;
}

/** `newsbot <args>` as a separate process with DATABASE_URL and a home of its own. */
async function newsbot(...args: string[]): Promise<string> {
  const run = await runNewsbot(args, environment(folder('newsbot-cli-')));
  if (run.code !== 0) throw new Error(`newsbot ${args.join(' ')} exited with ${run.code}: ${run.stderr}`);
  return run.stdout;
}

function articleFile(id: string, title: string, body: string): string {
  const file = path.join(folder('newsbot-source-'), `${id}.jsonl`);
  fs.writeFileSync(file, `${JSON.stringify({ id, title, body, date: '2026-04-24' })}\n`);
  return file;
}

function repliesTo(chat: number): string[] {
  return api
    .callsOf('sendMessage')
    .filter((call) => Number(call.payload.chat_id) === chat)
    .map((call) => String(call.payload.text));
}

/**
 * Posts a question to one worker's webhook as Telegram would (secret header; in a group `@botname` with its
 * `mention` entity) and returns the reply it sends through the Bot API.
 */
async function ask(worker: WorkerProcess, question: string, options: { group?: boolean } = {}): Promise<string> {
  chatId += 1;
  const chat = options.group ? { id: -chatId, type: 'group', title: 'Newsroom' } : { id: chatId, type: 'private', first_name: 'Reader' };
  const text = options.group ? `@${BOT_USERNAME} ${question}` : question;
  const message = {
    message_id: updateId,
    date: Math.floor(Date.now() / 1000),
    chat,
    from: { id: chatId, is_bot: false, first_name: 'Reader' },
    text,
    ...(options.group ? { entities: [{ type: 'mention', offset: 0, length: BOT_USERNAME.length + 1 }] } : {}),
  };
  const response = await fetch(`${worker.base}${HOOK_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
    body: JSON.stringify({ update_id: updateId++, message }),
  });
  expect(response.status, `${worker.name} webhook`).toBe(200);
  const started = Date.now();
  for (;;) {
    const [reply] = repliesTo(chat.id);
    if (reply !== undefined) return reply;
    if (Date.now() - started > 5_000) throw new Error(`${worker.name} sent no reply to "${question}"`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Asks until the reply satisfies `accept`; returns the milliseconds it took. */
async function askUntil(worker: WorkerProcess, question: string, accept: (reply: string) => boolean, timeoutMs = 10_000): Promise<number> {
  const started = Date.now();
  let last = '';
  while (Date.now() - started < timeoutMs) {
    last = await ask(worker, question);
    if (accept(last)) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${worker.name}: no acceptable reply to "${question}" within ${timeoutMs} ms; last: ${last}`);
}

/** The detailed /health of the worker's metrics listener (METRICS_PORT, loopback). */
async function health(
  worker: WorkerProcess,
): Promise<{ status: number; body: { ok: boolean; replica: { ready: boolean; position: number; headPosition: number | null; lastError: string | null } } }> {
  const response = await fetch(`${worker.metricsBase}/health`);
  return { status: response.status, body: (await response.json()) as never };
}

/** The public /health on the webhook port: ready or not, nothing else. */
async function publicHealth(worker: WorkerProcess): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${worker.base}/health`);
  return { status: response.status, body: await response.json() };
}

beforeAll(async () => {
  [server, api] = await Promise.all([startPostgresServer(), FakeBotApi.start()]);
  databaseUrl = await server.createDatabase();
  await newsbot('ingest', SAMPLE_PAGE, '--date', SAMPLE_PAGE_DATE);
}, 30_000);

afterAll(async () => {
  for (const worker of workers) killProcess(worker.child);
  await Promise.all(workers.map((worker) => worker.exited));
  await api?.stop();
  await server?.close();
  for (const created of folders) fs.rmSync(created, { recursive: true, force: true });
}, 20_000);

describe('workers on one PostgreSQL', () => {
  let first: WorkerProcess;
  let second: WorkerProcess;
  let secondHome: string;

  it('(a) two workers, each with its own replica, both answer', async () => {
    secondHome = folder('newsbot-second-');
    [first, second] = await Promise.all([serve('first'), serve('second', secondHome)]);
    for (const worker of [first, second]) {
      expect(await ask(worker, CLUSTERS.question)).toContain(CLUSTERS.answer);
      expect(await ask(worker, CLUSTERS.question, { group: true })).toContain(CLUSTERS.answer);
      const { status, body } = await health(worker);
      expect(status).toBe(200);
      expect(body).toMatchObject({ ok: true, replica: { ready: true, behind: 0, lastError: null } });
      expect(body.replica.position).toBeGreaterThan(0);
    }
    // Both registered the same webhook with the same secret (idempotent).
    expect(api.webhookOf(TEST_BOT_TOKEN)).toEqual({ url: `https://bot.example.org${HOOK_PATH}`, secretToken: SECRET });
  }, 30_000);

  it('(b) an article ingested by another process is answered by both; once removed, neither cites it', async () => {
    await newsbot('ingest', articleFile('ferry', '湘江轮渡恢复运营', '湘江轮渡航线今天恢复运营，每天开行42个班次，票价2元。'));
    const latencies = await Promise.all([first, second].map((worker) => askUntil(worker, FERRY.question, (reply) => reply.includes(FERRY.answer), 5_000)));
    console.info(`ingest → answered by both workers within ${Math.max(...latencies)} ms`);

    expect(JSON.parse(await newsbot('remove', 'ferry', '--json'))).toEqual({ removed: 1, notFound: [] });
    await Promise.all([first, second].map((worker) => askUntil(worker, FERRY.question, (reply) => !reply.includes(FERRY.answer), 5_000)));
  }, 30_000);

  it('(c) a worker killed mid-traffic leaves the other answering; restarted it catches up; a late worker builds its replica', async () => {
    const traffic = Promise.all(Array.from({ length: 10 }, () => ask(first, CLUSTERS.question)));
    second.child.kill('SIGKILL');
    expect(await second.exited).toBe('SIGKILL');
    for (const reply of await traffic) expect(reply).toContain(CLUSTERS.answer);

    await newsbot('ingest', articleFile('tram', '有轨电车开工', '株洲有轨电车一期工程开工，线路全长17.6公里，设站14座。'));
    expect(await ask(first, TRAM.question)).toContain(TRAM.answer);

    const restarted = await serve('second again', secondHome);
    expect(await ask(restarted, TRAM.question)).toContain(TRAM.answer);
    second = restarted;

    const late = await serve('late');
    const { body } = await health(late);
    expect(body.replica).toMatchObject({ ready: true, behind: 0 });
    expect(await ask(late, TRAM.question)).toContain(TRAM.answer);
    expect(await ask(late, CLUSTERS.question, { group: true })).toContain(CLUSTERS.answer);
  }, 40_000);

  it('(d) PostgreSQL stopped and restarted under load: answers continue, workers reconnect and catch up', async () => {
    let stopLoad = false;
    let asked = 0;
    const replies: string[] = [];
    const load = (async () => {
      while (!stopLoad) {
        for (const worker of [first, second]) {
          replies.push(await ask(worker, CLUSTERS.question));
          asked += 1;
        }
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await server.stop();
    const askedWhenStopped = asked;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    for (const worker of [first, second]) {
      const { status, body } = await health(worker);
      expect(status).toBe(200);
      expect(body.replica.ready).toBe(true);
      expect(body.replica.lastError).not.toBeNull();
      // Neither listener shows where the database is: the public one says only ready, the metrics one has no address.
      expect(body.replica.lastError).not.toMatch(/127\.0\.0\.1|localhost|:\d{4,5}\b|postgres(ql)?:\/\//);
      expect(await publicHealth(worker)).toEqual({ status: 200, body: { ok: true } });
      expect((await fetch(`${worker.base}/metrics`)).status).toBe(404);
    }
    expect(asked).toBeGreaterThan(askedWhenStopped);
    await server.start();
    await newsbot('ingest', articleFile('market', '城南夜市开业', '城南夜市今晚开业，设260个摊位，营业到凌晨一点。'));
    stopLoad = true;
    await load;
    expect(replies.length).toBe(asked);
    for (const reply of replies) expect(reply).toContain(CLUSTERS.answer);

    const latencies = await Promise.all([first, second].map((worker) => askUntil(worker, MARKET.question, (reply) => reply.includes(MARKET.answer), 15_000)));
    console.info(`after a PostgreSQL restart: ${asked} questions answered during the outage test; new article answered within ${Math.max(...latencies)} ms`);
    for (const worker of [first, second]) {
      const { body } = await health(worker);
      expect(body.replica).toMatchObject({ ready: true, lastError: null });
    }
  }, 40_000);
});
