import { describe, expect, it } from 'vitest';
import { openSqliteDatabase } from '../../src/store/sqlite/open-sqlite-database.js';
import { runMigrations } from '../../src/store/sqlite/run-migrations.js';
import { SqliteSentDigestStore } from '../../src/store/sqlite/sqlite-sent-digest-store.js';
import { SqliteSubscriptionStore } from '../../src/store/sqlite/sqlite-subscription-store.js';
import { UNSUBSCRIBED } from '../../src/store/subscription-store.js';

function stores(start = '2026-04-23T00:00:00Z') {
  const database = openSqliteDatabase(':memory:');
  let now = new Date(start);
  const subscriptions = new SqliteSubscriptionStore(database, () => now);
  return { database, subscriptions, sent: new SqliteSentDigestStore(database), advance: (iso: string) => (now = new Date(iso)) };
}

describe('SubscriptionStore', async () => {
  it('subscribes, unsubscribes and re-subscribes, keeping the row', async () => {
    const { subscriptions, advance } = stores();
    await subscriptions.subscribe({ chatId: '-100', title: 'Readers', kind: 'supergroup', source: 'command' });
    expect((await subscriptions.activeSubscriptions()).map((subscription) => subscription.chatId)).toEqual(['-100']);
    expect(await subscriptions.unsubscribe('-100')).toBe(true);
    expect(await subscriptions.unsubscribe('-100')).toBe(false);
    expect(await subscriptions.get('-100')).toMatchObject({ active: false, disabledReason: UNSUBSCRIBED, title: 'Readers' });
    advance('2026-04-24T00:00:00Z');
    const again = await subscriptions.subscribe({ chatId: '-100', kind: 'supergroup', source: 'command' });
    expect(again).toMatchObject({ active: true, disabledReason: null, title: 'Readers', createdAt: '2026-04-23T00:00:00.000Z', activeSince: '2026-04-24T00:00:00.000Z' });
  });

  it('does not move activeSince when an active chat subscribes again', async () => {
    const { subscriptions, advance } = stores();
    await subscriptions.subscribe({ chatId: '-100', kind: 'group', source: 'command' });
    advance('2026-04-23T05:00:00Z');
    expect((await subscriptions.subscribe({ chatId: '-100', kind: 'group', source: 'command' })).activeSince).toBe('2026-04-23T00:00:00.000Z');
  });

  it('disables with a reason and finds channels by @name', async () => {
    const { subscriptions } = stores();
    await subscriptions.subscribe({ chatId: '-1001', title: 'News', username: 'zznews', kind: 'channel', source: 'command' });
    expect(await subscriptions.disable('-1001', '403: Forbidden: bot was kicked from the channel chat')).toBe(true);
    expect(await subscriptions.activeSubscriptions()).toEqual([]);
    expect(await subscriptions.findByUsername('@ZZNews')).toMatchObject({ chatId: '-1001', disabledReason: '403: Forbidden: bot was kicked from the channel chat' });
  });

  it('registers configured chats: adds, re-enables after errors, respects an unsubscribe', async () => {
    const { subscriptions } = stores();
    expect((await subscriptions.ensureConfigured('-1')).status).toBe('added');
    expect((await subscriptions.ensureConfigured('-1')).status).toBe('unchanged');
    await subscriptions.disable('-1', '403: Forbidden');
    expect(await subscriptions.ensureConfigured('-1')).toMatchObject({ status: 'reactivated', previousReason: '403: Forbidden' });
    await subscriptions.unsubscribe('-1');
    expect((await subscriptions.ensureConfigured('-1')).status).toBe('unsubscribed');
    expect((await subscriptions.get('-1'))?.active).toBe(false);
  });

  it('moves a subscription to its supergroup id', async () => {
    const { subscriptions } = stores();
    await subscriptions.subscribe({ chatId: '-5', title: 'Group', kind: 'group', source: 'command' });
    await subscriptions.migrate('-5', '-1005');
    expect(await subscriptions.get('-5')).toBeNull();
    expect(await subscriptions.get('-1005')).toMatchObject({ kind: 'supergroup', title: 'Group', active: true });
  });

  it('has its tables from the migrations, which run idempotently on a shared connection', async () => {
    const { database, subscriptions } = stores();
    await subscriptions.subscribe({ chatId: '-1', kind: 'group', source: 'command' });
    expect(() => runMigrations(database)).not.toThrow();
    expect(await new SqliteSubscriptionStore(database).get('-1')).toMatchObject({ active: true });
    const tables = database.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('sent_digests', 'subscriptions') ORDER BY name").pluck().all();
    expect(tables).toEqual(['sent_digests', 'subscriptions']);
  });
});

describe('SentDigestStore', async () => {
  it('records a (chat, date) once', async () => {
    const { sent } = stores();
    expect(await sent.wasSent('-1', '2026-04-23')).toBe(false);
    expect(await sent.record({ chatId: '-1', date: '2026-04-23', sentAt: '2026-04-23T00:00:01Z', messageIds: [7, 8] })).toBe(true);
    expect(await sent.record({ chatId: '-1', date: '2026-04-23', sentAt: '2026-04-23T01:00:00Z', messageIds: [9] })).toBe(false);
    expect(await sent.get('-1', '2026-04-23')).toEqual({ chatId: '-1', date: '2026-04-23', sentAt: '2026-04-23T00:00:01Z', messageIds: [7, 8] });
    expect(await sent.wasSent('-1', '2026-04-24')).toBe(false);
    expect(await sent.onDate('2026-04-23')).toHaveLength(1);
  });
});
