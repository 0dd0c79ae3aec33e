// One behaviour for every adapter of the state ports: the same tests run against SQLite and PostgreSQL.
import { afterEach, describe, expect, it } from 'vitest';
import type { StateStores } from '../../../src/store/state-stores.js';
import { UNSUBSCRIBED } from '../../../src/store/subscription-store.js';

/** The ports every backend adapts. */
export type SharedStateStores = Pick<StateStores, 'subscriptions' | 'sentDigests' | 'feedStates' | 'chatMemory' | 'rateLimits' | 'follows'>;

/** Fresh, empty stores; `other` opens a second connection to the same data, as another worker would. */
export interface StateStoreFixture {
  stores: SharedStateStores;
  other(): Promise<SharedStateStores>;
  /** Fixes the clock the stores are given (real time until set). */
  setClock(iso: string): void;
  close(): Promise<void>;
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** Registers the contract tests for one backend. */
export function stateStoreContract(backend: string, open: () => Promise<StateStoreFixture>): void {
  describe(`state stores on ${backend}`, () => {
    const fixtures: StateStoreFixture[] = [];
    afterEach(async () => {
      for (const fixture of fixtures.splice(0)) await fixture.close();
    });
    const fresh = async (): Promise<StateStoreFixture> => {
      const fixture = await open();
      fixtures.push(fixture);
      return fixture;
    };

    it('follows: the topic cap, unfollow, each alert claimed once across connections, the day’s count, /forget', async () => {
      const fixture = await fresh();
      const { follows } = fixture.stores;
      fixture.setClock('2026-04-23T00:00:00.000Z');
      expect(await follows.follow({ chatId: '1001', topic: '湘江四桥', language: 'zh' }, 2)).toBe('added');
      fixture.setClock('2026-04-23T00:00:01.000Z');
      expect(await follows.follow({ chatId: '1001', topic: '面包节', language: 'en' }, 2)).toBe('added');
      expect(await follows.follow({ chatId: '1001', topic: '湘江四桥', language: 'zh' }, 2)).toBe('already');
      expect(await follows.follow({ chatId: '1001', topic: '夜市', language: 'zh' }, 2)).toBe('limit');
      expect(await follows.follow({ chatId: '-100', topic: '湘江四桥', language: 'zh' }, 2)).toBe('added');
      expect(await follows.following('1001')).toEqual([
        { chatId: '1001', topic: '湘江四桥', language: 'zh', createdAt: '2026-04-23T00:00:00.000Z' },
        { chatId: '1001', topic: '面包节', language: 'en', createdAt: '2026-04-23T00:00:01.000Z' },
      ]);
      expect((await follows.all()).map((follow) => `${follow.chatId} ${follow.topic}`)).toEqual(['1001 湘江四桥', '-100 湘江四桥', '1001 面包节']);
      expect(await follows.unfollow('1001', '面包节')).toBe(true);
      expect(await follows.unfollow('1001', '面包节')).toBe(false);

      const other = (await fixture.other()).follows;
      const claim = { chatId: '1001', articleId: 'bridge-traffic', day: '2026-04-23', topic: '湘江四桥' };
      const claims = await Promise.all([follows.claimAlert(claim), other.claimAlert(claim)]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await follows.claimAlert({ ...claim, topic: 'another topic' })).toBe(false);
      expect(await other.claimAlert({ ...claim, articleId: 'bridge-lights' })).toBe(true);
      expect(await follows.claimAlert({ ...claim, chatId: '-100' })).toBe(true);
      expect(await follows.alertsOnDay('1001', '2026-04-23')).toBe(2);
      expect(await follows.alertsOnDay('1001', '2026-04-24')).toBe(0);

      expect(await follows.forgetReader({ readerHash: 'h', privateChatHash: 'c', privateChatId: '1001' })).toBe(3);
      expect(await follows.following('1001')).toEqual([]);
      expect(await follows.alertsOnDay('1001', '2026-04-23')).toBe(0);
      expect(await follows.following('-100')).toHaveLength(1);
      expect(await follows.alertsOnDay('-100', '2026-04-23')).toBe(1);
    });

    it('subscriptions: subscribe, unsubscribe, re-subscribe, configured chats, migration, lookup by @name', async () => {
      const fixture = await fresh();
      const { subscriptions } = fixture.stores;
      fixture.setClock('2026-04-23T00:00:00.000Z');
      await subscriptions.subscribe({ chatId: '-100', title: 'Readers', kind: 'supergroup', source: 'command' });
      await subscriptions.subscribe({ chatId: '-1001', title: 'News', username: 'zznews', kind: 'channel', source: 'command' });
      expect((await subscriptions.activeSubscriptions()).map((subscription) => subscription.chatId)).toEqual(['-100', '-1001']);
      expect(await subscriptions.unsubscribe('-100')).toBe(true);
      expect(await subscriptions.unsubscribe('-100')).toBe(false);
      expect(await subscriptions.get('-100')).toMatchObject({ active: false, disabledReason: UNSUBSCRIBED, title: 'Readers' });
      fixture.setClock('2026-04-24T00:00:00.000Z');
      expect(await subscriptions.subscribe({ chatId: '-100', kind: 'supergroup', source: 'command' })).toEqual({
        chatId: '-100',
        title: 'Readers',
        username: null,
        kind: 'supergroup',
        source: 'command',
        active: true,
        disabledReason: null,
        createdAt: '2026-04-23T00:00:00.000Z',
        activeSince: '2026-04-24T00:00:00.000Z',
      });
      expect(await subscriptions.disable('-1001', '403: Forbidden')).toBe(true);
      expect(await subscriptions.findByUsername('@ZZNews')).toMatchObject({ chatId: '-1001', disabledReason: '403: Forbidden' });

      expect((await subscriptions.ensureConfigured('-1')).status).toBe('added');
      expect((await subscriptions.ensureConfigured('-1')).status).toBe('unchanged');
      await subscriptions.disable('-1', '403: Forbidden');
      expect(await subscriptions.ensureConfigured('-1')).toMatchObject({ status: 'reactivated', previousReason: '403: Forbidden' });
      await subscriptions.unsubscribe('-1');
      expect((await subscriptions.ensureConfigured('-1')).status).toBe('unsubscribed');

      await subscriptions.subscribe({ chatId: '-5', title: 'Group', kind: 'group', source: 'command' });
      await subscriptions.migrate('-5', '-1005');
      expect(await subscriptions.get('-5')).toBeNull();
      expect(await subscriptions.get('-1005')).toMatchObject({ kind: 'supergroup', title: 'Group', active: true });
      expect((await subscriptions.all()).map((subscription) => subscription.chatId)).toEqual(['-100', '-1001', '-1', '-1005']);
    });

    it('subscriptions: workers registering the same configured chat at once agree that one of them added it', async () => {
      const fixture = await fresh();
      const others = await Promise.all([fixture.other(), fixture.other()]);
      const results = await Promise.all([fixture.stores, ...others].map((stores) => stores.subscriptions.ensureConfigured('-42')));
      expect(results.map((result) => result.status).sort()).toEqual(['added', 'unchanged', 'unchanged']);
    });

    it('sent digests: a claim is one worker’s until sent, released, or its lease runs out; progress survives a retake', async () => {
      const { sentDigests } = (await fresh()).stores;
      const first = await sentDigests.claim('-1', '2026-04-23', 'worker-a', 60_000);
      expect(first).toEqual({ status: 'claimed', claim: { chatId: '-1', date: '2026-04-23', claimant: 'worker-a', messageIds: [] } });
      expect(await sentDigests.claim('-1', '2026-04-23', 'worker-b', 60_000)).toMatchObject({ status: 'claimed-elsewhere', claimant: 'worker-a' });
      expect(await sentDigests.recordProgress('-1', '2026-04-23', 'worker-a', [7, 8])).toBe(true);
      expect(await sentDigests.recordProgress('-1', '2026-04-23', 'worker-b', [9])).toBe(false);
      // Its own claim again (a resumed run) comes back with the progress.
      expect(await sentDigests.claim('-1', '2026-04-23', 'worker-a', 60_000)).toMatchObject({ status: 'claimed', claim: { messageIds: [7, 8] } });
      expect(await sentDigests.wasSent('-1', '2026-04-23')).toBe(false);

      // worker-a dies: after the lease, worker-b takes the claim over and resumes after message 8; worker-a can no longer mark it.
      await sleep(300);
      expect(await sentDigests.claim('-1', '2026-04-23', 'worker-b', 200)).toMatchObject({ status: 'claimed', claim: { claimant: 'worker-b', messageIds: [7, 8] } });
      expect(await sentDigests.markSent('-1', '2026-04-23', 'worker-a', [7, 8, 1])).toBe(false);
      expect(await sentDigests.markSent('-1', '2026-04-23', 'worker-b', [7, 8, 10])).toBe(true);
      expect(await sentDigests.markSent('-1', '2026-04-23', 'worker-b', [7, 8, 10])).toBe(false);
      expect(await sentDigests.claim('-1', '2026-04-23', 'worker-c', 0)).toEqual({ status: 'sent' });
      expect(await sentDigests.get('-1', '2026-04-23')).toMatchObject({ chatId: '-1', date: '2026-04-23', messageIds: [7, 8, 10] });
      expect((await sentDigests.onDate('2026-04-23')).map((sent) => sent.chatId)).toEqual(['-1']);

      // A released claim is anyone's at once, with its progress.
      await sentDigests.claim('-2', '2026-04-23', 'worker-a', 60_000);
      await sentDigests.recordProgress('-2', '2026-04-23', 'worker-a', [3]);
      await sentDigests.release('-2', '2026-04-23', 'worker-a');
      expect(await sentDigests.claim('-2', '2026-04-23', 'worker-b', 60_000)).toMatchObject({ status: 'claimed', claim: { messageIds: [3] } });
    });

    it('sent digests: of many workers claiming at once, exactly one wins', async () => {
      const fixture = await fresh();
      const workers = [fixture.stores, await fixture.other(), await fixture.other()];
      const results = await Promise.all(Array.from({ length: 12 }, (_, index) => workers[index % 3]!.sentDigests.claim('-7', '2026-04-23', `worker-${index}`, 60_000)));
      expect(results.filter((result) => result.status === 'claimed')).toHaveLength(1);
    });

    it('sent digests: records a completed send once; all() lists sends only', async () => {
      const { sentDigests } = (await fresh()).stores;
      expect(await sentDigests.record({ chatId: '-1', date: '2026-04-22', sentAt: '2026-04-22T00:00:01.000Z', messageIds: [7, 8] })).toBe(true);
      expect(await sentDigests.record({ chatId: '-1', date: '2026-04-22', sentAt: '2026-04-22T01:00:00.000Z', messageIds: [9] })).toBe(false);
      await sentDigests.claim('-2', '2026-04-22', 'worker-a', 60_000);
      expect(await sentDigests.all()).toEqual([{ chatId: '-1', date: '2026-04-22', sentAt: '2026-04-22T00:00:01.000Z', messageIds: [7, 8] }]);
      expect(await sentDigests.get('-2', '2026-04-22')).toBeNull();
    });

    it('feed states: empty until set, replaced by set, shared between connections', async () => {
      const fixture = await fresh();
      const feed = 'https://example.org/feed.xml';
      expect(await fixture.stores.feedStates.get(feed)).toEqual({ etag: null, lastModified: null, items: {} });
      await fixture.stores.feedStates.set(feed, { etag: '"v1"', lastModified: 'Thu, 23 Apr 2026 08:00:00 GMT', items: { a: '1', b: '2' } });
      await fixture.stores.feedStates.set(feed, { etag: '"v2"', lastModified: null, items: { b: '3' } });
      expect(await (await fixture.other()).feedStates.get(feed)).toEqual({ etag: '"v2"', lastModified: null, items: { b: '3' } });
    });

    it('chat memory: keys are random and never repeat; a question opens only in its chat (and, if private, for its reader), until it expires', async () => {
      const fixture = await fresh();
      fixture.setClock('2026-04-23T00:00:00.000Z');
      const other = await fixture.other();
      const group = { chatHash: 'chat-group', readerHash: 'reader-a', readerOnly: false };
      const keys = await Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          (index % 2 ? other : fixture.stores).chatMemory.rememberQuestion({ question: `q${index}`, shownArticleIds: [`a${index}`] }, group),
        ),
      );
      expect(new Set(keys).size).toBe(20);
      for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
      const key = keys[7]!;
      // Anyone in the group may press it; nobody in another chat.
      expect(await fixture.stores.chatMemory.question(key, { chatHash: 'chat-group', readerHash: 'reader-b' })).toEqual({ question: 'q7', shownArticleIds: ['a7'] });
      expect(await fixture.stores.chatMemory.question(key, { chatHash: 'chat-elsewhere', readerHash: 'reader-a' })).toBeNull();
      expect(await fixture.stores.chatMemory.question('AAAAAAAAAAAAAAAAAAAAAA', { chatHash: 'chat-group', readerHash: 'reader-a' })).toBeNull();
      expect(await fixture.stores.chatMemory.question('not a key', { chatHash: 'chat-group', readerHash: 'reader-a' })).toBeNull();
      // A private question opens only for its reader.
      const privateKey = await other.chatMemory.rememberQuestion({ question: 'mine', shownArticleIds: [] }, { chatHash: 'chat-a', readerHash: 'reader-a', readerOnly: true });
      expect(await fixture.stores.chatMemory.question(privateKey, { chatHash: 'chat-a', readerHash: 'reader-a' })).toEqual({ question: 'mine', shownArticleIds: [] });
      expect(await fixture.stores.chatMemory.question(privateKey, { chatHash: 'chat-a', readerHash: 'reader-b' })).toBeNull();
      await other.chatMemory.rememberListedArticles('chat-group', ['x', 'y']);
      expect(await fixture.stores.chatMemory.listedArticle('chat-group', 2)).toBe('y');
      expect(await fixture.stores.chatMemory.listedArticle('chat-group', 3)).toBeNull();
      expect(await fixture.stores.chatMemory.listedArticle('chat-group', 0)).toBeNull();
      expect(await fixture.stores.chatMemory.listedArticle('chat-elsewhere', 1)).toBeNull();
      fixture.setClock('2026-05-23T00:00:00.000Z');
      expect(await fixture.stores.chatMemory.question(key, { chatHash: 'chat-group', readerHash: 'reader-a' })).toBeNull();
      expect(await fixture.stores.chatMemory.listedArticle('chat-group', 1)).toBeNull();
    });

    it('chat memory: a reader’s follow-up context, per chat and reader, replaced by the next, gone when too old', async () => {
      const fixture = await fresh();
      fixture.setClock('2026-04-23T00:00:00.000Z');
      const at = Date.parse('2026-04-23T00:00:00.000Z');
      await fixture.stores.chatMemory.rememberContext('chat-group', 'reader-a', { question: 'q1', articleIds: ['a'], at });
      await fixture.stores.chatMemory.rememberContext('chat-group', 'reader-a', { question: 'q2', articleIds: ['b', 'c'], at });
      const other = await fixture.other();
      expect(await other.chatMemory.context('chat-group', 'reader-a', 60_000)).toEqual({ question: 'q2', articleIds: ['b', 'c'], at });
      expect(await other.chatMemory.context('chat-group', 'reader-b', 60_000)).toBeNull();
      fixture.setClock('2026-04-23T00:05:00.000Z');
      expect(await other.chatMemory.context('chat-group', 'reader-a', 60_000)).toBeNull();
    });

    it('forgetReader: chat memory, a private chat’s subscription and deliveries of one reader go; everyone else’s stay', async () => {
      const fixture = await fresh();
      fixture.setClock('2026-04-23T00:00:00.000Z');
      const { chatMemory, subscriptions, sentDigests } = fixture.stores;
      const reader = { readerHash: 'reader-a', privateChatHash: 'chat-a', privateChatId: '42' };
      const at = Date.parse('2026-04-23T00:00:00.000Z');
      const mine = [
        await chatMemory.rememberQuestion({ question: 'mine in private', shownArticleIds: [] }, { chatHash: 'chat-a', readerHash: 'reader-a', readerOnly: true }),
        await chatMemory.rememberQuestion({ question: 'mine in a group', shownArticleIds: [] }, { chatHash: 'chat-group', readerHash: 'reader-a', readerOnly: false }),
      ];
      const theirs = await chatMemory.rememberQuestion({ question: 'theirs', shownArticleIds: [] }, { chatHash: 'chat-group', readerHash: 'reader-b', readerOnly: false });
      await chatMemory.rememberContext('chat-a', 'reader-a', { question: 'q', articleIds: [], at });
      await chatMemory.rememberContext('chat-group', 'reader-a', { question: 'q', articleIds: [], at });
      await chatMemory.rememberContext('chat-group', 'reader-b', { question: 'q', articleIds: [], at });
      await chatMemory.rememberListedArticles('chat-a', ['x']);
      await chatMemory.rememberListedArticles('chat-group', ['y']);
      await subscriptions.subscribe({ chatId: '42', kind: 'private', source: 'config' });
      await subscriptions.subscribe({ chatId: '-7', kind: 'group', source: 'command' });
      await sentDigests.record({ chatId: '42', date: '2026-04-22', sentAt: '2026-04-22T00:00:05.000Z', messageIds: [1] });
      await sentDigests.record({ chatId: '-7', date: '2026-04-22', sentAt: '2026-04-22T00:00:05.000Z', messageIds: [2] });

      const other = await fixture.other();
      expect(await other.chatMemory.forgetReader(reader)).toBe(5);
      expect(await other.subscriptions.forgetReader(reader)).toBe(1);
      expect(await other.sentDigests.forgetReader(reader)).toBe(1);
      for (const [key, chatHash] of [
        [mine[0]!, 'chat-a'],
        [mine[1]!, 'chat-group'],
      ] as const)
        expect(await chatMemory.question(key, { chatHash, readerHash: 'reader-a' })).toBeNull();
      expect(await chatMemory.question(theirs, { chatHash: 'chat-group', readerHash: 'reader-b' })).toMatchObject({ question: 'theirs' });
      expect(await chatMemory.context('chat-group', 'reader-a', 60_000)).toBeNull();
      expect(await chatMemory.context('chat-group', 'reader-b', 60_000)).not.toBeNull();
      expect(await chatMemory.listedArticle('chat-a', 1)).toBeNull();
      expect(await chatMemory.listedArticle('chat-group', 1)).toBe('y');
      expect(await subscriptions.get('42')).toBeNull();
      expect(await subscriptions.get('-7')).not.toBeNull();
      expect(await sentDigests.get('42', '2026-04-22')).toBeNull();
      expect(await sentDigests.get('-7', '2026-04-22')).not.toBeNull();
      expect(await other.chatMemory.forgetReader(reader)).toBe(0);
    });

    it('chat memory: a button about another story opens only for its reader, in its chat, and keeps its article; a context keeps the subject; forgetReader erases both', async () => {
      const fixture = await fresh();
      fixture.setClock('2026-04-23T00:00:00.000Z');
      const at = Date.parse('2026-04-23T00:00:00.000Z');
      const memory = fixture.stores.chatMemory;
      // The same binding as a private chat's "more results" key, here in a group.
      const mine = await memory.rememberQuestion(
        { question: '袭击造成多少人死亡？', shownArticleIds: [], articleId: 'south-attack' },
        { chatHash: 'chat-group', readerHash: 'reader-a', readerOnly: true },
      );
      const theirs = await memory.rememberQuestion(
        { question: 'q', shownArticleIds: [], articleId: 'north-attack' },
        { chatHash: 'chat-group', readerHash: 'reader-b', readerOnly: true },
      );
      const other = await fixture.other();
      expect(await other.chatMemory.question(mine, { chatHash: 'chat-group', readerHash: 'reader-a' })).toEqual({
        question: '袭击造成多少人死亡？',
        shownArticleIds: [],
        articleId: 'south-attack',
      });
      expect(await other.chatMemory.question(mine, { chatHash: 'chat-group', readerHash: 'reader-b' })).toBeNull();
      expect(await other.chatMemory.question(mine, { chatHash: 'chat-elsewhere', readerHash: 'reader-a' })).toBeNull();
      await memory.rememberContext('chat-group', 'reader-a', { question: 'q1', articleIds: ['a'], at, subject: '王晓梅' });
      await memory.rememberContext('chat-other', 'reader-a', { question: 'q2', articleIds: ['b'], at });
      await memory.rememberContext('chat-group', 'reader-b', { question: 'q3', articleIds: ['c'], at });
      expect(await other.chatMemory.context('chat-group', 'reader-a', 60_000)).toEqual({ question: 'q1', articleIds: ['a'], at, subject: '王晓梅' });
      expect(await other.chatMemory.context('chat-other', 'reader-a', 60_000)).toEqual({ question: 'q2', articleIds: ['b'], at });

      const reader = { readerHash: 'reader-a', privateChatHash: 'chat-a', privateChatId: '42' };
      expect(await other.chatMemory.forgetReader(reader)).toBe(3);
      expect(await memory.question(mine, { chatHash: 'chat-group', readerHash: 'reader-a' })).toBeNull();
      expect(await memory.context('chat-group', 'reader-a', 60_000)).toBeNull();
      expect(await memory.context('chat-other', 'reader-a', 60_000)).toBeNull();
      expect(await memory.question(theirs, { chatHash: 'chat-group', readerHash: 'reader-b' })).toMatchObject({ articleId: 'north-attack' });
      expect(await memory.context('chat-group', 'reader-b', 60_000)).toMatchObject({ question: 'q3' });
      expect(await memory.forgetReader(reader)).toBe(0);
    });

    it('rate limits: up to the limit per window and key, the wait, one warning; connections together never exceed the limit', async () => {
      const fixture = await fresh();
      const { rateLimits } = fixture.stores;
      expect(await rateLimits.take('user:1', 2, 60_000, 1_000)).toEqual({ allowed: true });
      expect(await rateLimits.take('user:1', 2, 60_000, 11_000)).toEqual({ allowed: true });
      expect(await rateLimits.take('user:1', 2, 60_000, 21_000)).toEqual({ allowed: false, retryAfterSeconds: 40, firstRefusal: true });
      expect(await rateLimits.take('user:1', 2, 60_000, 31_000)).toEqual({ allowed: false, retryAfterSeconds: 30, firstRefusal: false });
      expect(await rateLimits.take('user:2', 2, 60_000, 31_000)).toEqual({ allowed: true });
      expect(await rateLimits.take('user:1', 2, 60_000, 61_001)).toEqual({ allowed: true });
      expect(await rateLimits.take('user:1', 2, 60_000, 61_002)).toMatchObject({ allowed: false, firstRefusal: true });
      expect(await rateLimits.prune(200_000)).toBe(2);

      const workers = [fixture.stores, await fixture.other()];
      const decisions = await Promise.all(Array.from({ length: 10 }, (_, index) => workers[index % 2]!.rateLimits.take('user:7', 3, 60_000, 300_000 + index)));
      expect(decisions.filter((decision) => decision.allowed)).toHaveLength(3);
      expect(decisions.filter((decision) => !decision.allowed && decision.firstRefusal)).toHaveLength(1);
    });
  });
}
