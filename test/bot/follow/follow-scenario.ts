// A follow scenario on real `newsbot serve` processes (webhook mode) and the fake Bot API: readers' messages are posted
// to a worker's webhook, articles are ingested by `newsbot ingest` child processes, alerts are read from the API's
// recorded sendMessage calls. Needs the compiled CLI (`npm run build`).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { FakeBotApi } from '../fake-bot-api.js';
import { TEST_BOT_TOKEN } from '../harness.js';
import { findFreePort } from '../support/free-port.js';
import { killProcess, runNewsbot, startWorker, type WorkerProcess } from '../support/worker-process.js';
import { zoneAtNoon } from '../support/zone-at-noon.js';

const SECRET = 'follow_webhook-secret';
const HOOK_PATH = '/telegram/updates';

/** One article as `ingest` reads it from JSONL. */
export interface TestArticle {
  id: string;
  title: string;
  body: string;
  date?: string;
  url?: string | null;
}

/** Reports of one story and two articles on other things, ingested before the bot starts. */
export const BRIDGE_STORY: readonly TestArticle[] = [
  { id: 'bridge-start', title: '湘江四桥开工', date: '2024-02-20', url: 'https://news.example/1', body: '湘江四桥今日开工建设，计划2025年12月建成通车，总投资18亿元。' },
  { id: 'bridge-pier', title: '湘江四桥首个主墩完工', date: '2024-11-05', body: '湘江四桥首个主墩浇筑完成，湘江四桥建设进入上部结构施工。' },
  { id: 'bridge-closure', title: '湘江四桥主桥合龙', date: '2025-06-30', body: '经过一年多施工，湘江四桥主桥今天顺利合龙，进入桥面铺装阶段。' },
  { id: 'bakery', title: '面包节开幕', date: '2025-05-01', body: '第三届面包节今天在神农公园开幕，吸引游客两万余人，桥头广场也设了分会场。' },
  { id: 'river', title: '湘江水位回落', date: '2025-07-10', body: '受上游来水减少影响，湘江株洲段水位持续回落。' },
];

export class FollowScenario {
  readonly api: FakeBotApi;
  readonly env: Record<string, string>;
  readonly workers: WorkerProcess[] = [];
  readonly #folders: string[] = [];
  #updateId = 1;
  #files = 0;

  private constructor(api: FakeBotApi, env: Record<string, string>) {
    this.api = api;
    this.env = env;
  }

  /** The fake Bot API and the environment every process of the scenario shares (`extra` adds to it). */
  static async start(extra: Record<string, string>): Promise<FollowScenario> {
    const api = await FakeBotApi.start();
    return new FollowScenario(api, {
      EMBEDDING_MODEL: 'hash',
      LOG_LEVEL: 'info',
      TELEGRAM_BOT_TOKEN: TEST_BOT_TOKEN,
      TELEGRAM_API_ROOT: api.apiRoot,
      WEBHOOK_URL: `https://bot.example.org${HOOK_PATH}`,
      WEBHOOK_SECRET: SECRET,
      QUESTION_LOG_SECRET: 'question-log-secret-of-the-follow-test',
      // The daily cap counts today in this zone: no midnight falls within the scenario's minutes.
      DIGEST_TIMEZONE: zoneAtNoon(),
      FOLLOW_POLL_SECONDS: '2',
      ...extra,
    });
  }

  folder(prefix: string): string {
    const created = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    this.#folders.push(created);
    return created;
  }

  /** `newsbot ingest` of these articles in its own process, on `home` (or, with DATABASE_URL, a home of its own). */
  async ingest(articles: readonly TestArticle[], home = this.folder('newsbot-ingest-')): Promise<void> {
    this.#files += 1;
    const file = path.join(this.folder('newsbot-source-'), `articles-${this.#files}.jsonl`);
    fs.writeFileSync(file, articles.map((article) => JSON.stringify(article)).join('\n'));
    const run = await runNewsbot(['ingest', file], { ...this.env, NEWSBOT_HOME: home });
    if (run.code !== 0) throw new Error(`ingest exited with ${run.code}: ${run.stderr}`);
  }

  async serve(name: string, home = this.folder(`newsbot-${name}-`)): Promise<WorkerProcess> {
    const worker = await startWorker(name, await findFreePort(), { ...this.env, NEWSBOT_HOME: home });
    this.workers.push(worker);
    return worker;
  }

  /** A reader's private message to the bot through `worker`'s webhook; resolves the bot's replies to it. */
  async say(worker: WorkerProcess, user: number, text: string): Promise<string[]> {
    const before = this.sentTo(user).length;
    const updateId = this.#updateId++;
    const response = await fetch(`${worker.base}${HOOK_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      body: JSON.stringify({
        update_id: updateId,
        message: {
          message_id: updateId,
          date: Math.floor(Date.now() / 1000),
          chat: { id: user, type: 'private', first_name: 'Reader' },
          from: { id: user, is_bot: false, first_name: 'Reader' },
          text,
          ...(text.startsWith('/') ? { entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }] } : {}),
        },
      }),
    });
    expect(response.status, `${worker.name} webhook`).toBe(200);
    await until(() => this.sentTo(user).length > before, 10_000, `the reply to ${text}`);
    return this.sentTo(user)
      .slice(before)
      .map((message) => message.text);
  }

  /** Every message sent to a chat, in order. */
  sentTo(chat: number): Array<{ text: string; payload: Record<string, unknown> }> {
    return this.api
      .callsOf('sendMessage')
      .filter((call) => String(call.payload.chat_id) === String(chat))
      .map((call) => ({ text: String(call.payload.text), payload: call.payload }));
  }

  /** The alerts a chat got: messages with a source button. */
  alertsTo(chat: number): string[] {
    return this.sentTo(chat)
      .filter((message) => JSON.stringify(message.payload.reply_markup ?? '').includes('srcpage:'))
      .map((message) => message.text);
  }

  async stop(): Promise<void> {
    for (const worker of this.workers) killProcess(worker.child);
    await Promise.all(this.workers.map((worker) => worker.exited));
    await this.api.stop();
    for (const created of this.#folders) fs.rmSync(created, { recursive: true, force: true });
  }
}

export const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

export async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}
