import Database from 'better-sqlite3';
import type { Telegraf } from 'telegraf';
import { TelegramError } from 'telegraf';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createDigestService } from '../../src/digest/create-digest-service.js';
import { SubscriptionStore } from '../../src/digest/subscription-store.js';
import type { Archive } from '../../src/pipeline/archive.js';
import { fakeArticleStore, storedArticle } from './helpers/fake-article-store.js';
import { recordingLogger } from './helpers/recording-logger.js';
import { EIGHT_AM, recordingSender } from './helpers/scheduler-fixture.js';

const noTelegram = {} as Telegraf['telegram'];

function fakeArchive(env: Record<string, string>) {
  const log = recordingLogger();
  const store = fakeArticleStore([storedArticle({ id: 'a', title: '头条', paragraphs: ['头条导语。'] })]);
  const archive = { config: loadConfig({ EMBEDDING_MODEL: 'hash', ...env }), logger: log.logger, store } as unknown as Archive;
  return { archive, logs: log.records };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('createDigestService', () => {
  it('registers DIGEST_CHAT_IDS and catches up on start', async () => {
    const database = new Database(':memory:');
    const { archive, logs } = fakeArchive({ DIGEST_CHAT_IDS: '-1, -2' });
    const { sender, chatsSentTo } = recordingSender();
    const now = new Date('2026-04-23T01:00:00.000Z');
    const service = createDigestService(archive, noTelegram, { database, sender, now: () => now });
    service.start();
    await service.scheduler.runDue(now);
    service.stop();
    expect(chatsSentTo()).toEqual(['-1', '-2']);
    expect(new SubscriptionStore(database).get('-1')).toMatchObject({ source: 'config', active: true });
    expect(logs().filter((record) => record.msg === 'configured digest chat added')).toHaveLength(2);
  });

  it('leaves a configured chat whose admins unsubscribed alone, with a warning', async () => {
    const database = new Database(':memory:');
    new SubscriptionStore(database).subscribe({ chatId: '-1', kind: 'supergroup', source: 'command' });
    new SubscriptionStore(database).unsubscribe('-1');
    const { archive, logs } = fakeArchive({ DIGEST_CHAT_IDS: '-1' });
    const { sender, sent } = recordingSender();
    const service = createDigestService(archive, noTelegram, { database, sender, now: () => new Date(EIGHT_AM) });
    service.start();
    await service.scheduler.runDue(new Date(EIGHT_AM));
    service.stop();
    expect(sent).toEqual([]);
    expect(logs().some((record) => record.msg.startsWith('DIGEST_CHAT_IDS lists a chat whose admins unsubscribed'))).toBe(true);
  });

  it('finds the database behind the archive’s store, or says how to pass it', () => {
    const database = new Database(':memory:');
    const { archive } = fakeArchive({});
    expect(() => createDigestService(archive, noTelegram)).toThrow(/pass \{ database \}/);
    const withDatabase = { ...archive, store: Object.assign(Object.create(archive.store), { database }) } as Archive;
    expect(() => createDigestService(withDatabase, noTelegram)).not.toThrow();
  });

  it('rejects an invalid DIGEST_CRON before anything starts', () => {
    const { archive } = fakeArchive({ DIGEST_CRON: 'every morning' });
    expect(() => createDigestService(archive, noTelegram, { database: new Database(':memory:') })).toThrow(/DIGEST_CRON/);
  });

  it('retries a chat that failed transiently a few minutes later', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(new Date('2026-04-23T00:00:30.000Z'));
    const database = new Database(':memory:');
    const { archive } = fakeArchive({ DIGEST_CHAT_IDS: '-1,-2' });
    let outage = true;
    const { sender, chatsSentTo } = recordingSender((chatId) => (chatId === '-2' && outage ? new TelegramError({ ok: false, error_code: 502, description: 'Bad Gateway' } as never) : undefined));
    const service = createDigestService(archive, noTelegram, { database, sender, send: { sleep: async () => undefined }, laterRetryDelaysMs: [60_000] });
    service.start();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(chatsSentTo()).toEqual(['-1']);
    outage = false;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(chatsSentTo()).toEqual(['-1', '-2']);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(chatsSentTo()).toEqual(['-1', '-2']);
    service.stop();
  });
});
