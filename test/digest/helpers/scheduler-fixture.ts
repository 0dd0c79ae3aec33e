import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { renderDigestMessages } from '../../../src/digest/render-digest-messages.js';
import { DigestScheduler, type DigestSchedulerOptions } from '../../../src/digest/digest-scheduler.js';
import type { MessageSender } from '../../../src/telegram/message-sender.js';
import { openSqliteDatabase } from '../../../src/store/sqlite/open-sqlite-database.js';
import { SqliteSentDigestStore } from '../../../src/store/sqlite/sqlite-sent-digest-store.js';
import { SqliteSubscriptionStore } from '../../../src/store/sqlite/sqlite-subscription-store.js';
import { fakeArticleStore, storedArticle } from './fake-article-store.js';
import { recordingLogger } from './recording-logger.js';

/** 2026-04-23 07:00 in Asia/Shanghai. */
export const SEVEN_AM = '2026-04-22T23:00:00.000Z';
/** 2026-04-23 08:00 in Asia/Shanghai: the default digest time. */
export const EIGHT_AM = '2026-04-23T00:00:00.000Z';

/** A recording sender; `failWith(chatId)` returns an error to throw for that chat, or nothing. */
export function recordingSender(failWith: (chatId: string, attempt: number) => unknown = () => undefined) {
  const sent: Array<{ chatId: string; html: string; messageId: number }> = [];
  const attempts = new Map<string, number>();
  let nextId = 1;
  const sender: MessageSender = {
    async send(chatId, html) {
      const attempt = (attempts.get(chatId) ?? 0) + 1;
      attempts.set(chatId, attempt);
      const error = failWith(chatId, attempt);
      if (error) throw error;
      const messageId = nextId++;
      sent.push({ chatId, html, messageId });
      return messageId;
    },
  };
  return { sender, sent, chatsSentTo: () => sent.map((entry) => entry.chatId) };
}

/**
 * A file database and a fake clock shared by successive "processes": each `boot()` opens the file
 * again and builds a new scheduler, as a restart would.
 */
/** Articles (`articles` per day, default 3) are dated 2026-04-23 and 2026-04-24. */
export function schedulerFixture(options: { start?: string; articles?: number } = {}) {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-digest-'));
  const file = path.join(directory, 'newsbot.db');
  const clock = { now: new Date(options.start ?? SEVEN_AM) };
  const now = () => clock.now;
  const articles = ['2026-04-23', '2026-04-24'].flatMap((date) =>
    Array.from({ length: options.articles ?? 3 }, (_, index) =>
      storedArticle({ id: `${date}-${index}`, date, title: `第${index + 1}条`, position: index, paragraphs: [`第${index + 1}条新闻的导语。`] }),
    ),
  );
  const store = fakeArticleStore(articles);
  const databases: Database.Database[] = [];
  const log = recordingLogger();

  function boot(sender: MessageSender, overrides: Partial<DigestSchedulerOptions> = {}) {
    const database = openSqliteDatabase(file);
    databases.push(database);
    const subscriptions = new SqliteSubscriptionStore(database, now);
    const sentDigests = new SqliteSentDigestStore(database, now);
    const scheduler = new DigestScheduler({
      cron: '0 8 * * *',
      timezone: 'Asia/Shanghai',
      store,
      subscriptions,
      sentDigests,
      sender,
      render: (digest) => renderDigestMessages(digest),
      logger: log.logger,
      now,
      send: { sleep: async () => undefined },
      ...overrides,
    });
    return { scheduler, subscriptions, sentDigests, database };
  }

  return {
    clock,
    set: (iso: string) => (clock.now = new Date(iso)),
    boot,
    logs: log.records,
    close: () => {
      for (const database of databases) if (database.open) database.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
