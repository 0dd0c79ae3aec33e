// The bot integration harness: a Bot API emulator on 127.0.0.1, an archive of the sample page in a temporary
// NEWSBOT_HOME (EMBEDDING_MODEL=hash), and the real bot started through `startServer` (what `newsbot serve` runs).
// Helpers act as a Telegram user would and return what the bot sent back once the update is fully handled.
//
//   const harness = await startBotHarness();
//   const [reply] = await harness.sendPrivateMessage('株洲有几个国家中小企业特色产业集群？');
//   await harness.pressButton(reply!, /\[1\]/);
//   await harness.stop();
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Update } from 'telegraf/types';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/log/logger.js';
import type { Archive } from '../../src/pipeline/archive.js';
import type { Article } from '../../src/ingest/article.js';
import type { BackgroundService } from '../../src/serve/background-service.js';
import { startServer, type RunningServer } from '../../src/serve/start-server.js';
import { FakeBotApi, type RecordedCall } from './fake-bot-api.js';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The sample newspaper page every harness archive starts from. */
export const SAMPLE_PAGE = path.resolve(PROJECT_ROOT, 'data/zhuzhou-daily-page.md');
/** The date given to the sample page on ingest (its events are dated 2026-04-22/23). */
export const SAMPLE_PAGE_DATE = '2026-04-23';
/** Shaped like a real token, so redaction is exercised. */
export const TEST_BOT_TOKEN = '7000000001:AAtest-token-for-the-loopback-emulator_x';
/** A regular user (Chinese client). */
export const USER_ID = 1001;
/** On STAFF_USER_IDS. */
export const STAFF_USER_ID = 9001;
/** The group chat used by `sendGroupMessage` unless told otherwise. */
export const GROUP_CHAT_ID = -1001234567890;
/** What the emulator's getMe returns. */
export const BOT_USERNAME = 'TestNameBot';
export const BOT_ID = 666;

export interface BotHarnessOptions {
  /** Extra environment (RATE_LIMIT_PER_MINUTE, WEBHOOK_URL…); overrides the harness defaults. */
  env?: Record<string, string>;
  /** Articles indexed after the sample page (HTML special characters, a long article…). */
  articles?: Article[];
  /** Ingest the sample page with `newsbot ingest` (default true). */
  ingestSamplePage?: boolean;
  /**
   * Builds the archive instead of ingesting the sample page (a fake, for tests that need no retrieval), from the
   * harness environment (token, API root, staff ids…). The harness closes it on stop.
   */
  openArchive?: (env: Record<string, string>) => Archive | Promise<Archive>;
  /** Background services handed to `startServer` (digest scheduler…). */
  services?: BackgroundService[];
  /** Interface of the webhook server in webhook mode, overriding WEBHOOK_HOST (which the harness sets to 127.0.0.1). */
  webhookHost?: string;
  /** Log level of the bot (default `silent`; set NEWSBOT_TEST_LOG_LEVEL=debug to see logs). */
  logLevel?: string;
}

/** A button under a bot message. */
export interface BotButton {
  text: string;
  callbackData?: string;
  url?: string;
}

/** A message the bot sent, as stored by the emulator (edits applied). */
export interface BotReply {
  messageId: number;
  chatId: number;
  text: string;
  parseMode?: string;
  buttons: BotButton[][];
  replyToMessageId?: number;
  /** The sendMessage payload as the bot sent it. */
  raw: Record<string, unknown>;
}

export interface UserOptions {
  userId?: number;
  /** Telegram client language; default `zh-hans`. */
  languageCode?: string;
  firstName?: string;
}

export interface GroupOptions extends UserOptions {
  chatId?: number;
  chatType?: 'group' | 'supergroup';
  /** Makes the message a reply to this bot message. */
  replyTo?: BotReply;
}

/** What `pressButton` observed. */
export interface ButtonResult {
  /** New messages the bot sent. */
  replies: BotReply[];
  /** The answerCallbackQuery payload, if the bot answered the callback. */
  callbackAnswer?: Record<string, unknown>;
}

/** What the bot answered to an inline query. */
export interface InlineAnswer {
  results: Array<Record<string, unknown>>;
  payload: Record<string, unknown>;
}

export interface BotHarness {
  readonly api: FakeBotApi;
  readonly archive: Archive;
  readonly server: RunningServer;
  readonly token: string;
  /** The temporary NEWSBOT_HOME (removed by stop()). */
  readonly home: string;
  /** The environment the bot's config was loaded from. */
  readonly env: Record<string, string>;
  /** A private message (a leading /command gets its bot_command entity). Resolves once the bot has handled it. */
  sendPrivateMessage(text: string, options?: UserOptions): Promise<BotReply[]>;
  /** A group message; `@TestNameBot` mentions and /commands get their entities. */
  sendGroupMessage(text: string, options?: GroupOptions): Promise<BotReply[]>;
  /** Presses the inline button whose text or callback data matches. */
  pressButton(reply: BotReply, button: string | RegExp, options?: UserOptions): Promise<ButtonResult>;
  /**
   * Sends a callback query with any `data` under one of the bot's messages, as a modified client can (Telegram does not
   * check callback data against the buttons): a stranger pressing a key seen elsewhere, or a made-up one.
   */
  pressCallbackData(reply: BotReply, data: string, options?: UserOptions): Promise<ButtonResult>;
  /** `@TestNameBot query` typed in a chat. */
  sendInlineQuery(query: string, options?: UserOptions): Promise<InlineAnswer>;
  /** Delivers any update (e.g. my_chat_member) and waits until the bot has handled it; returns the new bot messages. */
  sendUpdate(update: Omit<Update, 'update_id'> | Record<string, unknown>): Promise<BotReply[]>;
  /** Every message the bot has sent, optionally in one chat, oldest first (edits applied). */
  botMessages(chatId?: number): BotReply[];
  /** Bot API calls made so far, optionally of one method. */
  apiCalls(method?: string): RecordedCall[];
  /** Stops the bot, the emulator, and removes the temporary home. */
  stop(): Promise<void>;
}

/** How long a helper waits for the bot to handle one update. */
const UPDATE_TIMEOUT_MS = 30_000;

/** Starts everything; call `stop()` in afterAll. */
export async function startBotHarness(options: BotHarnessOptions = {}): Promise<BotHarness> {
  const api = await FakeBotApi.start();
  const home = await fs.mkdtemp(path.join(os.tmpdir(), 'newsbot-bot-'));
  const env: Record<string, string> = {
    NEWSBOT_HOME: home,
    EMBEDDING_MODEL: 'hash',
    LOG_LEVEL: options.logLevel ?? process.env.NEWSBOT_TEST_LOG_LEVEL ?? 'silent',
    TELEGRAM_BOT_TOKEN: TEST_BOT_TOKEN,
    TELEGRAM_API_ROOT: api.apiRoot,
    STAFF_USER_IDS: String(STAFF_USER_ID),
    WEBHOOK_HOST: '127.0.0.1',
    ...options.env,
  };
  let archive: Archive | undefined;
  let server: RunningServer | undefined;
  try {
    archive = options.openArchive ? await options.openArchive(env) : await openTestArchive(env, home, options);
    server = await startServer(archive, { services: options.services, ...(options.webhookHost ? { webhookHost: options.webhookHost } : {}) });
  } catch (error) {
    archive?.close();
    await api.stop();
    await fs.rm(home, { recursive: true, force: true });
    throw error;
  }
  const tracker = trackHandledUpdates(server);
  const running = server;
  const openedArchive = archive;

  const deliver = async (send: () => Promise<unknown> | unknown, updateId: number): Promise<BotReply[]> => {
    const before = api.emulator.storage.botMessages.length;
    await send();
    await tracker.handled(updateId);
    return storedReplies(api).slice(before);
  };

  const harness: BotHarness = {
    api,
    archive: openedArchive,
    server: running,
    token: TEST_BOT_TOKEN,
    home,
    env,
    sendPrivateMessage(text, userOptions = {}) {
      const from = user(userOptions);
      const message = { ...textMessage(text), botToken: TEST_BOT_TOKEN, from, chat: { id: from.id, type: 'private', first_name: from.first_name } };
      return deliver(() => api.emulator.addUserMessage(message as never), api.nextUpdateId());
    },
    sendGroupMessage(text, groupOptions = {}) {
      const chat = { id: groupOptions.chatId ?? GROUP_CHAT_ID, type: groupOptions.chatType ?? 'supergroup', title: 'Newsroom readers' };
      const message: Record<string, unknown> = { ...textMessage(text), botToken: TEST_BOT_TOKEN, from: user(groupOptions), chat };
      if (groupOptions.replyTo) message.reply_to_message = botMessageObject(groupOptions.replyTo, chat);
      return deliver(() => api.emulator.addUserMessage(message as never), api.nextUpdateId());
    },
    pressButton(reply, button, userOptions = {}) {
      return harness.pressCallbackData(reply, findCallbackData(reply, button), userOptions);
    },
    async pressCallbackData(reply, data, userOptions = {}) {
      const chat = reply.chatId > 0 ? { id: reply.chatId, type: 'private' } : { id: reply.chatId, type: 'supergroup', title: 'Newsroom readers' };
      const callback = { botToken: TEST_BOT_TOKEN, date: now(), from: user(userOptions), data, message: botMessageObject(reply, chat) };
      const answersBefore = api.callsOf('answerCallbackQuery').length;
      const replies = await deliver(() => api.emulator.addUserCallback(callback as never), api.nextUpdateId());
      return { replies, callbackAnswer: api.callsOf('answerCallbackQuery')[answersBefore]?.payload };
    },
    async sendInlineQuery(query, userOptions = {}) {
      const inlineQueryId = `iq${Date.now()}${Math.floor(Math.random() * 1e6)}`;
      const update = { inline_query: { id: inlineQueryId, from: user(userOptions), query, offset: '', chat_type: 'supergroup' } };
      await tracker.handled(api.pushUpdate(TEST_BOT_TOKEN, update));
      const call = api.callsOf('answerInlineQuery').find((recorded) => recorded.payload.inline_query_id === inlineQueryId);
      if (!call) throw new Error(`the bot did not answer inline query "${query}"`);
      const results = typeof call.payload.results === 'string' ? JSON.parse(call.payload.results) : call.payload.results;
      return { results: results as Array<Record<string, unknown>>, payload: call.payload };
    },
    sendUpdate(update) {
      const before = api.emulator.storage.botMessages.length;
      const updateId = api.pushUpdate(TEST_BOT_TOKEN, update as Record<string, unknown>);
      return tracker.handled(updateId).then(() => storedReplies(api).slice(before));
    },
    botMessages(chatId) {
      const all = storedReplies(api);
      return chatId === undefined ? all : all.filter((reply) => reply.chatId === chatId);
    },
    apiCalls(method) {
      return method ? api.callsOf(method) : [...api.calls];
    },
    async stop() {
      await running.stop('test finished');
      openedArchive.close();
      await api.stop();
      await fs.rm(home, { recursive: true, force: true });
    },
  };
  return harness;
}

async function openTestArchive(env: Record<string, string>, home: string, options: BotHarnessOptions): Promise<Archive> {
  // Imported here, not at the top: tests that bring their own archive do not load the pipeline at all.
  const { main } = await import('../../src/cli/main.js');
  if (options.ingestSamplePage ?? true) {
    let errors = '';
    const code = await main(['ingest', SAMPLE_PAGE, '--date', SAMPLE_PAGE_DATE], env, {
      cwd: home,
      stdout: () => {},
      stderr: (text) => {
        errors += text;
      },
      interactive: false,
    });
    if (code !== 0) throw new Error(`newsbot ingest of the sample page failed (exit ${code}): ${errors}`);
  }
  const config = loadConfig(env, home);
  const { openArchive } = await import('../../src/pipeline/open-archive.js');
  const archive = await openArchive(config, createLogger(config.logLevel, [config.telegram.token]));
  if (options.articles && options.articles.length > 0) await archive.indexArticles(options.articles);
  return archive;
}

/** Wraps `bot.handleUpdate` (polling and webhook both go through it) to know when an update is fully handled. */
function trackHandledUpdates(server: RunningServer): { handled(updateId: number): Promise<void> } {
  const done = new Set<number>();
  const waiters = new Map<number, () => void>();
  const bot = server.bot;
  const original = bot.handleUpdate.bind(bot);
  bot.handleUpdate = async (update, webhookResponse) => {
    try {
      await original(update, webhookResponse);
    } finally {
      done.add(update.update_id);
      waiters.get(update.update_id)?.();
    }
  };
  return {
    handled(updateId) {
      if (done.has(updateId)) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(updateId);
          reject(new Error(`update ${updateId} was not handled within ${UPDATE_TIMEOUT_MS} ms`));
        }, UPDATE_TIMEOUT_MS);
        waiters.set(updateId, () => {
          clearTimeout(timer);
          waiters.delete(updateId);
          resolve();
        });
      });
    },
  };
}

function storedReplies(api: FakeBotApi): BotReply[] {
  return api.emulator.storage.botMessages.map((stored) => {
    const message = stored.message as unknown as Record<string, unknown>;
    const markup = message.reply_markup as { inline_keyboard?: Array<Array<Record<string, string>>> } | undefined;
    const replyParameters = message.reply_parameters as { message_id?: number } | undefined;
    return {
      messageId: stored.messageId,
      chatId: Number(message.chat_id),
      text: String(message.text ?? ''),
      parseMode: message.parse_mode as string | undefined,
      buttons: (markup?.inline_keyboard ?? []).map((row) => row.map((button) => ({ text: String(button.text), callbackData: button.callback_data, url: button.url }))),
      replyToMessageId: replyParameters?.message_id ?? (message.reply_to_message_id as number | undefined),
      raw: message,
    };
  });
}

function textMessage(text: string): { text: string; date: number; entities?: Array<Record<string, number | string>> } {
  const entities: Array<Record<string, number | string>> = [];
  const command = /^\/[A-Za-z0-9_]+(?:@[A-Za-z0-9_]+)?/.exec(text);
  if (command) entities.push({ type: 'bot_command', offset: 0, length: command[0].length });
  for (const mention of text.matchAll(/@[A-Za-z0-9_]{5,32}/g)) {
    if (command && mention.index! < command[0].length) continue;
    entities.push({ type: 'mention', offset: mention.index!, length: mention[0].length });
  }
  return { text, date: now(), ...(entities.length > 0 ? { entities } : {}) };
}

function user(options: UserOptions) {
  const id = options.userId ?? USER_ID;
  return { id, is_bot: false, first_name: options.firstName ?? `Reader${id}`, language_code: options.languageCode ?? 'zh-hans' };
}

function botMessageObject(reply: BotReply, chat: Record<string, unknown>) {
  return {
    message_id: reply.messageId,
    date: now(),
    chat,
    from: { id: BOT_ID, is_bot: true, first_name: 'Test First name', username: BOT_USERNAME },
    text: reply.text,
  };
}

function findCallbackData(reply: BotReply, button: string | RegExp): string {
  const matches = (value: string | undefined) => value !== undefined && (typeof button === 'string' ? value === button : button.test(value));
  for (const row of reply.buttons) {
    for (const candidate of row) {
      if (candidate.callbackData && (matches(candidate.text) || matches(candidate.callbackData))) return candidate.callbackData;
    }
  }
  throw new Error(`no callback button matching ${String(button)} under message ${reply.messageId}`);
}

function now(): number {
  return Math.floor(Date.now() / 1000);
}
