import type { Telegraf } from 'telegraf';
import { TelegramError } from 'telegraf';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { renderDigestMessages } from '../../src/digest/render-digest-messages.js';
import { createDigestService } from '../../src/digest/create-digest-service.js';
import { openSqliteDatabase } from '../../src/store/sqlite/open-sqlite-database.js';
import { openStateStores } from '../../src/store/sqlite/open-state-stores.js';
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

/** The digest's stores over a fresh in-memory database, and the renderer `serve` uses. */
function digestStores() {
  const { subscriptions, sentDigests } = openStateStores(openSqliteDatabase(':memory:'));
  return { subscriptions, sentDigests, render: renderDigestMessages };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('createDigestService', () => {
  it('registers DIGEST_CHAT_IDS and catches up on start', async () => {
    const stores = digestStores();
    const { archive, logs } = fakeArchive({ DIGEST_CHAT_IDS: '-1, -2' });
    const { sender, chatsSentTo } = recordingSender();
    const now = new Date('2026-04-23T01:00:00.000Z');
    const service = createDigestService(archive, noTelegram, { ...stores, sender, now: () => now });
    service.start();
    await service.scheduler.runDue(now);
    service.stop();
    expect(chatsSentTo()).toEqual(['-1', '-2']);
    expect(await stores.subscriptions.get('-1')).toMatchObject({ source: 'config', active: true });
    expect(logs().filter((record) => record.msg === 'configured digest chat added')).toHaveLength(2);
  });

  it('leaves a configured chat whose admins unsubscribed alone, with a warning', async () => {
    const stores = digestStores();
    await stores.subscriptions.subscribe({ chatId: '-1', kind: 'supergroup', source: 'command' });
    await stores.subscriptions.unsubscribe('-1');
    const { archive, logs } = fakeArchive({ DIGEST_CHAT_IDS: '-1' });
    const { sender, sent } = recordingSender();
    const service = createDigestService(archive, noTelegram, { ...stores, sender, now: () => new Date(EIGHT_AM) });
    service.start();
    await service.scheduler.runDue(new Date(EIGHT_AM));
    service.stop();
    expect(sent).toEqual([]);
    expect(logs().some((record) => record.msg.startsWith('DIGEST_CHAT_IDS lists a chat whose admins unsubscribed'))).toBe(true);
  });

  it('keeps what it sent in the stores it is given: a second service over them sends nothing again', async () => {
    const stores = digestStores();
    const { archive } = fakeArchive({ DIGEST_CHAT_IDS: '-1' });
    const { sender, sent } = recordingSender();
    const now = () => new Date(EIGHT_AM);
    const first = createDigestService(archive, noTelegram, { ...stores, sender, now });
    first.start();
    await first.scheduler.runDue(now());
    first.stop();
    expect(sent.map((entry) => entry.chatId)).toEqual(['-1']);
    expect((await stores.sentDigests.onDate('2026-04-23')).map((record) => record.chatId)).toEqual(['-1']);

    const second = createDigestService(archive, noTelegram, { ...stores, sender, now });
    second.start();
    const report = await second.scheduler.runDue(now());
    second.stop();
    expect(report.outcomes).toEqual([{ chatId: '-1', status: 'already-sent' }]);
    expect(sent).toHaveLength(1);
  });

  it('an invalid DIGEST_CRON is refused with the configuration, before anything starts', () => {
    expect(() => fakeArchive({ DIGEST_CRON: 'every morning' })).toThrow(/DIGEST_CRON=every morning: DIGEST_CRON must be a cron pattern/);
  });

  it('retries a chat that failed transiently a few minutes later', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(new Date('2026-04-23T00:00:30.000Z'));
    const stores = digestStores();
    const { archive } = fakeArchive({ DIGEST_CHAT_IDS: '-1,-2' });
    let outage = true;
    const { sender, chatsSentTo } = recordingSender((chatId) =>
      chatId === '-2' && outage ? new TelegramError({ ok: false, error_code: 502, description: 'Bad Gateway' } as never) : undefined,
    );
    const service = createDigestService(archive, noTelegram, { ...stores, sender, send: { sleep: async () => undefined }, laterRetryDelaysMs: [60_000] });
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
