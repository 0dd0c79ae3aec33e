import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SentDigestStore } from '../../src/digest/sent-digest-store.js';
import { SubscriptionStore, UNSUBSCRIBED } from '../../src/digest/subscription-store.js';

function stores(start = '2026-04-23T00:00:00Z') {
  const database = new Database(':memory:');
  let now = new Date(start);
  const subscriptions = new SubscriptionStore(database, () => now);
  return { database, subscriptions, sent: new SentDigestStore(database), advance: (iso: string) => (now = new Date(iso)) };
}

describe('SubscriptionStore', () => {
  it('subscribes, unsubscribes and re-subscribes, keeping the row', () => {
    const { subscriptions, advance } = stores();
    subscriptions.subscribe({ chatId: '-100', title: 'Readers', kind: 'supergroup', source: 'command' });
    expect(subscriptions.activeSubscriptions().map((subscription) => subscription.chatId)).toEqual(['-100']);
    expect(subscriptions.unsubscribe('-100')).toBe(true);
    expect(subscriptions.unsubscribe('-100')).toBe(false);
    expect(subscriptions.get('-100')).toMatchObject({ active: false, disabledReason: UNSUBSCRIBED, title: 'Readers' });
    advance('2026-04-24T00:00:00Z');
    const again = subscriptions.subscribe({ chatId: '-100', kind: 'supergroup', source: 'command' });
    expect(again).toMatchObject({ active: true, disabledReason: null, title: 'Readers', createdAt: '2026-04-23T00:00:00.000Z', activeSince: '2026-04-24T00:00:00.000Z' });
  });

  it('does not move activeSince when an active chat subscribes again', () => {
    const { subscriptions, advance } = stores();
    subscriptions.subscribe({ chatId: '-100', kind: 'group', source: 'command' });
    advance('2026-04-23T05:00:00Z');
    expect(subscriptions.subscribe({ chatId: '-100', kind: 'group', source: 'command' }).activeSince).toBe('2026-04-23T00:00:00.000Z');
  });

  it('disables with a reason and finds channels by @name', () => {
    const { subscriptions } = stores();
    subscriptions.subscribe({ chatId: '-1001', title: 'News', username: 'zznews', kind: 'channel', source: 'command' });
    expect(subscriptions.disable('-1001', '403: Forbidden: bot was kicked from the channel chat')).toBe(true);
    expect(subscriptions.activeSubscriptions()).toEqual([]);
    expect(subscriptions.findByUsername('@ZZNews')).toMatchObject({ chatId: '-1001', disabledReason: '403: Forbidden: bot was kicked from the channel chat' });
  });

  it('registers configured chats: adds, re-enables after errors, respects an unsubscribe', () => {
    const { subscriptions } = stores();
    expect(subscriptions.ensureConfigured('-1').status).toBe('added');
    expect(subscriptions.ensureConfigured('-1').status).toBe('unchanged');
    subscriptions.disable('-1', '403: Forbidden');
    expect(subscriptions.ensureConfigured('-1')).toMatchObject({ status: 'reactivated', previousReason: '403: Forbidden' });
    subscriptions.unsubscribe('-1');
    expect(subscriptions.ensureConfigured('-1').status).toBe('unsubscribed');
    expect(subscriptions.get('-1')?.active).toBe(false);
  });

  it('moves a subscription to its supergroup id', () => {
    const { subscriptions } = stores();
    subscriptions.subscribe({ chatId: '-5', title: 'Group', kind: 'group', source: 'command' });
    subscriptions.migrate('-5', '-1005');
    expect(subscriptions.get('-5')).toBeNull();
    expect(subscriptions.get('-1005')).toMatchObject({ kind: 'supergroup', title: 'Group', active: true });
  });

  it('creates its tables idempotently on a shared connection', () => {
    const { database } = stores();
    expect(() => new SubscriptionStore(database)).not.toThrow();
    const tables = database.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(['sent_digests', 'subscriptions']);
  });
});

describe('SentDigestStore', () => {
  it('records a (chat, date) once', () => {
    const { sent } = stores();
    expect(sent.wasSent('-1', '2026-04-23')).toBe(false);
    expect(sent.record({ chatId: '-1', date: '2026-04-23', sentAt: '2026-04-23T00:00:01Z', messageIds: [7, 8] })).toBe(true);
    expect(sent.record({ chatId: '-1', date: '2026-04-23', sentAt: '2026-04-23T01:00:00Z', messageIds: [9] })).toBe(false);
    expect(sent.get('-1', '2026-04-23')).toEqual({ chatId: '-1', date: '2026-04-23', sentAt: '2026-04-23T00:00:01Z', messageIds: [7, 8] });
    expect(sent.wasSent('-1', '2026-04-24')).toBe(false);
    expect(sent.onDate('2026-04-23')).toHaveLength(1);
  });
});
