import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteDatabase } from '../../../src/store/sqlite/open-sqlite-database.js';
import { SqliteChatMemoryStore } from '../../../src/store/sqlite/sqlite-chat-memory-store.js';

const DAY = 24 * 60 * 60 * 1000;
const folders: string[] = [];
const PRIVATE = { chatHash: 'chat-1', readerHash: 'reader-1', readerOnly: true };
const PRESSED_BY_OWNER = { chatHash: 'chat-1', readerHash: 'reader-1' };

afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

function databaseFile(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-chat-memory-'));
  folders.push(folder);
  return path.join(folder, 'newsbot.db');
}

describe('SqliteChatMemoryStore', () => {
  it('keeps one conversation context per reader and chat, readable within its age', async () => {
    let now = 1_000_000;
    const memory = new SqliteChatMemoryStore(openSqliteDatabase(':memory:'), { now: () => now });
    await memory.rememberContext('chat-5', 'reader-1', { question: '河城今年新建了多少座桥？', articleIds: ['a'], at: now });
    await memory.rememberContext('chat-5', 'reader-1', { question: '河城的预算是多少？', articleIds: ['b', 'c'], at: now });
    await memory.rememberContext('chat-5', 'reader-2', { question: '别人的问题？', articleIds: ['d'], at: now });
    expect(await memory.context('chat-5', 'reader-1', 60_000)).toEqual({ question: '河城的预算是多少？', articleIds: ['b', 'c'], at: now });
    expect(await memory.context('chat-6', 'reader-1', 60_000)).toBeNull();
    now += 60_001;
    expect(await memory.context('chat-5', 'reader-1', 60_000)).toBeNull();
  });

  it('round-trips questions and numbered lists', async () => {
    const memory = new SqliteChatMemoryStore(openSqliteDatabase(':memory:'));
    const key = await memory.rememberQuestion({ question: '株洲有几个集群？', shownArticleIds: ['a', 'b'] }, PRIVATE);
    expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await memory.question(key, PRESSED_BY_OWNER)).toEqual({ question: '株洲有几个集群？', shownArticleIds: ['a', 'b'] });
    expect(await memory.question('zzzzzzzzzzzzzzzzzzzzzz', PRESSED_BY_OWNER)).toBeNull();
    expect(await memory.question('not a key!', PRESSED_BY_OWNER)).toBeNull();

    await memory.rememberListedArticles('chat-group', ['x', 'y']);
    await memory.rememberListedArticles('chat-1', ['z']);
    expect(await memory.listedArticle('chat-group', 2)).toBe('y');
    expect(await memory.listedArticle('chat-group', 3)).toBeNull();
    expect(await memory.listedArticle('chat-group', 0)).toBeNull();
    await memory.rememberListedArticles('chat-group', ['w']);
    expect(await memory.listedArticle('chat-group', 1)).toBe('w');
    expect(await memory.listedArticle('chat-1', 1)).toBe('z');
  });

  it('keeps keys working across a reopen of the same file; expired ones are pruned and find nothing', async () => {
    const file = databaseFile();
    let now = 0;
    const first = openSqliteDatabase(file);
    const before = new SqliteChatMemoryStore(first, { now: () => now });
    const oldKey = await before.rememberQuestion({ question: 'one', shownArticleIds: [] }, PRIVATE);
    first.close();

    const reopened = openSqliteDatabase(file);
    expect(await new SqliteChatMemoryStore(reopened, { now: () => now }).question(oldKey, PRESSED_BY_OWNER)).toMatchObject({ question: 'one' });
    now = 30 * DAY; // the earlier row has expired and is pruned by the next write
    const after = new SqliteChatMemoryStore(reopened, { now: () => now });
    const newKey = await after.rememberQuestion({ question: 'three', shownArticleIds: [] }, PRIVATE);
    expect(reopened.prepare('SELECT count(*) FROM remembered_questions').pluck().get()).toBe(1);
    expect(newKey).not.toBe(oldKey);
    expect(await after.question(oldKey, PRESSED_BY_OWNER)).toBeNull();
    reopened.close();
  });

  it('forgets questions and lists after the retention period', async () => {
    let now = 1_000;
    const memory = new SqliteChatMemoryStore(openSqliteDatabase(':memory:'), { now: () => now, retentionMs: 7 * DAY });
    const key = await memory.rememberQuestion({ question: 'q', shownArticleIds: [] }, PRIVATE);
    await memory.rememberListedArticles('chat-1', ['a']);
    now += 7 * DAY - 1;
    expect(await memory.question(key, PRESSED_BY_OWNER)).not.toBeNull();
    expect(await memory.listedArticle('chat-1', 1)).toBe('a');
    now += 1;
    expect(await memory.question(key, PRESSED_BY_OWNER)).toBeNull();
    expect(await memory.listedArticle('chat-1', 1)).toBeNull();
  });
});
