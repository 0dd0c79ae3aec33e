// The digest commands through real telegraf over HTTP to a loopback Bot API (test/bot/digest-fake-api.ts).
import type Database from 'better-sqlite3';
import { Telegraf, Telegram } from 'telegraf';
import type { Update } from 'telegraf/types';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/config.js';
import { digestCommandsFeature } from '../../../src/bot/digest-commands/digest-commands-feature.js';
import type { BotContext } from '../../../src/bot/shared/bot-context.js';
import { contextOnClient } from '../../../src/bot/shared/context-on-client.js';
import { readerLanguage } from '../../../src/bot/shared/middleware/reader-language.js';
import type { BotDeps } from '../../../src/bot/bot-deps.js';
import { openSqliteDatabase } from '../../../src/store/sqlite/open-sqlite-database.js';
import { openStateStores } from '../../../src/store/sqlite/open-state-stores.js';
import type { SubscriptionStore } from '../../../src/store/subscription-store.js';
import type { Archive } from '../../../src/pipeline/archive.js';
import { createLogger } from '../../../src/log/logger.js';
import { fakeArticleStore, storedArticle } from '../../digest/helpers/fake-article-store.js';
import { telegramHtmlProblems } from '../../digest/helpers/check-telegram-html.js';
import { DIGEST_TEST_BOT, DigestFakeApi } from '../digest-fake-api.js';

const TOKEN = '7000000002:AAdigest-test-token-for-the-loopback_xyz';
const STAFF = 9001;
const ADMIN = 501;
const MEMBER = 502;
const GROUP = -1001000000001;
const CHANNEL = -1002000000002;
/** 2026-04-23 09:00 in Asia/Shanghai. */
const NOW = new Date('2026-04-23T01:00:00.000Z');

let api: DigestFakeApi;
let bot: Telegraf<BotContext>;
let database: Database.Database;
let subscriptions: SubscriptionStore;
let updateId = 1;

beforeAll(async () => {
  api = await DigestFakeApi.start();
  const config = loadConfig({ EMBEDDING_MODEL: 'hash', TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.apiRoot, STAFF_USER_IDS: String(STAFF) });
  const store = fakeArticleStore([
    storedArticle({ id: 'a', title: '株洲位列第43位 “小巨人”激活大产业', url: 'https://example.com/a', paragraphs: ['近日，株洲位列第43位。'] }),
    storedArticle({ id: 'b', title: '全国总工会来株调研', position: 1, paragraphs: ['4月23日，调研组来株。'] }),
  ]);
  const archive = { config, logger: createLogger('silent'), store } as unknown as Archive;
  database = openSqliteDatabase(':memory:');
  const state = openStateStores(database);
  subscriptions = state.subscriptions;
  const { chatMemory, rateLimits, questionLog, answerFeedback } = state;
  const deps: BotDeps = {
    articles: store,
    retriever: archive.retriever,
    answerer: archive.answerer,
    readerData: state,
    settings: { telegram: config.telegram, questionLogRetentionDays: config.questionLog.retentionDays, digest: config.digest, follow: config.follow },
    logger: archive.logger,
    isStaff: (userId) => userId === STAFF,
    chatMemory,
    rateLimits,
    subscriptions,
    questionLog,
    answerFeedback,
    pins: state.pins,
    readerKeys: {
      reader: (userId) => `reader-${userId}`,
      chat: (chatId) => `chat-${chatId}`,
      signature: (subject) => `signature-${subject}`,
      identity: (userId) => ({ readerHash: `reader-${userId}`, privateChatHash: `chat-${userId}`, privateChatId: String(userId) }),
    },
  };
  const telegram = new Telegram(TOKEN, { apiRoot: api.apiRoot });
  bot = new Telegraf<BotContext>(TOKEN, { telegram: { apiRoot: api.apiRoot }, contextType: contextOnClient(telegram) });
  bot.botInfo = await bot.telegram.getMe();
  bot.use(readerLanguage(), digestCommandsFeature(deps, { now: () => NOW }).composer);
});

afterAll(async () => {
  await api.stop();
  database.close();
});

beforeEach(() => {
  api.sent.length = 0;
  api.calls.length = 0;
  api.members.clear();
  api.chats.clear();
  api.methodErrors.clear();
  database.exec('DELETE FROM subscriptions');
  api.setMember(GROUP, ADMIN, 'administrator');
  api.setMember(GROUP, MEMBER, 'member');
});

interface SendOptions {
  chat?: { id: number; type: 'private' | 'group' | 'supergroup'; title?: string };
  from?: number;
  languageCode?: string;
  senderChat?: { id: number; type: string; title?: string };
}

/** Delivers a text message to the bot and returns what it sent back. */
async function send(text: string, options: SendOptions = {}) {
  const from = options.from ?? ADMIN;
  const chat = options.chat ?? { id: GROUP, type: 'supergroup' as const, title: 'Readers' };
  const command = /^\/[a-z]+(@\w+)?/i.exec(text);
  const before = api.sent.length;
  const update = {
    update_id: updateId++,
    message: {
      message_id: updateId,
      date: Math.floor(NOW.getTime() / 1000),
      chat,
      from: { id: from, is_bot: false, first_name: `User${from}`, language_code: options.languageCode ?? 'zh-hans' },
      ...(options.senderChat ? { sender_chat: options.senderChat } : {}),
      text,
      ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
    },
  } as unknown as Update;
  await bot.handleUpdate(update);
  return api.sent.slice(before);
}

describe('/subscribe and /unsubscribe', () => {
  it('refuses a non-admin politely and subscribes nothing', async () => {
    const [reply] = await send('/subscribe', { from: MEMBER });
    expect(reply?.text).toContain('只有本群管理员');
    expect(await subscriptions.activeSubscriptions()).toEqual([]);
    expect(api.calls.find((call) => call.method === 'getChatMember')?.payload).toMatchObject({ chat_id: GROUP, user_id: MEMBER });
  });

  it('lets an admin subscribe and unsubscribe, persisted in the database', async () => {
    const [subscribed] = await send('/subscribe');
    expect(subscribed?.text).toContain('已订阅');
    expect(subscribed?.text).toContain('2026-04-24 08:00 (Asia/Shanghai)');
    expect(subscribed?.parseMode).toBe('HTML');
    expect(await subscriptions.get(String(GROUP))).toMatchObject({ active: true, kind: 'supergroup', source: 'command', title: 'Readers' });

    expect((await send('/subscribe'))[0]?.text).toContain('已经订阅');
    expect((await send(`/unsubscribe@${DIGEST_TEST_BOT.username}`))[0]?.text).toContain('已退订');
    expect(await subscriptions.get(String(GROUP))).toMatchObject({ active: false, disabledReason: 'unsubscribed' });
    expect((await send('/unsubscribe'))[0]?.text).toContain('没有订阅');
  });

  it('accepts the group creator and an anonymous admin posting as the group', async () => {
    api.setMember(GROUP, 503, 'creator');
    expect((await send('/subscribe', { from: 503, languageCode: 'en-US' }))[0]?.text).toContain('Subscribed');
    await send('/unsubscribe', { from: 503 });
    const anonymous = await send('/subscribe', { from: 1087968824, senderChat: { id: GROUP, type: 'supergroup', title: 'Readers' } });
    expect(anonymous[0]?.text).toContain('已订阅');
  });

  it('refuses a non-admin /unsubscribe too', async () => {
    await send('/subscribe');
    expect((await send('/unsubscribe', { from: MEMBER, languageCode: 'en' }))[0]?.text).toContain('only this group’s admins');
    expect((await subscriptions.get(String(GROUP)))?.active).toBe(true);
  });

  it('explains in a private chat that subscriptions are for groups', async () => {
    const [reply] = await send('/subscribe', { chat: { id: MEMBER, type: 'private' }, from: MEMBER, languageCode: 'en' });
    expect(reply?.text).toContain('for groups');
    expect(await subscriptions.all()).toEqual([]);
  });

  it('says so when the admin check itself fails', async () => {
    api.methodErrors.set('getChatMember', { errorCode: 400, description: 'Bad Request: member list is inaccessible' });
    expect((await send('/subscribe'))[0]?.text).toContain('暂时无法确认');
    expect(await subscriptions.all()).toEqual([]);
  });
});

describe('/addchannel and /removechannel', () => {
  beforeEach(() => {
    api.addChat({ id: CHANNEL, type: 'channel', title: 'Zhuzhou <Daily>', username: 'zzdaily' });
    api.addChat({ id: GROUP, type: 'supergroup', title: 'Readers', username: 'zzreaders' });
  });

  const staffChat = { id: STAFF, type: 'private' as const };

  it('is for staff only', async () => {
    const [reply] = await send('/addchannel @zzdaily', { chat: { id: MEMBER, type: 'private' }, from: MEMBER });
    expect(reply?.text).not.toContain('已添加');
    expect(await subscriptions.all()).toEqual([]);
  });

  it('adds a channel where the bot is an admin, by its numeric id', async () => {
    api.setMember(CHANNEL, DIGEST_TEST_BOT.id, 'administrator', { can_post_messages: true });
    const [reply] = await send('/addchannel https://t.me/zzdaily', { chat: staffChat, from: STAFF });
    expect(reply?.text).toContain('已添加频道「Zhuzhou &lt;Daily&gt;」');
    expect(telegramHtmlProblems(reply?.text ?? '')).toEqual([]);
    expect(await subscriptions.get(String(CHANNEL))).toMatchObject({ active: true, kind: 'channel', username: 'zzdaily', title: 'Zhuzhou <Daily>' });

    const [removed] = await send('/removechannel @ZZDaily', { chat: staffChat, from: STAFF, languageCode: 'en' });
    expect(removed?.text).toContain('no longer sent to “Zhuzhou &lt;Daily&gt;”');
    expect((await subscriptions.get(String(CHANNEL)))?.active).toBe(false);
  });

  it('refuses a channel where the bot is not an admin or may not post', async () => {
    expect((await send('/addchannel @zzdaily', { chat: staffChat, from: STAFF }))[0]?.text).toContain('还不是');
    api.setMember(CHANNEL, DIGEST_TEST_BOT.id, 'administrator', { can_post_messages: false });
    expect((await send('/addchannel @zzdaily', { chat: staffChat, from: STAFF }))[0]?.text).toContain('还不是');
    expect(await subscriptions.all()).toEqual([]);
  });

  it('explains unknown channels, groups and bad names', async () => {
    expect((await send('/addchannel @nosuchchannel', { chat: staffChat, from: STAFF }))[0]?.text).toContain('找不到频道');
    expect((await send('/addchannel @zzreaders', { chat: staffChat, from: STAFF }))[0]?.text).toContain('不是频道');
    expect((await send('/addchannel', { chat: staffChat, from: STAFF }))[0]?.text).toContain('用法');
    expect((await send('/removechannel @zzdaily', { chat: staffChat, from: STAFF }))[0]?.text).toContain('没有订阅');
  });
});

describe('/digest', () => {
  it('previews today’s digest in the user’s language, as valid HTML', async () => {
    const [zh] = await send('/digest', { chat: { id: MEMBER, type: 'private' }, from: MEMBER });
    expect(zh?.text).toContain('<b>2026年4月23日 星期四 · 今日要闻</b>');
    expect(zh?.text).toContain('<a href="https://example.com/a">株洲位列第43位 “小巨人”激活大产业</a>');
    expect(zh?.payload.link_preview_options).toEqual({ is_disabled: true });
    expect(telegramHtmlProblems(zh?.text ?? '')).toEqual([]);
    const [en] = await send('/digest', { chat: { id: MEMBER, type: 'private' }, from: MEMBER, languageCode: 'en-GB' });
    expect(en?.text).toContain("Thursday, 23 April 2026 · Today's news");
  });

  it('says when a day has no articles, and explains a bad date', async () => {
    expect((await send('/digest 2026-04-01', { from: MEMBER }))[0]?.text).toContain('2026-04-01 没有文章');
    expect((await send('/digest yesterday', { from: MEMBER, languageCode: 'en' }))[0]?.text).toContain('Usage');
  });
});
